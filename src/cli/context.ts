import pino from "pino";
import type { AppContext } from "../context.ts";
import { readConfig } from "../config.ts";
import { openDatabase, type DatabaseHandle } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

/**
 * A service context for one-shot commands: migrated database, no HTTP server, no
 * background work. Mail they queue is sent by the running server's dispatcher.
 */
export async function withCommandContext<T>(
  work: (ctx: AppContext, database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const ctx: AppContext = {
      db: database.db,
      dbKind: database.kind,
      config,
      log: pino({ level: "warn" }),
      now: Date.now,
      wakeMail: () => undefined,
    };
    return await work(ctx, database);
  } finally {
    await database.close();
  }
}
