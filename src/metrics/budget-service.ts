import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { monthOf } from "../time/calendar.ts";
import { toHundredths } from "../time/hours.ts";
import { getAudit, getWorth } from "../worth/service.ts";
import { expectedExtraProfit, MONTHS_PER_YEAR, monthlyAverage, resultingProfit } from "./rules.ts";
import type { Budget, BudgetInput } from "./schema.ts";
import { getSummary } from "./service.ts";
import * as store from "./store.ts";

const DEFAULT_REINVEST_PERCENT = 50;

/**
 * What was actually paid for outsourced work in a month. The payments ledger is the
 * only source of actual spend, so it is never typed twice; it is passed in where the
 * routes are composed, so this area does not reach up into payments. Null while nothing
 * has been paid yet: the budget then compares against the plan.
 */
export type ActualSpend = (ctx: AppContext, actor: Actor, month: string) => Promise<number | null>;

const noPaymentsRecorded: ActualSpend = async () => null;

/**
 * Current monthly profit: the latest month of funnel numbers up to this one (months typed
 * ahead are plans, not results), else a twelfth of yearly earnings.
 */
async function currentProfit(ctx: AppContext, actor: Actor, month: string) {
  const summary = await getSummary(ctx, actor, { to: month });
  const latest = summary.trend.at(-1);
  if (latest) return { profit: latest.profit, source: "metrics" as const, summary };
  const earnings = (await getWorth(ctx, actor)).earnings;
  if (earnings) {
    return {
      profit: monthlyAverage(earnings.profitPerYear, MONTHS_PER_YEAR),
      source: "earnings" as const,
      summary,
    };
  }
  return { profit: 0, source: "none" as const, summary };
}

export async function getBudget(
  ctx: AppContext,
  actor: Actor,
  actualSpend: ActualSpend = noPaymentsRecorded,
): Promise<Budget> {
  authorize(actor, "metrics.read");
  const workspace = await getWorkspace(ctx, actor);
  const month = monthOf(ctx.now(), workspace.timeZone);
  const [plan, audit, current] = await Promise.all([
    store.findBudgetPlan(ctx.db, actor.workspaceId),
    getAudit(ctx, actor),
    currentProfit(ctx, actor, month),
  ]);
  const monthlyBudget = plan?.monthly_budget ?? 0;
  const reinvestPercent = plan?.reinvest_percent ?? DEFAULT_REINVEST_PERCENT;
  const override = plan?.extra_profit_override ?? null;
  const plannedSpend = audit.totals.monthlyDelegationCost;
  const actual = await actualSpend(ctx, actor, month);
  // ROI counts what is paid; before payments exist, what the owner means to spend.
  const spendSource = actual !== null ? "actual" : monthlyBudget > 0 ? "budget" : "plan";
  const spend = actual ?? (monthlyBudget > 0 ? monthlyBudget : plannedSpend);
  const extraProfit =
    override ??
    expectedExtraProfit(
      toHundredths(audit.totals.freeableHoursPerWeek),
      reinvestPercent,
      audit.hourlyValue ?? 0,
    );
  return {
    currency: workspace.currency,
    plan: {
      monthlyBudget,
      minMonthlyProfit: plan?.min_monthly_profit ?? null,
      minMarginPercent:
        plan?.min_margin_basis_points == null ? null : plan.min_margin_basis_points / 100,
      reinvestPercent,
      extraProfitOverride: override,
    },
    month,
    plannedSpend,
    actualSpend: actual,
    budgetLeft: monthlyBudget - (actual ?? plannedSpend),
    roi: {
      currentMonthlyProfit: current.profit,
      profitSource: current.source,
      spend,
      spendSource,
      extraProfit,
      extraProfitSource: override === null ? "freed-hours" : "typed",
      freedHoursPerWeek: audit.totals.freeableHoursPerWeek,
      resultingProfit: resultingProfit(current.profit, spend, extraProfit),
    },
    maxAffordableSpend: current.summary.months > 0 ? current.summary.maxAffordableSpend : null,
  };
}

export async function saveBudget(
  ctx: AppContext,
  actor: Actor,
  input: BudgetInput,
  actualSpend: ActualSpend = noPaymentsRecorded,
): Promise<Budget> {
  authorize(actor, "metrics.manage");
  await store.saveBudgetPlan(ctx.db, {
    workspace_id: actor.workspaceId,
    monthly_budget: input.monthlyBudget,
    min_monthly_profit: input.minMonthlyProfit,
    min_margin_basis_points:
      input.minMarginPercent === null ? null : Math.round(input.minMarginPercent * 100),
    reinvest_percent: input.reinvestPercent,
    extra_profit_override: input.extraProfitOverride,
    updated_at: ctx.now(),
  });
  return getBudget(ctx, actor, actualSpend);
}
