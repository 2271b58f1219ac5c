import type { Kysely, Selectable } from "kysely";
import type { BudgetPlanTable, Database, FunnelPeriodTable, SiteTable } from "../db/tables.ts";

/** The metrics area's SQL, and only it. */
type Db = Kysely<Database>;
export type SiteRow = Selectable<SiteTable>;
export type PeriodRow = Selectable<FunnelPeriodTable>;
export type BudgetPlanRow = Selectable<BudgetPlanTable>;

export function listSites(db: Db, workspaceId: string) {
  return db
    .selectFrom("sites")
    .leftJoin("funnel_periods", (join) =>
      join
        .onRef("funnel_periods.site_id", "=", "sites.id")
        .onRef("funnel_periods.workspace_id", "=", "sites.workspace_id"),
    )
    .selectAll("sites")
    .select((eb) => eb.fn.count<number>("funnel_periods.id").as("months"))
    .where("sites.workspace_id", "=", workspaceId)
    .groupBy(["sites.id", "sites.workspace_id", "sites.name", "sites.url", "sites.created_at"])
    .orderBy("sites.name")
    .execute();
}

export function findSite(db: Db, workspaceId: string, siteId: string) {
  return db
    .selectFrom("sites")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", siteId)
    .executeTakeFirst();
}

export function findSiteByName(db: Db, workspaceId: string, name: string) {
  return db
    .selectFrom("sites")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertSite(db: Db, row: SiteRow): Promise<void> {
  await db.insertInto("sites").values(row).execute();
}

export async function updateSite(
  db: Db,
  workspaceId: string,
  siteId: string,
  changes: Pick<SiteRow, "name" | "url">,
): Promise<void> {
  await db
    .updateTable("sites")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", siteId)
    .execute();
}

export async function deleteSite(db: Db, workspaceId: string, siteId: string): Promise<void> {
  await db
    .deleteFrom("funnel_periods")
    .where("workspace_id", "=", workspaceId)
    .where("site_id", "=", siteId)
    .execute();
  await db
    .deleteFrom("sites")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", siteId)
    .execute();
}

export function listPeriods(
  db: Db,
  workspaceId: string,
  range: { siteId?: string; from?: string; to?: string },
) {
  let query = db.selectFrom("funnel_periods").selectAll().where("workspace_id", "=", workspaceId);
  if (range.siteId !== undefined) query = query.where("site_id", "=", range.siteId);
  if (range.from !== undefined) query = query.where("month", ">=", range.from);
  if (range.to !== undefined) query = query.where("month", "<=", range.to);
  return query.orderBy("month").orderBy("site_id").execute();
}

/** Inserts or replaces months, in batches that stay under SQLite's bound-parameter limit. */
export async function upsertPeriods(db: Db, rows: PeriodRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto("funnel_periods")
      .values(rows.slice(start, start + 1000))
      .onConflict((conflict) =>
        conflict.columns(["workspace_id", "site_id", "month"]).doUpdateSet((eb) => ({
          visitors: eb.ref("excluded.visitors"),
          prospects: eb.ref("excluded.prospects"),
          customers: eb.ref("excluded.customers"),
          revenue: eb.ref("excluded.revenue"),
          traffic_cost: eb.ref("excluded.traffic_cost"),
          other_costs: eb.ref("excluded.other_costs"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

export async function deletePeriod(
  db: Db,
  workspaceId: string,
  siteId: string,
  month: string,
): Promise<number> {
  const result = await db
    .deleteFrom("funnel_periods")
    .where("workspace_id", "=", workspaceId)
    .where("site_id", "=", siteId)
    .where("month", "=", month)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findBudgetPlan(db: Db, workspaceId: string) {
  return db
    .selectFrom("budget_plans")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

export async function saveBudgetPlan(db: Db, row: BudgetPlanRow): Promise<void> {
  const { workspace_id: _workspace, ...changes } = row;
  await db
    .insertInto("budget_plans")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doUpdateSet(changes))
    .execute();
}
