import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectedExtraProfit,
  funnelFigures,
  isMonth,
  maxAffordableSpend,
  monthlyAverage,
  resultingProfit,
  sumFunnels,
  type Figure,
  type FunnelNumbers,
} from "../../src/metrics/rules.ts";

const known = (value: number): Figure => ({ value, reason: null });
const unknown = (reason: string): Figure => ({ value: null, reason });

function numbers(overrides: Partial<FunnelNumbers> = {}): FunnelNumbers {
  return {
    visitors: 10_000,
    prospects: 1_200,
    customers: 150,
    revenue: 750_000,
    trafficCost: 100_000,
    otherCosts: 50_000,
    ...overrides,
  };
}

const noFloor = { minMonthlyProfit: null, minMarginBasisPoints: null };

const arbitraryFunnel = fc.record({
  visitors: fc.integer({ min: 0, max: 10_000_000 }),
  prospects: fc.integer({ min: 0, max: 10_000_000 }),
  customers: fc.integer({ min: 0, max: 10_000_000 }),
  revenue: fc.integer({ min: 0, max: 1_000_000_000 }),
  trafficCost: fc.integer({ min: 0, max: 1_000_000_000 }),
  otherCosts: fc.integer({ min: 0, max: 1_000_000_000 }),
});

describe("funnelFigures", () => {
  it("derives the rates, value and cost per visitor, break-even, profit and margin", () => {
    expect(funnelFigures(numbers())).toEqual({
      visitorToProspect: known(12),
      visitorToCustomer: known(1.5),
      prospectToCustomer: known(12.5),
      valuePerVisitor: known(75),
      costPerVisitor: known(15),
      breakEvenCostPerVisitor: known(70),
      profit: 600_000,
      margin: known(80),
    });
  });

  it("rounds percentages to two decimals and money to the cent, halves away from zero", () => {
    const figures = funnelFigures({
      visitors: 3,
      prospects: 2,
      customers: 1,
      revenue: 100,
      trafficCost: 1,
      otherCosts: 0,
    });
    expect(figures).toEqual({
      visitorToProspect: known(66.67),
      visitorToCustomer: known(33.33),
      prospectToCustomer: known(50),
      valuePerVisitor: known(33),
      costPerVisitor: known(0),
      breakEvenCostPerVisitor: known(33),
      profit: 99,
      margin: known(99),
    });
    expect(
      funnelFigures(numbers({ visitors: 2, prospects: 1, customers: 1, revenue: 1 })),
    ).toMatchObject({ valuePerVisitor: known(1), visitorToProspect: known(50) });
  });

  it("gives a reason instead of every per-visitor figure when there are no visitors", () => {
    const figures = funnelFigures(
      numbers({ visitors: 0, prospects: 0, customers: 0, revenue: 0, otherCosts: 0 }),
    );
    const noVisitors = unknown("No visitors in this period");
    expect(figures).toEqual({
      visitorToProspect: noVisitors,
      visitorToCustomer: noVisitors,
      prospectToCustomer: unknown("No prospects in this period"),
      valuePerVisitor: noVisitors,
      costPerVisitor: noVisitors,
      breakEvenCostPerVisitor: noVisitors,
      profit: -100_000,
      margin: unknown("No revenue in this period"),
    });
  });

  it("gives a reason for the prospect rate alone when there are visitors but no prospects", () => {
    const figures = funnelFigures(numbers({ prospects: 0 }));
    expect(figures.prospectToCustomer).toEqual(unknown("No prospects in this period"));
    expect(figures.visitorToCustomer).toEqual(known(1.5));
  });

  it("gives a reason for the margin alone when there is no revenue", () => {
    const figures = funnelFigures(numbers({ revenue: 0 }));
    expect(figures.margin).toEqual(unknown("No revenue in this period"));
    expect(figures).toMatchObject({
      valuePerVisitor: known(0),
      breakEvenCostPerVisitor: known(-5),
      profit: -150_000,
    });
  });

  it("shows a loss as a negative margin", () => {
    expect(funnelFigures(numbers({ revenue: 100_000 })).margin).toEqual(known(-50));
  });

  it("never produces NaN or Infinity: each figure is a finite number or a reason", () => {
    fc.assert(
      fc.property(arbitraryFunnel, (funnel) => {
        const { profit, ...figures } = funnelFigures(funnel);
        expect(Number.isFinite(profit)).toBe(true);
        for (const figure of Object.values(figures)) {
          if (figure.value === null) expect(figure.reason).toEqual(expect.any(String));
          else expect(Number.isFinite(figure.value) && figure.reason === null).toBe(true);
        }
      }),
    );
  });
});

