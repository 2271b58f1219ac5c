import type { Readable } from "node:stream";
import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound, type FieldProblems } from "../errors.ts";
import { periodsToCsv, readPeriods, type CsvProblem } from "./periods-csv.ts";
import {
  funnelFigures,
  maxAffordableSpend,
  monthlyAverage,
  sumFunnels,
  type FunnelNumbers,
  type ProfitFloor,
} from "./rules.ts";
import type {
  Period,
  PeriodImportResult,
  PeriodInput,
  Site,
  SiteInput,
  Summary,
} from "./schema.ts";
import * as store from "./store.ts";
import { countOf } from "../words.ts";

function numbersOf(row: store.PeriodRow): FunnelNumbers {
  return {
    visitors: row.visitors,
    prospects: row.prospects,
    customers: row.customers,
    revenue: row.revenue,
    trafficCost: row.traffic_cost,
    otherCosts: row.other_costs,
  };
}

function periodView(row: store.PeriodRow): Period {
  const numbers = numbersOf(row);
  return { siteId: row.site_id, month: row.month, ...numbers, figures: funnelFigures(numbers) };
}

export async function listSites(ctx: AppContext, actor: Actor): Promise<Site[]> {
  authorize(actor, "metrics.read");
  const rows = await store.listSites(ctx.db, actor.workspaceId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    url: row.url,
    months: Number(row.months),
  }));
}

async function findSiteView(ctx: AppContext, actor: Actor, siteId: string): Promise<Site> {
  const site = (await listSites(ctx, actor)).find((row) => row.id === siteId);
  if (!site) throw new NotFound("not_found", "Site not found");
  return site;
}

const siteTaken = () =>
  new Conflict("metrics.site_exists", "A site with this name already exists", {
    name: "A site with this name already exists",
  });

export async function createSite(ctx: AppContext, actor: Actor, input: SiteInput): Promise<Site> {
  authorize(actor, "metrics.manage");
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    if (await store.findSiteByName(trx, actor.workspaceId, input.name)) throw siteTaken();
    await store.insertSite(trx, {
      id,
      workspace_id: actor.workspaceId,
      name: input.name,
      url: input.url,
      created_at: ctx.now(),
    });
  });
  return findSiteView(ctx, actor, id);
}

async function requireSite(db: AppContext["db"], actor: Actor, siteId: string) {
  const site = await store.findSite(db, actor.workspaceId, siteId);
  if (!site) throw new NotFound("not_found", "Site not found");
  return site;
}

export async function updateSite(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  input: SiteInput,
): Promise<Site> {
  authorize(actor, "metrics.manage");
  await ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, actor, siteId);
    const sameName = await store.findSiteByName(trx, actor.workspaceId, input.name);
    if (sameName && sameName.id !== siteId) throw siteTaken();
    await store.updateSite(trx, actor.workspaceId, siteId, { name: input.name, url: input.url });
  });
  return findSiteView(ctx, actor, siteId);
}

/** Removes a site and its months together. */
export async function deleteSite(ctx: AppContext, actor: Actor, siteId: string): Promise<void> {
  authorize(actor, "metrics.manage");
  await ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, actor, siteId);
    await store.deleteSite(trx, actor.workspaceId, siteId);
  });
}

export async function listPeriods(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  range: { from?: string; to?: string },
): Promise<Period[]> {
  authorize(actor, "metrics.read");
  await requireSite(ctx.db, actor, siteId);
  const rows = await store.listPeriods(ctx.db, actor.workspaceId, { siteId, ...range });
  return rows.map(periodView);
}

export async function savePeriod(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  month: string,
  input: PeriodInput,
): Promise<Period> {
  authorize(actor, "metrics.manage");
  const now = ctx.now();
  const row: store.PeriodRow = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    site_id: siteId,
    month,
    visitors: input.visitors,
    prospects: input.prospects,
    customers: input.customers,
    revenue: input.revenue,
    traffic_cost: input.trafficCost,
    other_costs: input.otherCosts,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, actor, siteId);
    await store.upsertPeriods(trx, [row]);
  });
  return periodView(row);
}

export async function deletePeriod(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  month: string,
): Promise<void> {
  authorize(actor, "metrics.manage");
  if ((await store.deletePeriod(ctx.db, actor.workspaceId, siteId, month)) === 0) {
    throw new NotFound("not_found", "No numbers for that month");
  }
}

/** The minimum monthly profit or margin the owner wants to keep, from the budget plan. */
export async function profitFloor(ctx: AppContext, actor: Actor): Promise<ProfitFloor> {
  authorize(actor, "metrics.read");
  const plan = await store.findBudgetPlan(ctx.db, actor.workspaceId);
  return {
    minMonthlyProfit: plan?.min_monthly_profit ?? null,
    minMarginBasisPoints: plan?.min_margin_basis_points ?? null,
  };
}

