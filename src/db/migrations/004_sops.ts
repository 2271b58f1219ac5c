import type { Kysely } from "kysely";

/**
 * Blueprints: procedures, their frozen versions, images, who each version is shared with,
 * and checklist runs with their ticked steps and questions. Version content (tools and
 * steps) is JSON text: a version is written once and read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sop_settings")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("min_reading_ease", "integer", (c) => c.notNull())
    .addColumn("jargon", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sops")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("task_id", "text", (c) => c.references("audit_tasks.id"))
    .addColumn("area_id", "text", (c) => c.references("task_areas.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sops_workspace")
    .on("sops")
    .columns(["workspace_id", "updated_at"])
    .execute();

  await db.schema
    .createTable("sop_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("sop_id", "text", (c) => c.notNull().references("sops.id"))
    .addColumn("number", "integer")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("definition_of_done", "text", (c) => c.notNull())
    .addColumn("tools", "text", (c) => c.notNull())
    .addColumn("steps", "text", (c) => c.notNull())
    .addColumn("score", "text", (c) => c.notNull())
    .addColumn("hard_to_follow", "integer", (c) => c.notNull())
    .addColumn("override_reason", "text")
    .addColumn("override_by", "text", (c) => c.references("users.id"))
    .addColumn("published_at", "bigint")
    .addColumn("published_by", "text", (c) => c.references("users.id"))
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sop_versions_number")
    .unique()
    .on("sop_versions")
    .columns(["workspace_id", "sop_id", "number"])
    .execute();

  await db.schema
    .createTable("sop_images")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("sop_id", "text", (c) => c.notNull().references("sops.id"))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data_base64", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sop_images_sop")
    .on("sop_images")
    .columns(["workspace_id", "sop_id"])
    .execute();

  await db.schema
    .createTable("sop_shares")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("sop_id", "text", (c) => c.notNull().references("sops.id"))
    .addColumn("version_id", "text", (c) => c.notNull().references("sop_versions.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("shared_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sop_shares_person")
    .unique()
    .on("sop_shares")
    .columns(["workspace_id", "sop_id", "user_id"])
    .execute();

  await db.schema
    .createTable("checklist_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("sop_id", "text", (c) => c.notNull().references("sops.id"))
    .addColumn("version_id", "text", (c) => c.notNull().references("sop_versions.id"))
    .addColumn("contractor_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("submitted_at", "bigint")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .execute();
  await db.schema
    .createIndex("checklist_runs_sop")
    .on("checklist_runs")
    .columns(["workspace_id", "sop_id"])
    .execute();
  await db.schema
    .createIndex("checklist_runs_contractor")
    .on("checklist_runs")
    .columns(["workspace_id", "contractor_id"])
    .execute();

  await db.schema
    .createTable("run_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("run_id", "text", (c) => c.notNull().references("checklist_runs.id"))
    .addColumn("step_index", "integer", (c) => c.notNull())
    .addColumn("checked_at", "bigint", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("run_steps_step")
    .unique()
    .on("run_steps")
    .columns(["workspace_id", "run_id", "step_index"])
    .execute();

  await db.schema
    .createTable("run_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("run_id", "text", (c) => c.notNull().references("checklist_runs.id"))
    .addColumn("step_index", "integer", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("asked_at", "bigint", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_at", "bigint")
    .addColumn("answered_by", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("run_questions_run")
    .on("run_questions")
    .columns(["workspace_id", "run_id"])
    .execute();
}
