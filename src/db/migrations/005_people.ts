import type { Kysely } from "kysely";
import { createIndex, workspaceTable } from "./shape.ts";

/**
 * People: the directory of contractors with their skills and rate history, the channels
 * they come from, openings with a hiring pipeline, and the evidence gathered on each
 * candidate (samples, references, reviews, interviews, a scorecard).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;

  await schema
    .createTable("people_settings")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("min_skill_level", "integer", (c) => c.notNull())
    .addColumn("owner_day_start", "text", (c) => c.notNull())
    .addColumn("owner_day_end", "text", (c) => c.notNull())
    .addColumn("exchange_rates", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await workspaceTable(schema, "channels")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("fee_basis_points", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("archived_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "channels_name", "channels", ["workspace_id", "name"], true);

  await workspaceTable(schema, "contractors")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("day_start", "text", (c) => c.notNull())
    .addColumn("day_end", "text", (c) => c.notNull())
    .addColumn("working_days", "text", (c) => c.notNull())
    .addColumn("contact_method", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("chat_handle", "text")
    .addColumn("hourly_rate", "bigint")
    .addColumn("project_rate", "bigint")
    .addColumn("rate_currency", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.references("channels.id"))
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "contractors_email", "contractors", ["workspace_id", "email"], true);
  await createIndex(schema, "contractors_status", "contractors", ["workspace_id", "status"]);

  await workspaceTable(schema, "contractor_skills")
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("area_id", "text", (c) => c.notNull().references("task_areas.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("verified", "integer", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "contractor_skills_area",
    "contractor_skills",
    ["workspace_id", "contractor_id", "area_id"],
    true,
  );

  await workspaceTable(schema, "rate_changes")
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("hourly_rate", "bigint")
    .addColumn("project_rate", "bigint")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("changed_at", "bigint", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.references("users.id"))
    .execute();
  await createIndex(schema, "rate_changes_contractor", "rate_changes", [
    "workspace_id",
    "contractor_id",
    "changed_at",
  ]);

  await workspaceTable(schema, "openings")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.references("task_areas.id"))
    .addColumn("sop_id", "text", (c) => c.references("sops.id"))
    .addColumn("job_post", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .execute();
  await createIndex(schema, "openings_status", "openings", [
    "workspace_id",
    "status",
    "created_at",
  ]);

  await workspaceTable(schema, "candidacies")
    .addColumn("opening_id", "text", (c) => c.notNull().references("openings.id"))
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("rejection_reason", "text")
    .addColumn("stage_changed_at", "bigint", (c) => c.notNull())
    .addColumn("hired_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "candidacies_person",
    "candidacies",
    ["workspace_id", "opening_id", "contractor_id"],
    true,
  );
  await createIndex(schema, "candidacies_contractor", "candidacies", [
    "workspace_id",
    "contractor_id",
  ]);

  await workspaceTable(schema, "candidate_samples")
    .addColumn("candidacy_id", "text", (c) => c.notNull().references("candidacies.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("file_name", "text")
    .addColumn("content_type", "text")
    .addColumn("size", "integer")
    .addColumn("data_base64", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "candidate_samples_candidacy", "candidate_samples", [
    "workspace_id",
    "candidacy_id",
  ]);

  await workspaceTable(schema, "candidate_references")
    .addColumn("candidacy_id", "text", (c) => c.notNull().references("candidacies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("contacted", "integer", (c) => c.notNull())
    .addColumn("said", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "candidate_references_candidacy", "candidate_references", [
    "workspace_id",
    "candidacy_id",
  ]);

  await workspaceTable(schema, "review_checks")
    .addColumn("candidacy_id", "text", (c) => c.notNull().references("candidacies.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "review_checks_candidacy", "review_checks", [
    "workspace_id",
    "candidacy_id",
  ]);

  await workspaceTable(schema, "interviews")
    .addColumn("candidacy_id", "text", (c) => c.notNull().references("candidacies.id"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("questions", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "interviews_candidacy", "interviews", ["workspace_id", "candidacy_id"]);

  await workspaceTable(schema, "scorecard_scores")
    .addColumn("candidacy_id", "text", (c) => c.notNull().references("candidacies.id"))
    .addColumn("criterion", "text", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
    .execute();
  await createIndex(
    schema,
    "scorecard_scores_criterion",
    "scorecard_scores",
    ["workspace_id", "candidacy_id", "criterion"],
    true,
  );
}
