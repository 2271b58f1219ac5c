import type { Kysely } from "kysely";
import type { DatabaseHandle } from "./database.ts";
import { lockForTransaction, lockKeys } from "./lock.ts";
import { migrations, type Migration } from "./migrations/index.ts";
import type { Database } from "./tables.ts";

async function ensureMigrationTable(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable("schema_migrations")
    .ifNotExists()
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("applied_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("schema_migrations")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Applies each pending migration in its own transaction. On PostgreSQL an advisory lock
 * taken inside that transaction lets several app processes start at once safely.
 */
export async function migrateToLatest(
  handle: DatabaseHandle,
  now: () => number = Date.now,
): Promise<Migration[]> {
  await handle.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, handle.kind, lockKeys.migrations);
    await ensureMigrationTable(trx);
  });
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const ran = await handle.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, handle.kind, lockKeys.migrations);
      const done = await trx
        .selectFrom("schema_migrations")
        .select("version")
        .where("version", "=", migration.version)
        .executeTakeFirst();
      if (done) return false;
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto("schema_migrations")
        .values({ version: migration.version, name: migration.name, applied_at: now() })
        .execute();
      return true;
    });
    if (ran) applied.push(migration);
  }
  return applied;
}

export const latestVersion = migrations.at(-1)?.version ?? 0;
