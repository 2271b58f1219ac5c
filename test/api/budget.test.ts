import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { addSite, budget, month, planBudget, putMonth, summary } from "../support/metrics.ts";
import {
  addTask,
  audit,
  dollars,
  earnPerYear,
  earnSeventyFiveAnHour,
  ownerOfNewWorkspace,
} from "../support/worth.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** A workspace of its own, so each test's budget starts from nothing. */
async function freshOwner(): Promise<ApiClient> {
  return (await ownerOfNewWorkspace(app, "USD")).client;
}

describe("budget and ROI", () => {
  it("seed 001: $500 a month of profit, $250 spent, $500 more earned → $750 a month", async () => {
    const owner = await freshOwner();
    await earnPerYear(owner, dollars(6_000));
    expect((await budget(owner)).roi).toMatchObject({
      currentMonthlyProfit: 50_000,
      profitSource: "earnings",
    });

    const saved = await planBudget(owner, { monthlyBudget: 25_000, extraProfitOverride: 50_000 });
    expect(saved.roi).toEqual({
      currentMonthlyProfit: 50_000,
      profitSource: "earnings",
      spend: 25_000,
      spendSource: "budget",
      extraProfit: 50_000,
      extraProfitSource: "typed",
      freedHoursPerWeek: 0,
      resultingProfit: 75_000,
    });
    expect(saved.maxAffordableSpend).toBeNull();
    expect(await budget(owner)).toEqual(saved);
  });

  it("has no profit to start from before earnings or months are entered", async () => {
    const owner = await freshOwner();
    expect(await budget(owner)).toMatchObject({
      currency: "USD",
      plan: {
        monthlyBudget: 0,
        minMonthlyProfit: null,
        minMarginPercent: null,
        reinvestPercent: 50,
        extraProfitOverride: null,
      },
      plannedSpend: 0,
      actualSpend: null,
      budgetLeft: 0,
      roi: { currentMonthlyProfit: 0, profitSource: "none", spend: 0, resultingProfit: 0 },
      maxAffordableSpend: null,
    });
  });

  it("reads back the plan as saved", async () => {
    const owner = await freshOwner();
    const plan = {
      monthlyBudget: 40_000,
      minMonthlyProfit: 30_000,
      minMarginPercent: 12.34,
      reinvestPercent: 30,
      extraProfitOverride: null,
    };
    expect((await planBudget(owner, plan)).plan).toEqual(plan);
    expect((await budget(owner)).plan).toEqual(plan);
  });

  it("without a typed amount, expects the freed hours × 52/12 × reinvested share × hourly value", async () => {
    const owner = await freshOwner();
    await earnSeventyFiveAnHour(owner);
    await addTask(owner, { hoursPerWeek: 6, marketRate: dollars(12) }); // delegate
    await addTask(owner, { hoursPerWeek: 4, strategic: true }); // kept: frees nothing

    // 6 h × 52 / 12 × 50 % × $75 = $975
    expect((await budget(owner)).roi).toMatchObject({
      freedHoursPerWeek: 6,
      extraProfit: 97_500,
      extraProfitSource: "freed-hours",
    });
    // 6 h × 52 / 12 × 20 % × $75 = $390
    const saved = await planBudget(owner, { monthlyBudget: 0, reinvestPercent: 20 });
    expect(saved.roi.extraProfit).toBe(39_000);
    // $12,500 a month of earnings, less $312 planned spend, plus $390.
    expect(saved.roi.resultingProfit).toBe(1_250_000 - 31_200 + 39_000);
  });

  it("plans the audit's monthly delegation cost; the budget left is the budget less the plan", async () => {
    const owner = await freshOwner();
    await earnSeventyFiveAnHour(owner);
    await addTask(owner, { hoursPerWeek: 6, marketRate: dollars(12) });
    await addTask(owner, { area: "support", hoursPerWeek: 2.5, marketRate: null });

    const noBudget = await budget(owner);
    const { totals } = await audit(owner);
    expect(totals.monthlyDelegationCost).toBe(47_450);
    expect(noBudget).toMatchObject({
      plannedSpend: totals.monthlyDelegationCost,
      actualSpend: null,
      budgetLeft: -47_450,
      roi: { spend: 47_450, spendSource: "plan" },
    });

    const withBudget = await planBudget(owner, { monthlyBudget: 60_000 });
    expect(withBudget).toMatchObject({
      plannedSpend: 47_450,
      actualSpend: null,
      budgetLeft: 12_550,
      roi: { spend: 60_000, spendSource: "budget" },
    });
  });

  it("takes the current profit from the latest month of funnel numbers once there are any", async () => {
    const owner = await freshOwner();
    await earnPerYear(owner, dollars(6_000));
    const shop = await addSite(owner, "Shop");
    const blog = await addSite(owner, "Blog");
    await putMonth(owner, shop.id, "2026-01", month({ revenue: 500_000 }));
    await putMonth(owner, shop.id, "2026-02", month({ revenue: 200_000 })); // profit $1,700
    await putMonth(owner, blog.id, "2026-02", month({ revenue: 40_000 })); // profit $100

    const result = await planBudget(owner, {
      monthlyBudget: 25_000,
      extraProfitOverride: 50_000,
      minMonthlyProfit: 100_000,
    });
    expect(result.roi).toMatchObject({
      currentMonthlyProfit: 180_000,
      profitSource: "metrics",
      spend: 25_000,
      extraProfit: 50_000,
      resultingProfit: 205_000,
    });
    // The average over both months, less the floor: (470,000 + 180,000) / 2 − 100,000.
    expect(result.maxAffordableSpend).toBe(225_000);
    expect(result.maxAffordableSpend).toBe((await summary(owner)).maxAffordableSpend);
  });
});
