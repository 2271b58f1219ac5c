import { formatMoney, roundedQuotient } from "../money/amount.ts";

/**
 * The owner's worth and what to do with each task. Pure: amounts are integer minor
 * units (cents), hours are integer hundredths of an hour, so every figure is exact until
 * the single rounding to the cent at the end (halves away from zero, see money/amount.ts).
 */

export const HOURS_PER_YEAR_DEFAULT = 2080; // 52 weeks × 40 hours, the seed's figure
export const STANDARD_DAY_HOURS = 8;
export const WEEKS_PER_MONTH = { weeks: 52, months: 12 } as const;

export type EarningsBasis =
  | { basis: "hours"; hoursPerYear: number }
  | { basis: "days"; daysPerYear: number; hoursPerDayHundredths: number };

export interface HourlyValue {
  perHour: number;
  perDay: number;
  /** The arithmetic written out, one line per step, in the workspace currency. */
  working: string[];
}

function hoursHundredthsPerYear(basis: EarningsBasis): number {
  return basis.basis === "hours"
    ? basis.hoursPerYear * 100
    : basis.daysPerYear * basis.hoursPerDayHundredths;
}

const hoursFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat("en-US");

function formatHours(hundredths: number): string {
  return `${hoursFormat.format(hundredths / 100)} h`;
}

function formatCount(value: number): string {
  return countFormat.format(value);
}

/**
 * What one hour (and one day) of the owner's time is worth: profit over hours worked.
 * $50,000 over 2,080 h = $24.04/h; $150,000 over 250 days = $600/day, over 8 h days = $75/h.
 */
export function hourlyValue(
  profitPerYear: number,
  basis: EarningsBasis,
  currency: string,
): HourlyValue | null {
  const hours = hoursHundredthsPerYear(basis);
  if (hours <= 0 || profitPerYear <= 0) return null;
  const money = (cents: number) => formatMoney(cents, currency);
  const perHour = roundedQuotient(BigInt(profitPerYear) * 100n, hours);
  if (basis.basis === "days") {
    const perDay = roundedQuotient(profitPerYear, basis.daysPerYear);
    return {
      perHour,
      perDay,
      working: [
        `${money(profitPerYear)} ÷ ${formatCount(basis.daysPerYear)} days = ${money(perDay)} per day`,
        `${money(profitPerYear)} ÷ (${formatCount(basis.daysPerYear)} days × ${formatHours(
          basis.hoursPerDayHundredths,
        )}) = ${money(perHour)} per hour`,
      ],
    };
  }
  const perDay = roundedQuotient(BigInt(profitPerYear) * BigInt(STANDARD_DAY_HOURS) * 100n, hours);
  return {
    perHour,
    perDay,
    working: [
      `${money(profitPerYear)} ÷ ${formatHours(hours)} = ${money(perHour)} per hour`,
      // From the profit, not the rounded hourly figure, so the line adds up as written.
      `${money(profitPerYear)} ÷ ${formatHours(hours)} × ${STANDARD_DAY_HOURS} h = ${money(perDay)} per day (a working day of ${STANDARD_DAY_HOURS} h)`,
    ],
  };
}

export type Recommendation = "keep" | "delegate" | "barter" | "eliminate";

export interface AuditedTask {
  hoursPerWeekHundredths: number;
  /** How good the owner is at it, 1–5. */
  skill: number;
  /** How much the owner likes it, 1–5. */
  enjoyment: number;
  /** Only the owner can do it: vision, key relationships. */
  strategic: boolean;
  /** Does the business still need it done at all? */
  needed: boolean;
  /** What it costs per hour to have it done, or null when not known. */
  marketRate: number | null;
}

export interface Judgement {
  recommendation: Recommendation;
  reason: string;
  /** What doing it yourself costs each week beyond having it done; 0 when it doesn't. */
  weeklyCost: number;
}

export const WEAK_SKILL = 2;
export const STRONG = 4;

/** hours × (your rate − market rate), only where positive. */
export function weeklyCostOfDoingIt(task: AuditedTask, hourlyRate: number | null): number {
  if (hourlyRate === null || task.marketRate === null || task.strategic || !task.needed) return 0;
  const gap = hourlyRate - task.marketRate;
  if (gap <= 0) return 0;
  return roundedQuotient(BigInt(task.hoursPerWeekHundredths) * BigInt(gap), 100);
}

