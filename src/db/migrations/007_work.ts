import type { Kysely } from "kysely";
import { createIndex, workspaceTable } from "./shape.ts";

/**
 * Running the work: assignments under a contract, progress reports and the owner's replies,
 * cadence pins, ratings of accepted deliveries, and the notifications the scheduler derives
 * from all of it (inbox, preferences, private calendar feeds).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;

  await schema
    .createTable("work_settings")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("relax_after_days", "integer", (c) => c.notNull())
    .addColumn("relax_after_accepted", "integer", (c) => c.notNull())
    .addColumn("slip_limit", "integer", (c) => c.notNull())
    .addColumn("slip_window_days", "integer", (c) => c.notNull())
    .addColumn("loyalty_window_days", "integer", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await workspaceTable(schema, "assignments")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("task_id", "text", (c) => c.references("audit_tasks.id"))
    .addColumn("sop_version_id", "text", (c) => c.references("sop_versions.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("expected_minutes", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
  await createIndex(schema, "assignments_contractor", "assignments", [
    "workspace_id",
    "contractor_id",
    "status",
  ]);
  await createIndex(schema, "assignments_contract", "assignments", ["workspace_id", "contract_id"]);

  await workspaceTable(schema, "progress_reports")
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("done", "text", (c) => c.notNull())
    .addColumn("next", "text", (c) => c.notNull())
    .addColumn("blockers", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("links", "text", (c) => c.notNull())
    .addColumn("due_at", "bigint")
    .addColumn("submitted_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "bigint", (c) => c.notNull())
    .addColumn("blocker_resolved_at", "bigint")
    .addColumn("blocker_resolved_by", "text", (c) => c.references("users.id"))
    .execute();
  await createIndex(schema, "progress_reports_contractor", "progress_reports", [
    "workspace_id",
    "contractor_id",
    "submitted_at",
  ]);
  await createIndex(schema, "progress_reports_time", "progress_reports", [
    "workspace_id",
    "submitted_at",
  ]);

  await workspaceTable(schema, "report_replies")
    .addColumn("report_id", "text", (c) => c.notNull().references("progress_reports.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "report_replies_report", "report_replies", [
    "workspace_id",
    "report_id",
    "created_at",
  ]);

  await workspaceTable(schema, "cadence_pins")
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("cadence", "text")
    .addColumn("pinned_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("pinned_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "cadence_pins_contractor", "cadence_pins", [
    "workspace_id",
    "contractor_id",
    "pinned_at",
  ]);

  await workspaceTable(schema, "ratings")
    .addColumn("submission_id", "text", (c) => c.notNull().references("submissions.id"))
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("quality", "integer", (c) => c.notNull())
    .addColumn("timeliness", "integer", (c) => c.notNull())
    .addColumn("communication", "integer", (c) => c.notNull())
    .addColumn("rated_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("rated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "ratings_submission",
    "ratings",
    ["workspace_id", "submission_id"],
    true,
  );
  await createIndex(schema, "ratings_contractor", "ratings", [
    "workspace_id",
    "contractor_id",
    "rated_at",
  ]);

  await workspaceTable(schema, "notifications")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("cause_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("read_at", "bigint")
    .addColumn("emailed_at", "bigint")
    .execute();
  // Exactly once per cause and person, however many sweeps run at once.
  await createIndex(
    schema,
    "notifications_cause",
    "notifications",
    ["workspace_id", "user_id", "cause_key"],
    true,
  );
  await createIndex(schema, "notifications_inbox", "notifications", [
    "workspace_id",
    "user_id",
    "read_at",
    "created_at",
  ]);

  await schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("email_kinds", "text", (c) => c.notNull())
    .addColumn("daily_digest", "integer", (c) => c.notNull())
    .addColumn("quiet_start", "text")
    .addColumn("quiet_end", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await workspaceTable(schema, "calendar_feeds")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .execute();
  await createIndex(schema, "calendar_feeds_user", "calendar_feeds", ["workspace_id", "user_id"]);
}
