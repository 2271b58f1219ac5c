import type { Kysely } from "kysely";

/** Know your worth: the owner's earnings, task areas with their rate card, barterable skills, the task audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("worth_profiles")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("profit_per_year", "bigint", (c) => c.notNull())
    .addColumn("target_profit_per_year", "bigint")
    .addColumn("basis", "text", (c) => c.notNull())
    .addColumn("hours_per_year", "integer", (c) => c.notNull())
    .addColumn("days_per_year", "integer", (c) => c.notNull())
    .addColumn("hours_per_day_hundredths", "integer", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("task_areas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("default_rate", "bigint")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("task_areas_name")
    .unique()
    .on("task_areas")
    .columns(["workspace_id", "name"])
    .execute();

  await db.schema
    .createTable("barter_skills")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("barter_skills_name")
    .unique()
    .on("barter_skills")
    .columns(["workspace_id", "name"])
    .execute();

  await db.schema
    .createTable("audit_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.notNull().references("task_areas.id"))
    .addColumn("hours_per_week_hundredths", "integer", (c) => c.notNull())
    .addColumn("skill", "integer", (c) => c.notNull())
    .addColumn("enjoyment", "integer", (c) => c.notNull())
    .addColumn("strategic", "integer", (c) => c.notNull())
    .addColumn("needed", "integer", (c) => c.notNull())
    .addColumn("market_rate", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_tasks_workspace")
    .on("audit_tasks")
    .columns(["workspace_id", "area_id"])
    .execute();
}