/**
 * Keep, delegate, barter or eliminate, with the reason in one plain sentence.
 * In order: work that isn't needed goes; strategic work stays with the owner; work that
 * costs less to have done than the owner's hour is delegated; work the owner is weak at
 * but that is too dear to buy is bartered for a skill they can trade; the rest is kept.
 */
export function recommendDelegation(
  task: AuditedTask,
  hourlyRate: number | null,
  context: { currency: string; barterSkill: string | null },
): Judgement {
  const money = (cents: number) => formatMoney(cents, context.currency);
  const hours = formatHours(task.hoursPerWeekHundredths);
  const weeklyCost = weeklyCostOfDoingIt(task, hourlyRate);
  const weak = task.skill <= WEAK_SKILL;
  const barter = weak && context.barterSkill !== null;
  const judge = (recommendation: Recommendation, reason: string): Judgement => ({
    recommendation,
    reason,
    weeklyCost,
  });

  if (!task.needed) {
    return judge(
      "eliminate",
      `You marked it as no longer needed: stop doing it and free ${hours} a week.`,
    );
  }
  if (task.strategic) {
    return judge("keep", "Only you can do it: vision and key relationships stay with the owner.");
  }
  if (task.hoursPerWeekHundredths === 0) {
    return judge("keep", "It takes none of your week, so there is nothing to free up.");
  }
  if (task.marketRate === null) {
    if (barter) {
      return judge("barter", `You're not strong at it: trade your ${context.barterSkill} for it.`);
    }
    return judge("keep", "Add what it costs to have it done to compare it with your hour.");
  }
  if (hourlyRate === null) {
    return judge("keep", "Work out your hourly value first to compare it with the market rate.");
  }
  if (task.marketRate < hourlyRate) {
    const enjoyed =
      task.skill >= STRONG && task.enjoyment >= STRONG
        ? " You do it well and enjoy it, so keeping a little of it is a fair choice."
        : "";
    return judge(
      "delegate",
      `Costs ${money(task.marketRate)}/h to have done; your hour is worth ${money(hourlyRate)}. Doing it yourself costs you ${money(weeklyCost)} a week.${enjoyed}`,
    );
  }
  const comparison =
    task.marketRate === hourlyRate
      ? `Having it done costs ${money(task.marketRate)}/h, the same as your hour`
      : `Having it done costs ${money(task.marketRate)}/h, more than your hour (${money(hourlyRate)})`;
  if (barter) {
    return judge(
      "barter",
      `${comparison}, and you're not strong at it: trade your ${context.barterSkill} for it.`,
    );
  }
  return judge("keep", `${comparison}: keep it until your hourly value grows.`);
}

export interface AuditTotals {
  /** Hours a week that delegating, bartering or eliminating would free. */
  freeableHoursPerWeekHundredths: number;
  /** What the delegated tasks would cost per month at their market rates. */
  monthlyDelegationCost: number;
  /** The weekly cost of doing low-value work yourself, summed over every task. */
  weeklyCostOfLowValueWork: number;
}

export function auditTotals(
  tasks: readonly { task: AuditedTask; judgement: Judgement }[],
): AuditTotals {
  let freeable = 0;
  let weeklyDelegatedRateHours = 0n;
  let weeklyCost = 0;
  for (const { task, judgement } of tasks) {
    if (judgement.recommendation !== "keep") freeable += task.hoursPerWeekHundredths;
    if (judgement.recommendation === "delegate" && task.marketRate !== null) {
      weeklyDelegatedRateHours += BigInt(task.hoursPerWeekHundredths) * BigInt(task.marketRate);
    }
    weeklyCost += judgement.weeklyCost;
  }
  return {
    freeableHoursPerWeekHundredths: freeable,
    monthlyDelegationCost: roundedQuotient(
      weeklyDelegatedRateHours * BigInt(WEEKS_PER_MONTH.weeks),
      100 * WEEKS_PER_MONTH.months,
    ),
    weeklyCostOfLowValueWork: weeklyCost,
  };
}