/** Every site over a range of months: totals, derived figures, the trend, and what is affordable. */
export async function getSummary(
  ctx: AppContext,
  actor: Actor,
  range: { from?: string; to?: string },
): Promise<Summary> {
  authorize(actor, "metrics.read");
  const [workspace, sites, rows, floor] = await Promise.all([
    getWorkspace(ctx, actor),
    store.listSites(ctx.db, actor.workspaceId),
    store.listPeriods(ctx.db, actor.workspaceId, range),
    profitFloor(ctx, actor),
  ]);
  const byMonth = new Map<string, FunnelNumbers[]>();
  const bySite = new Map<string, FunnelNumbers[]>();
  for (const row of rows) {
    const numbers = numbersOf(row);
    byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), numbers]);
    bySite.set(row.site_id, [...(bySite.get(row.site_id) ?? []), numbers]);
  }
  const totals = sumFunnels(rows.map(numbersOf));
  const months = byMonth.size;
  const figures = funnelFigures(totals);
  const monthlyProfit = monthlyAverage(figures.profit, months);
  const monthlyRevenue = monthlyAverage(totals.revenue, months);
  return {
    currency: workspace.currency,
    from: range.from ?? null,
    to: range.to ?? null,
    months,
    totals: { ...totals, figures },
    sites: sites.map((site) => {
      const siteTotals = sumFunnels(bySite.get(site.id) ?? []);
      return {
        siteId: site.id,
        name: site.name,
        totals: siteTotals,
        figures: funnelFigures(siteTotals),
      };
    }),
    trend: [...byMonth.entries()].map(([month, periods]) => {
      const total = sumFunnels(periods);
      return {
        month,
        revenue: total.revenue,
        profit: funnelFigures(total).profit,
        visitors: total.visitors,
      };
    }),
    monthlyProfit,
    monthlyRevenue,
    maxAffordableSpend: maxAffordableSpend(monthlyProfit, monthlyRevenue, floor),
  };
}

export async function exportPeriodsCsv(ctx: AppContext, actor: Actor): Promise<string> {
  authorize(actor, "metrics.read");
  const [workspace, sites, rows] = await Promise.all([
    getWorkspace(ctx, actor),
    store.listSites(ctx.db, actor.workspaceId),
    store.listPeriods(ctx.db, actor.workspaceId, {}),
  ]);
  const names = new Map(sites.map((site) => [site.id, site.name]));
  return periodsToCsv(
    rows.map((row) => ({
      site: names.get(row.site_id) ?? "",
      month: row.month,
      ...numbersOf(row),
    })),
    workspace.currency,
  );
}

const SHOWN_PROBLEMS = 100;

function problemFields(problems: CsvProblem[]): FieldProblems {
  const fields: FieldProblems = {};
  for (const problem of problems.slice(0, SHOWN_PROBLEMS)) {
    fields[`line ${problem.line}: ${problem.column}`] = problem.message;
  }
  return fields;
}

/**
 * Imports funnel months from CSV. In "all" mode nothing is written unless every line is
 * valid; in "valid" mode the valid lines are written and the rest reported. Sites named in
 * the file that don't exist yet are created. Months already recorded are replaced.
 */
export async function importPeriodsCsv(
  ctx: AppContext,
  actor: Actor,
  stream: Readable,
  mode: "all" | "valid",
): Promise<PeriodImportResult> {
  authorize(actor, "metrics.manage");
  const workspace = await getWorkspace(ctx, actor);
  const { periods, problems } = await readPeriods(stream, workspace.currency);
  const fileProblem = problems.some((problem) => problem.line <= 1);
  if (problems.length > 0 && (mode === "all" || fileProblem)) {
    throw new Invalid(
      "csv.invalid",
      `${countOf(problems.length, "problem")} found; nothing was imported`,
      problemFields(problems),
    );
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const sites = new Map(
      (await store.listSites(trx, actor.workspaceId)).map((site) => [
        site.name.toLowerCase(),
        site.id,
      ]),
    );
    const rows: store.PeriodRow[] = [];
    for (const period of periods) {
      let siteId = sites.get(period.site.toLowerCase());
      if (!siteId) {
        siteId = uuidv7();
        await store.insertSite(trx, {
          id: siteId,
          workspace_id: actor.workspaceId,
          name: period.site,
          url: "",
          created_at: now,
        });
        sites.set(period.site.toLowerCase(), siteId);
      }
      rows.push({
        id: uuidv7(),
        workspace_id: actor.workspaceId,
        site_id: siteId,
        month: period.month,
        visitors: period.visitors,
        prospects: period.prospects,
        customers: period.customers,
        revenue: period.revenue,
        traffic_cost: period.trafficCost,
        other_costs: period.otherCosts,
        created_at: now,
        updated_at: now,
      });
    }
    await store.upsertPeriods(trx, rows);
  });
  return {
    imported: periods.length,
    skipped: new Set(problems.map((problem) => problem.line)).size,
    errors: problems.slice(0, SHOWN_PROBLEMS),
  };
}
