import type { Kysely, Selectable } from "kysely";
import type { Database, NotificationTable } from "../db/tables.ts";

type Db = Kysely<Database>;
export type NotificationRow = Selectable<NotificationTable>;

/**
 * The daily digest leaves a row of this kind per person and date, already read, so that
 * two sweeps can't both send it; it is bookkeeping, never shown in the inbox.
 */
export const DIGEST_MARKER = "daily_digest";

/** A person's inbox position: newest first, ties broken by id. */
export interface InboxPosition {
  createdAt: number;
  id: string;
}

export function listNotifications(
  db: Db,
  workspaceId: string,
  userId: string,
  options: { unreadOnly: boolean; before: InboxPosition | null; limit: number },
) {
  let query = db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("kind", "!=", DIGEST_MARKER);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const before = options.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb("created_at", "<", before.createdAt),
        eb.and([eb("created_at", "=", before.createdAt), eb("id", "<", before.id)]),
      ]),
    );
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
}

export async function countUnread(db: Db, workspaceId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number | string>().as("unread"))
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .where("kind", "!=", DIGEST_MARKER)
    .executeTakeFirstOrThrow();
  return Number(row.unread);
}

export function findNotification(db: Db, workspaceId: string, userId: string, id: string) {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("kind", "!=", DIGEST_MARKER)
    .executeTakeFirst();
}

/** Marks unread notifications read: one by id, or all of the person's. */
export async function markRead(
  db: Db,
  workspaceId: string,
  userId: string,
  readAt: number,
  id?: string,
): Promise<void> {
  let query = db
    .updateTable("notifications")
    .set({ read_at: readAt })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (id !== undefined) query = query.where("id", "=", id);
  await query.execute();
}

/**
 * Inserts a notification unless the person already has one for its cause; true when this
 * call wrote it. On PostgreSQL a second writer of the same cause waits for the first to
 * commit and then writes nothing.
 */
export async function insertNotification(db: Db, row: NotificationRow): Promise<boolean> {
  const inserted = await db
    .insertInto("notifications")
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(["workspace_id", "user_id", "cause_key"]).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markEmailed(
  db: Db,
  workspaceId: string,
  id: string,
  emailedAt: number,
): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ emailed_at: emailedAt })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/**
 * Claims a person's notifications of some kinds not emailed yet and created since `since`,
 * by stamping them emailed; returns what this call claimed. The `emailed_at is null` check
 * is made again after a concurrent claim commits, so each is claimed once.
 */
export async function claimUnemailed(
  db: Db,
  workspaceId: string,
  userId: string,
  kinds: readonly string[],
  since: number,
  emailedAt: number,
): Promise<NotificationRow[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .updateTable("notifications")
    .set({ emailed_at: emailedAt })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("emailed_at", "is", null)
    .where("kind", "in", [...kinds])
    .where("created_at", ">=", since)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.created_at - b.created_at || a.id.localeCompare(b.id));
}
