import type { Kysely } from "kysely";

/** Know your metrics, budget and ROI: sites, their monthly funnel numbers, the outsourcing budget. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sites_name")
    .unique()
    .on("sites")
    .columns(["workspace_id", "name"])
    .execute();

  await db.schema
    .createTable("funnel_periods")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
    .addColumn("site_id", "text", (c) => c.notNull().references("sites.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("visitors", "bigint", (c) => c.notNull())
    .addColumn("prospects", "bigint", (c) => c.notNull())
    .addColumn("customers", "bigint", (c) => c.notNull())
    .addColumn("revenue", "bigint", (c) => c.notNull())
    .addColumn("traffic_cost", "bigint", (c) => c.notNull())
    .addColumn("other_costs", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("funnel_periods_month")
    .unique()
    .on("funnel_periods")
    .columns(["workspace_id", "site_id", "month"])
    .execute();

  await db.schema
    .createTable("budget_plans")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("monthly_budget", "bigint", (c) => c.notNull())
    .addColumn("min_monthly_profit", "bigint")
    .addColumn("min_margin_basis_points", "integer")
    .addColumn("reinvest_percent", "integer", (c) => c.notNull())
    .addColumn("extra_profit_override", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}