describe("sumFunnels", () => {
  it("is all zeros for no months", () => {
    expect(sumFunnels([])).toEqual({
      visitors: 0,
      prospects: 0,
      customers: 0,
      revenue: 0,
      trafficCost: 0,
      otherCosts: 0,
    });
  });

  it("adds each number of every month, element by element", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFunnel, { maxLength: 40 }), (months) => {
        const total = sumFunnels(months);
        for (const key of Object.keys(total) as (keyof FunnelNumbers)[]) {
          let expected = 0;
          for (const one of months) expected += one[key];
          expect(total[key]).toBe(expected);
        }
      }),
    );
  });
});

describe("maxAffordableSpend", () => {
  it("is the whole monthly profit when the owner keeps no floor", () => {
    expect(maxAffordableSpend(114_333, 143_333, noFloor)).toBe(114_333);
  });

  it("keeps the minimum monthly profit", () => {
    expect(maxAffordableSpend(114_333, 143_333, { ...noFloor, minMonthlyProfit: 100_000 })).toBe(
      14_333,
    );
  });

  it("keeps the minimum margin of the revenue, rounded to the cent", () => {
    // 20 % of 143,333 = 28,666.6 → 28,667 kept
    expect(maxAffordableSpend(114_333, 143_333, { ...noFloor, minMarginBasisPoints: 2_000 })).toBe(
      85_666,
    );
  });

  it("keeps the larger of the two floors, whichever it is", () => {
    const both = (minMonthlyProfit: number, minMarginBasisPoints: number) =>
      maxAffordableSpend(100_000, 200_000, { minMonthlyProfit, minMarginBasisPoints });
    expect(both(30_000, 1_000)).toBe(70_000); // profit floor 30,000 > margin floor 20,000
    expect(both(10_000, 2_500)).toBe(50_000); // margin floor 50,000 > profit floor 10,000
  });

  it("is never negative: a floor above the profit, or a loss, affords nothing", () => {
    expect(maxAffordableSpend(50_000, 80_000, { ...noFloor, minMonthlyProfit: 60_000 })).toBe(0);
    expect(maxAffordableSpend(-5_000, 10_000, noFloor)).toBe(0);
  });

  it("is between zero and the profit, and equals the profit less the larger floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        (profit, revenue, minMonthlyProfit, minMarginBasisPoints) => {
          const spend = maxAffordableSpend(profit, revenue, {
            minMonthlyProfit,
            minMarginBasisPoints,
          });
          expect(spend).toBeGreaterThanOrEqual(0);
          expect(spend).toBeLessThanOrEqual(Math.max(profit, 0));
          const marginKept =
            minMarginBasisPoints === null
              ? 0
              : Math.round((revenue * minMarginBasisPoints) / 10_000);
          const kept = Math.max(minMonthlyProfit ?? 0, marginKept);
          expect(spend).toBe(Math.max(0, profit - kept));
        },
      ),
    );
  });
});

describe("monthlyAverage", () => {
  it("divides to the cent, and is zero over no months", () => {
    expect(monthlyAverage(600_000, 12)).toBe(50_000);
    expect(monthlyAverage(343_000, 3)).toBe(114_333);
    expect(monthlyAverage(5, 2)).toBe(3);
    expect(monthlyAverage(-5, 2)).toBe(-3);
    expect(monthlyAverage(1_000, 0)).toBe(0);
  });
});

describe("expectedExtraProfit", () => {
  it("is freed hours a week × 52 / 12 × the reinvested share × the hourly value", () => {
    // 6 h × 52 / 12 × 50 % × $75 = $975
    expect(expectedExtraProfit(600, 50, 7_500)).toBe(97_500);
    // 10 h × 52 / 12 × 100 % × $24.04 = $1,041.733… → $1,041.73
    expect(expectedExtraProfit(1_000, 100, 2_404)).toBe(104_173);
    // 2.5 h × 52 / 12 × 30 % × $75 = $243.75
    expect(expectedExtraProfit(250, 30, 7_500)).toBe(24_375);
  });

  it("is nothing when nothing is freed, reinvested or worth anything", () => {
    expect(expectedExtraProfit(0, 50, 7_500)).toBe(0);
    expect(expectedExtraProfit(600, 0, 7_500)).toBe(0);
    expect(expectedExtraProfit(600, 50, 0)).toBe(0);
  });
});

describe("resultingProfit", () => {
  it("seed 001: $500 profit, $250 spent, $500 more earned → $750", () => {
    expect(resultingProfit(50_000, 25_000, 50_000)).toBe(75_000);
  });

  it("can fall when the spend earns back less than it costs", () => {
    expect(resultingProfit(50_000, 25_000, 10_000)).toBe(35_000);
  });
});

describe("isMonth", () => {
  it.each(["1970-01", "2026-03", "2026-12", "2199-12"])("accepts %s", (text) => {
    expect(isMonth(text)).toBe(true);
  });

  it.each([
    "1969-12",
    "2200-01",
    "2026-00",
    "2026-13",
    "2026-1",
    "26-01",
    "2026-01-01",
    " 2026-01",
    "2026/01",
    "",
    "２０２６-01",
  ])("refuses %j", (text) => {
    expect(isMonth(text)).toBe(false);
  });
});
