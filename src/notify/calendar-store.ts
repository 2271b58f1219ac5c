import type { Kysely, Selectable } from "kysely";
import type { CalendarFeedTable, Database } from "../db/tables.ts";

type Db = Kysely<Database>;
export type CalendarFeedRow = Selectable<CalendarFeedTable>;

export function findActiveFeed(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** The feed a private URL's token opens, with its person, if neither is revoked or gone. */
export function findFeedByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("calendar_feeds")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "calendar_feeds.user_id")
        .onRef("users.workspace_id", "=", "calendar_feeds.workspace_id"),
    )
    .select([
      "calendar_feeds.id",
      "calendar_feeds.workspace_id",
      "users.id as user_id",
      "users.role",
      "users.email",
    ])
    .where("calendar_feeds.token_hash", "=", tokenHash)
    .where("calendar_feeds.revoked_at", "is", null)
    .where("users.deactivated_at", "is", null)
    .executeTakeFirst();
}

export async function revokeFeeds(
  db: Db,
  workspaceId: string,
  userId: string,
  revokedAt: number,
): Promise<void> {
  await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: revokedAt })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function insertFeed(db: Db, row: CalendarFeedRow): Promise<void> {
  await db.insertInto("calendar_feeds").values(row).execute();
}

/** Active contracts, all of the workspace's or one contractor's, with the contractor's name. */
export function activeContracts(db: Db, workspaceId: string, contractorId: string | null) {
  let query = db
    .selectFrom("contracts")
    .innerJoin("contractors", (join) =>
      join
        .onRef("contractors.id", "=", "contracts.contractor_id")
        .onRef("contractors.workspace_id", "=", "contracts.workspace_id"),
    )
    .select([
      "contracts.id",
      "contracts.title",
      "contracts.end_date",
      "contracts.contractor_id",
      "contractors.name as contractor_name",
    ])
    .where("contracts.workspace_id", "=", workspaceId)
    .where("contracts.status", "=", "active");
  if (contractorId !== null) query = query.where("contracts.contractor_id", "=", contractorId);
  return query.orderBy("contracts.id").execute();
}

export function datedMilestones(db: Db, workspaceId: string, contractIds: readonly string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("milestones")
    .select(["id", "contract_id", "title", "due_date", "status"])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "in", [...contractIds])
    .where("due_date", "is not", null)
    .orderBy("due_date")
    .orderBy("id")
    .execute();
}
