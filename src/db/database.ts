import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import type { Database } from "./tables.ts";

export type DatabaseKind = Config["database"]["kind"];

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The raw SQLite connection, for online backups; absent on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
}

const INT8_OID = 20;

export function openDatabase(settings: Config["database"]): DatabaseHandle {
  if (settings.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: settings.url,
      max: 10,
      // Instants and money are bigint columns; their values stay well inside 2^53.
      types: {
        getTypeParser: (oid: number, format?: "text" | "binary") =>
          oid === INT8_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format as "text"),
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", sqlite: undefined, close: () => db.destroy() };
  }

  if (settings.file !== ":memory:") fs.mkdirSync(path.dirname(settings.file), { recursive: true });
  const sqlite = new SQLite(settings.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: "sqlite", sqlite, close: () => db.destroy() };
}
