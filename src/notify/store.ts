import type { Kysely, Selectable } from "kysely";
import { sql } from "kysely";
import type { DatabaseKind } from "../db/database.ts";
import type { Database, OutboxTable } from "../db/tables.ts";

type Db = Kysely<Database>;
export type OutboxRow = Selectable<OutboxTable>;

export async function insertMessage(db: Db, row: OutboxRow): Promise<void> {
  await db.insertInto("outbox").values(row).execute();
}

export function listMessages(db: Db, workspaceId: string, limit: number) {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Claims due messages by pushing their next attempt out by a lease, in one transaction.
 * On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several app processes dispatch side by side
 * without sending one message twice.
 */
export async function claimDueMessages(
  db: Db,
  kind: DatabaseKind,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<OutboxRow[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom("outbox")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit);
    if (kind === "postgres") query = query.modifyEnd(sql`for update skip locked`);
    const due = await query.execute();
    if (due.length === 0) return [];
    await trx
      .updateTable("outbox")
      .set({ next_attempt_at: leaseUntil })
      .where(
        "id",
        "in",
        due.map((message) => message.id),
      )
      .execute();
    return due;
  });
}

export async function recordAttempt(
  db: Db,
  message: { id: string; workspace_id: string },
  changes: Partial<
    Pick<OutboxRow, "status" | "attempts" | "next_attempt_at" | "last_error" | "sent_at">
  >,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set(changes)
    .where("workspace_id", "=", message.workspace_id)
    .where("id", "=", message.id)
    .execute();
}
