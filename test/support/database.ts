import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { Config } from "../../src/config.ts";

export type TestDatabaseKind = "sqlite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.HANDOFF_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/**
 * A fresh, empty database for one test app: an in-memory SQLite, or a new database in the
 * test PostgreSQL cluster. Returns its settings and how to throw it away.
 */
export async function freshDatabase(): Promise<{
  settings: Config["database"];
  drop(): Promise<void>;
}> {
  if (testDatabaseKind() === "sqlite") {
    return { settings: { kind: "sqlite", file: ":memory:" }, drop: async () => undefined };
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `handoff_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    settings: { kind: "postgres", url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pg's Pool.end() resolves before its connections have finished closing; forcing the
      // drop while they close makes them fail loudly, so give them a moment to go first.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const { rows } = await client.query<{ open: number }>(
          "select count(*)::int as open from pg_stat_activity where datname = $1",
          [name],
        );
        if (rows[0]?.open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
