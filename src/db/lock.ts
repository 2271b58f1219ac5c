import { sql, type QueryExecutorProvider } from "kysely";
import type { DatabaseKind } from "./database.ts";

/** Named keys for transaction-scoped locks; each constant is arbitrary but fixed. */
export const lockKeys = {
  migrations: 4_716_530_221,
  setup: 4_716_530_222,
} as const;

/**
 * Serialises one kind of transaction across app processes on PostgreSQL. SQLite needs
 * nothing: its single connection already runs one write transaction at a time.
 */
export async function lockForTransaction(
  trx: QueryExecutorProvider,
  kind: DatabaseKind,
  key: number,
): Promise<void> {
  if (kind === "postgres") await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
