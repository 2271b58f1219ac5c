import { roundedQuotient } from "../money/amount.ts";
import { isPeriodClosed, type Refusal, type VolumeDiscount } from "./timesheet-rules.ts";

/**
 * Monthly retainers: which months of a contract can be paid, and what each one is paid
 * under the volume discount. Pure: the current month comes in from the contractor's zone.
 */

const WHOLE = 10_000;

function monthNumber(month: string): number {
  const [year = 1970, index = 1] = month.split("-").map(Number);
  return year * 12 + (index - 1);
}

function monthFromNumber(value: number): string {
  const year = Math.floor(value / 12);
  return `${year}-${String((value % 12) + 1).padStart(2, "0")}`;
}

/** "2026-03" moved by `count` months (negative goes back). */
export function addMonths(month: string, count: number): string {
  return monthFromNumber(monthNumber(month) + count);
}

/** The months from `first` to `last`, both included; none when `last` is before `first`. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  for (let value = monthNumber(first); value <= monthNumber(last); value += 1) {
    months.push(monthFromNumber(value));
  }
  return months;
}

/**
 * The months of a contract that have begun: from its start month to the current month, or
 * to its end month when that comes first.
 */
export function contractMonths(contract: {
  startDate: string;
  endDate: string | null;
  currentMonth: string;
}): string[] {
  const endMonth = contract.endDate?.slice(0, 7);
  const last = endMonth && endMonth < contract.currentMonth ? endMonth : contract.currentMonth;
  return monthsFrom(contract.startDate.slice(0, 7), last);
}

/**
 * A month's retainer: the monthly amount, less the discount from the month after the
 * first `after` months of the contract (counted from its start month). A month is paid
 * whole even when the contract starts or ends part way through it.
 */
export function retainerAmount(input: {
  monthlyAmount: number;
  discount: VolumeDiscount | null;
  startDate: string;
  month: string;
}): number {
  const { monthlyAmount, discount } = input;
  const position = monthNumber(input.month) - monthNumber(input.startDate.slice(0, 7)) + 1;
  if (!discount || position <= discount.after) return monthlyAmount;
  return roundedQuotient(BigInt(monthlyAmount) * BigInt(WHOLE - discount.basisPoints), WHOLE);
}

/** Why a month's work cannot be submitted, or null when it can. */
export function monthSubmissionRefusal(input: {
  month: string;
  currentMonth: string;
  startDate: string;
  endDate: string | null;
  /** The month the contract was completed or ended early in, once it was. */
  finishedMonth: string | null;
  status: string | null;
}): Refusal | null {
  const { month, startDate, endDate, finishedMonth } = input;
  if (month < startDate.slice(0, 7) || (endDate !== null && month > endDate.slice(0, 7))) {
    const until = endDate ? ` to ${endDate}` : "";
    return {
      kind: "rule",
      code: "retainer.outside_contract",
      field: "month",
      message: `The contract runs from ${startDate}${until}; choose a month inside it`,
    };
  }
  if (finishedMonth !== null && month > finishedMonth) {
    return {
      kind: "rule",
      code: "retainer.after_finish",
      field: "month",
      message: `The contract finished in ${finishedMonth}; months after it are not payable`,
    };
  }
  if (month > input.currentMonth) {
    return {
      kind: "rule",
      code: "retainer.future_month",
      field: "month",
      message: `Submit this month (${input.currentMonth}) or an earlier one, not a month still to come`,
    };
  }
  if (isPeriodClosed(input.status)) {
    return {
      kind: "conflict",
      code: "retainer.month_closed",
      field: "month",
      message: "That month is already submitted or accepted",
    };
  }
  return null;
}

const monthNames = new Intl.DateTimeFormat("en-US", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-03" → "March 2026". */
export function monthLabel(month: string): string {
  const [year = 1970, index = 1] = month.split("-").map(Number);
  return monthNames.format(Date.UTC(year, index - 1, 1));
}
