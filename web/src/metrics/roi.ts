import type { Budget } from "../../../src/metrics/schema.ts";
import { formatHours, formatMoney } from "../app/money.ts";

/** The seed's sentence: "Current monthly profit $500 − outsourcing $250 + extra profit $500 = $750 a month". */
export function roiSentence(budget: Budget): string {
  const money = (cents: number) => formatMoney(cents, budget.currency);
  const { roi } = budget;
  return `Current monthly profit ${money(roi.currentMonthlyProfit)} − outsourcing ${money(roi.spend)} + extra profit ${money(roi.extraProfit)} = ${money(roi.resultingProfit)} a month`;
}

/** Where each number in the sentence comes from, in words. */
export function roiSources(budget: Budget): { term: string; source: string }[] {
  const { roi, plan } = budget;
  const profit = {
    metrics: "your sites' profit in their latest month of numbers.",
    earnings:
      "a twelfth of the yearly profit you entered in Know your worth (no months of numbers yet).",
    none: "nothing entered yet: add your earnings in Know your worth, or a month of numbers here.",
  }[roi.profitSource];
  const spend = {
    actual: "what was paid for outsourced work this month.",
    budget: "your monthly budget, until payments are recorded.",
    plan: "the monthly cost of delegating the tasks marked delegate in your task audit (no budget set).",
  }[roi.spendSource];
  const extra =
    roi.extraProfitSource === "typed"
      ? "the amount you expect, as you typed it."
      : `${formatHours(roi.freedHoursPerWeek)} a week freed × 52 weeks ÷ 12 months × ${plan.reinvestPercent} % put into growth × your hourly value.`;
  return [
    { term: "Current monthly profit", source: profit },
    { term: "Outsourcing", source: spend },
    { term: "Extra profit", source: extra },
  ];
}
