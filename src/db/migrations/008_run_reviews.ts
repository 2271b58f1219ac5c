import type { Kysely } from "kysely";
import { createIndex, workspaceTable } from "./shape.ts";

/**
 * Checklist runs become reviewable deliveries: each decision on a handed-in run is a row
 * that is never changed. One decision per hand-in (the run's `submitted_at` it decided), so
 * two reviewers acting at once cannot both decide the same hand-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;

  await workspaceTable(schema, "run_reviews")
    .addColumn("run_id", "text", (c) => c.notNull().references("checklist_runs.id"))
    .addColumn("submitted_at", "bigint", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("feedback", "text")
    .addColumn("quality", "integer")
    .addColumn("timeliness", "integer")
    .addColumn("communication", "integer")
    .addColumn("decided_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("decided_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "run_reviews_hand_in",
    "run_reviews",
    ["workspace_id", "run_id", "submitted_at"],
    true,
  );
  await createIndex(schema, "run_reviews_decided", "run_reviews", ["workspace_id", "decided_at"]);
}
