import type { Kysely, Selectable } from "kysely";
import type { Database, MilestoneStatus, RatingTable, SubmissionTable } from "../db/tables.ts";
import type { MilestoneRow } from "./store.ts";

/** Delivery's SQL: milestones as work moves through review and payment, and their submissions. */
type Db = Kysely<Database>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type NamedSubmissionRow = SubmissionRow & {
  submitted_by_name: string;
  decided_by_name: string | null;
};

export function findMilestone(
  db: Db,
  workspaceId: string,
  milestoneId: string,
): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom("milestones")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", milestoneId)
    .executeTakeFirst();
}

/**
 * Moves a milestone on only if it is still in one of the `from` statuses, and says whether it
 * did: two people acting at once cannot both move it (the second finds it already moved).
 */
export async function moveMilestone(
  db: Db,
  workspaceId: string,
  milestoneId: string,
  from: readonly MilestoneStatus[],
  changes: Partial<
    Pick<MilestoneRow, "status" | "submitted_at" | "accepted_at" | "released_at" | "updated_at">
  >,
): Promise<boolean> {
  const result = await db
    .updateTable("milestones")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", milestoneId)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSubmission(db: Db, row: SubmissionRow): Promise<void> {
  await db.insertInto("submissions").values(row).execute();
}

/** Records the decision on the milestone's submission that is waiting for one; its id, if any. */
export async function decideSubmission(
  db: Db,
  workspaceId: string,
  milestoneId: string,
  decision: Pick<SubmissionRow, "decision" | "feedback" | "decided_by" | "decided_at">,
): Promise<string | undefined> {
  const decided = await db
    .updateTable("submissions")
    .set(decision)
    .where("workspace_id", "=", workspaceId)
    .where("milestone_id", "=", milestoneId)
    .where("decision", "is", null)
    .returning("id")
    .executeTakeFirst();
  return decided?.id;
}

export async function insertRating(db: Db, row: Selectable<RatingTable>): Promise<void> {
  await db.insertInto("ratings").values(row).execute();
}

/** Submissions of these milestones with who handed in and who decided, newest first. */
export function submissionsOf(
  db: Db,
  workspaceId: string,
  milestoneIds: readonly string[],
): Promise<NamedSubmissionRow[]> {
  if (milestoneIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("submissions as s")
    .innerJoin("users as u", (join) =>
      join.onRef("u.id", "=", "s.submitted_by").onRef("u.workspace_id", "=", "s.workspace_id"),
    )
    .leftJoin("users as d", (join) =>
      join.onRef("d.id", "=", "s.decided_by").onRef("d.workspace_id", "=", "s.workspace_id"),
    )
    .selectAll("s")
    .select(["u.name as submitted_by_name", "d.name as decided_by_name"])
    .where("s.workspace_id", "=", workspaceId)
    .where("s.milestone_id", "in", [...milestoneIds])
    .orderBy("s.submitted_at", "desc")
    .orderBy("s.id", "desc")
    .execute();
}
