import { roundedQuotient } from "../money/amount.ts";

/**
 * Funnel arithmetic, budget and ROI. Pure. Counts are whole numbers, money is minor units.
 * A figure that would divide by zero is not a number but a reason, so the page can show
 * "—" and say why instead of NaN or Infinity.
 */

export interface FunnelNumbers {
  visitors: number;
  prospects: number;
  customers: number;
  revenue: number;
  trafficCost: number;
  otherCosts: number;
}

export type Figure = { value: number; reason: null } | { value: null; reason: string };

const known = (value: number): Figure => ({ value, reason: null });
const unknown = (reason: string): Figure => ({ value: null, reason });

/** A share as a percentage with two decimals (12.35 means 12.35 %). */
function percent(part: number, whole: number): number {
  return roundedQuotient(BigInt(part) * 10_000n, whole) / 100;
}

export interface FunnelFigures {
  visitorToProspect: Figure;
  visitorToCustomer: Figure;
  prospectToCustomer: Figure;
  valuePerVisitor: Figure;
  costPerVisitor: Figure;
  /** The most a visitor can cost in traffic before this funnel stops breaking even. */
  breakEvenCostPerVisitor: Figure;
  profit: number;
  margin: Figure;
}

const noVisitors = "No visitors in this period";

export function funnelFigures(numbers: FunnelNumbers): FunnelFigures {
  const { visitors, prospects, customers, revenue, trafficCost, otherCosts } = numbers;
  const profit = revenue - trafficCost - otherCosts;
  const perVisitor = (amount: number) =>
    visitors > 0 ? known(roundedQuotient(amount, visitors)) : unknown(noVisitors);
  return {
    visitorToProspect: visitors > 0 ? known(percent(prospects, visitors)) : unknown(noVisitors),
    visitorToCustomer: visitors > 0 ? known(percent(customers, visitors)) : unknown(noVisitors),
    prospectToCustomer:
      prospects > 0 ? known(percent(customers, prospects)) : unknown("No prospects in this period"),
    valuePerVisitor: perVisitor(revenue),
    costPerVisitor: perVisitor(trafficCost + otherCosts),
    breakEvenCostPerVisitor: perVisitor(revenue - otherCosts),
    profit,
    margin: revenue > 0 ? known(percent(profit, revenue)) : unknown("No revenue in this period"),
  };
}

export function sumFunnels(periods: readonly FunnelNumbers[]): FunnelNumbers {
  return periods.reduce<FunnelNumbers>(
    (total, period) => ({
      visitors: total.visitors + period.visitors,
      prospects: total.prospects + period.prospects,
      customers: total.customers + period.customers,
      revenue: total.revenue + period.revenue,
      trafficCost: total.trafficCost + period.trafficCost,
      otherCosts: total.otherCosts + period.otherCosts,
    }),
    { visitors: 0, prospects: 0, customers: 0, revenue: 0, trafficCost: 0, otherCosts: 0 },
  );
}

export interface ProfitFloor {
  /** The least monthly profit the owner wants to keep, in minor units. */
  minMonthlyProfit: number | null;
  /** The least margin the owner wants to keep, in basis points (2,000 = 20 %). */
  minMarginBasisPoints: number | null;
}

/**
 * What can be spent on outsourcing per month while keeping the profit the owner wants:
 * monthly profit less the larger of the two floors. Never below zero.
 */
export function maxAffordableSpend(
  monthlyProfit: number,
  monthlyRevenue: number,
  floor: ProfitFloor,
): number {
  const fromMargin =
    floor.minMarginBasisPoints === null
      ? 0
      : roundedQuotient(BigInt(monthlyRevenue) * BigInt(floor.minMarginBasisPoints), 10_000);
  const keep = Math.max(floor.minMonthlyProfit ?? 0, fromMargin);
  return Math.max(0, monthlyProfit - keep);
}

/** Monthly average over `months` months, to the cent. */
export function monthlyAverage(total: number, months: number): number {
  return months > 0 ? roundedQuotient(total, months) : 0;
}

export const WEEKS_PER_YEAR = 52;
export const MONTHS_PER_YEAR = 12;

/**
 * Extra profit the owner expects from the hours outsourcing frees: freed hours a month ×
 * the share put into growth × their hourly value.
 */
export function expectedExtraProfit(
  freedHoursPerWeekHundredths: number,
  reinvestPercent: number,
  hourlyValue: number,
): number {
  return roundedQuotient(
    BigInt(freedHoursPerWeekHundredths) *
      BigInt(WEEKS_PER_YEAR) *
      BigInt(reinvestPercent) *
      BigInt(hourlyValue),
    100 * MONTHS_PER_YEAR * 100,
  );
}

/** The seed's ROI: $500 profit, $250 outsourcing that frees time to earn $500 more → $750. */
export function resultingProfit(currentProfit: number, spend: number, extraProfit: number): number {
  return currentProfit - spend + extraProfit;
}

/** Valid calendar month, YYYY-MM, years 1970–2199. */
export function isMonth(text: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1970 && year < 2200 && month >= 1 && month <= 12;
}
