import type { Kysely, Selectable } from "kysely";
import type { Database, RunReviewTable } from "../db/tables.ts";

/** The SQL of reviewing handed-in checklist runs: decisions are appended, never changed. */
type Db = Kysely<Database>;
export type RunReviewRow = Selectable<RunReviewTable>;
export type NamedRunReviewRow = RunReviewRow & { decided_by_name: string };

export async function insertRunReview(db: Db, row: RunReviewRow): Promise<void> {
  await db.insertInto("run_reviews").values(row).execute();
}

/** Decisions on these runs with who made them, newest first. */
export function runReviewsOf(
  db: Db,
  workspaceId: string,
  runIds: readonly string[],
): Promise<NamedRunReviewRow[]> {
  if (runIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("run_reviews as r")
    .innerJoin("users as u", (join) =>
      join.onRef("u.id", "=", "r.decided_by").onRef("u.workspace_id", "=", "r.workspace_id"),
    )
    .selectAll("r")
    .select("u.name as decided_by_name")
    .where("r.workspace_id", "=", workspaceId)
    .where("r.run_id", "in", [...runIds])
    .orderBy("r.decided_at", "desc")
    .orderBy("r.id", "desc")
    .execute();
}

/**
 * Moves a handed-in run on (accepted, or open again to be fixed) only if it is still handed
 * in at the instant that was reviewed; says whether it did, so two reviewers cannot both.
 */
export async function decideRun(
  db: Db,
  workspaceId: string,
  runId: string,
  submittedAt: number,
  status: "accepted" | "open",
): Promise<boolean> {
  const result = await db
    .updateTable("checklist_runs")
    .set({ status })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", runId)
    .where("status", "=", "submitted")
    .where("submitted_at", "=", submittedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface LatestDecision {
  decision: RunReviewRow["decision"];
  decidedAt: number;
}

/** The latest decision on each of these runs that has one, in one query: why a run is open again. */
export async function latestDecisions(
  db: Db,
  workspaceId: string,
  runIds: readonly string[],
): Promise<Map<string, LatestDecision>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("run_reviews")
    .select(["run_id", "decision", "decided_at"])
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "in", [...runIds])
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  // Oldest first, so each run's latest decision is the one the map keeps.
  return new Map(
    rows.map((row) => [row.run_id, { decision: row.decision, decidedAt: Number(row.decided_at) }]),
  );
}
