import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedQuotient } from "../../src/money/amount.ts";
import {
  auditTotals,
  hourlyValue,
  recommendDelegation,
  weeklyCostOfDoingIt,
  type AuditedTask,
} from "../../src/worth/rules.ts";

const usd = { currency: "USD", barterSkill: null };
const dollars = (amount: number) => amount * 100;

function task(overrides: Partial<AuditedTask> = {}): AuditedTask {
  return {
    hoursPerWeekHundredths: 600,
    skill: 3,
    enjoyment: 3,
    strategic: false,
    needed: true,
    marketRate: dollars(12),
    ...overrides,
  };
}

describe("hourlyValue", () => {
  it("$50,000 over 2,080 hours is $24.04 an hour", () => {
    const value = hourlyValue(dollars(50_000), { basis: "hours", hoursPerYear: 2080 }, "USD");
    expect(value?.perHour).toBe(2404);
    expect(value?.perDay).toBe(19231);
    // Each line's arithmetic holds as written: $50,000 / 260 days is $192.307…, not 8 × $24.04.
    expect(value?.working).toEqual([
      "$50,000 ÷ 2,080 h = $24.04 per hour",
      "$50,000 ÷ 2,080 h × 8 h = $192.31 per day (a working day of 8 h)",
    ]);
  });

  it("$150,000 over 250 days is $600 a day, and over 8-hour days $75 an hour", () => {
    const value = hourlyValue(
      dollars(150_000),
      { basis: "days", daysPerYear: 250, hoursPerDayHundredths: 800 },
      "USD",
    );
    expect(value?.perDay).toBe(dollars(600));
    expect(value?.perHour).toBe(dollars(75));
    expect(value?.working).toEqual([
      "$150,000 ÷ 250 days = $600 per day",
      "$150,000 ÷ (250 days × 8 h) = $75 per hour",
    ]);
  });

  it("has no value without profit or hours", () => {
    expect(hourlyValue(0, { basis: "hours", hoursPerYear: 2080 }, "USD")).toBeNull();
    expect(hourlyValue(dollars(1000), { basis: "hours", hoursPerYear: 0 }, "USD")).toBeNull();
  });
});

describe("recommendDelegation", () => {
  it("delegates $12/h work when the hour is worth $75, naming the weekly cost", () => {
    const judgement = recommendDelegation(task(), dollars(75), usd);
    expect(judgement.recommendation).toBe("delegate");
    expect(judgement.reason).toBe(
      "Costs $12/h to have done; your hour is worth $75. Doing it yourself costs you $378 a week.",
    );
    expect(judgement.weeklyCost).toBe(dollars(378));
  });

  it("keeps strategic work whatever it would cost", () => {
    const judgement = recommendDelegation(task({ strategic: true }), dollars(75), usd);
    expect(judgement).toMatchObject({ recommendation: "keep", weeklyCost: 0 });
  });

  it("eliminates work that is no longer needed", () => {
    expect(recommendDelegation(task({ needed: false }), dollars(75), usd).recommendation).toBe(
      "eliminate",
    );
  });

  it("keeps work whose market rate equals the owner's hour: nothing is saved", () => {
    const judgement = recommendDelegation(task({ marketRate: dollars(75) }), dollars(75), usd);
    expect(judgement.recommendation).toBe("keep");
    expect(judgement.reason).toContain("the same as your hour");
    expect(judgement.weeklyCost).toBe(0);
  });

  it("keeps zero-hour work: there is nothing to free", () => {
    const judgement = recommendDelegation(task({ hoursPerWeekHundredths: 0 }), dollars(75), usd);
    expect(judgement).toMatchObject({ recommendation: "keep", weeklyCost: 0 });
  });

  it("asks for a market rate when it is missing", () => {
    const judgement = recommendDelegation(task({ marketRate: null }), dollars(75), usd);
    expect(judgement.recommendation).toBe("keep");
    expect(judgement.reason).toContain("Add what it costs");
  });

  it("asks for the hourly value when it is missing", () => {
    const judgement = recommendDelegation(task(), null, usd);
    expect(judgement.recommendation).toBe("keep");
    expect(judgement.reason).toContain("hourly value");
  });

  it("barters work the owner is weak at when buying it costs more than their hour", () => {
    const judgement = recommendDelegation(
      task({ skill: 1, marketRate: dollars(90) }),
      dollars(75),
      { currency: "USD", barterSkill: "copywriting" },
    );
    expect(judgement.recommendation).toBe("barter");
    expect(judgement.reason).toContain("trade your copywriting");
  });

  it("barters weak work with no market rate when there is a skill to trade", () => {
    const judgement = recommendDelegation(task({ skill: 2, marketRate: null }), dollars(75), {
      currency: "USD",
      barterSkill: "copywriting",
    });
    expect(judgement.recommendation).toBe("barter");
  });

  it("keeps dear work when there is nothing to barter", () => {
    const judgement = recommendDelegation(
      task({ skill: 1, marketRate: dollars(90) }),
      dollars(75),
      usd,
    );
    expect(judgement.recommendation).toBe("keep");
  });

  it("never delegates strategic work, and its weekly cost is always zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
        (hours, marketRate, rate) => {
          const judgement = recommendDelegation(
            task({ strategic: true, hoursPerWeekHundredths: hours, marketRate }),
            rate,
            usd,
          );
          return judgement.recommendation === "keep" && judgement.weeklyCost === 0;
        },
      ),
    );
  });
});

describe("auditTotals", () => {
  const arbitraryTask = fc.record({
    hoursPerWeekHundredths: fc.integer({ min: 0, max: 8000 }),
    skill: fc.integer({ min: 1, max: 5 }),
    enjoyment: fc.integer({ min: 1, max: 5 }),
    strategic: fc.boolean(),
    needed: fc.boolean(),
    marketRate: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
  });

  it("sums the weekly cost and the freeable hours of the rows exactly", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryTask, { maxLength: 30 }),
        fc.integer({ min: 1, max: 50_000 }),
        (tasks, rate) => {
          const rows = tasks.map((t) => ({
            task: t,
            judgement: recommendDelegation(t, rate, usd),
          }));
          const totals = auditTotals(rows);
          const weekly = rows.reduce((sum, row) => sum + weeklyCostOfDoingIt(row.task, rate), 0);
          const freeable = rows
            .filter((row) => row.judgement.recommendation !== "keep")
            .reduce((sum, row) => sum + row.task.hoursPerWeekHundredths, 0);
          return (
            totals.weeklyCostOfLowValueWork === weekly &&
            totals.freeableHoursPerWeekHundredths === freeable
          );
        },
      ),
    );
  });

  it("prices delegated hours per month at 52 weeks over 12 months", () => {
    const rows = [task({ hoursPerWeekHundredths: 1000, marketRate: dollars(12) })].map((t) => ({
      task: t,
      judgement: recommendDelegation(t, dollars(75), usd),
    }));
    // 10 h × $12 × 52 / 12 = $520
    expect(auditTotals(rows).monthlyDelegationCost).toBe(dollars(520));
  });
});

describe("roundedQuotient", () => {
  it("rounds halves away from zero", () => {
    expect(roundedQuotient(5, 2)).toBe(3);
    expect(roundedQuotient(-5, 2)).toBe(-3);
    expect(roundedQuotient(4, 3)).toBe(1);
  });
});
