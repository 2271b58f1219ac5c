import { roundedQuotient } from "../money/amount.ts";

/**
 * Hourly contracts: which week a day belongs to, the weekly cap, and what a week's time is
 * worth under the volume discount. Pure: "today" comes in as a date in the contractor's zone.
 */

const MINUTES_PER_HOUR = 60;
export const MAX_MINUTES_PER_ENTRY = 24 * MINUTES_PER_HOUR;
const WHOLE = 10_000;
const DAY_MS = 86_400_000;

export interface VolumeDiscount {
  /** Hours (hourly) or months (retainer) paid at the full rate… */
  after: number;
  /** …then this much less, in hundredths of a percent. */
  basisPoints: number;
}

/** Why something is refused: `conflict` answers 409, `rule` answers 422. */
export interface Refusal {
  kind: "conflict" | "rule";
  code: string;
  field: string;
  message: string;
}

function utcDay(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const weekday = new Date(utcDay(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the ISO week a date falls in: weeks run Monday to Sunday. */
export function weekOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function isMonday(date: string): boolean {
  return isoWeekday(date) === 1;
}

/** The Sunday that ends the week starting on `monday`. */
export function weekEnd(monday: string): string {
  return addDays(monday, 6);
}

/** "12 h 30 m", "20 h", "45 m". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  if (hours === 0) return `${rest} m`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} m`;
}

export function minutesLeft(capMinutes: number, loggedMinutes: number): number {
  return Math.max(0, capMinutes - loggedMinutes);
}

/**
 * What a week's minutes are paid at the hourly rate. Under a volume discount the first
 * `after` hours of the contract (counted over the weeks before this one) are paid in full
 * and every minute beyond them at the reduced rate; a week that crosses the threshold is
 * split exactly there. Rounded once, to the minor unit.
 */
export function weekAmount(input: {
  minutes: number;
  hourlyRate: number;
  discount: VolumeDiscount | null;
  /** Minutes of this contract's earlier weeks that are submitted, accepted or released. */
  minutesBefore: number;
}): number {
  const { minutes, hourlyRate, discount, minutesBefore } = input;
  const threshold = discount ? discount.after * MINUTES_PER_HOUR : Infinity;
  const fullMinutes = Math.min(minutes, Math.max(0, threshold - minutesBefore));
  const discountedMinutes = minutes - fullMinutes;
  const reducedShare = WHOLE - (discount?.basisPoints ?? 0);
  const weighted =
    BigInt(fullMinutes) * BigInt(WHOLE) + BigInt(discountedMinutes) * BigInt(reducedShare);
  return roundedQuotient(BigInt(hourlyRate) * weighted, BigInt(MINUTES_PER_HOUR * WHOLE));
}

/** A week or month that is waiting for review or already accepted is no longer the contractor's to change. */
export function isPeriodClosed(status: string | null): boolean {
  return status === "submitted" || status === "accepted" || status === "released";
}

const closedWeek: Refusal = {
  kind: "conflict",
  code: "time.week_closed",
  field: "workDate",
  message: "That week is submitted or accepted; its time can no longer change",
};

/** Why a time entry cannot be logged, or null when it can. */
export function timeEntryRefusal(entry: {
  workDate: string;
  minutes: number;
  /** Today in the contractor's time zone. */
  today: string;
  startDate: string;
  endDate: string | null;
  capMinutes: number;
  /** The minutes already logged in the entry's week. */
  weekMinutes: number;
  /** The status of the week's timesheet, or null when it was never submitted. */
  weekStatus: string | null;
}): Refusal | null {
  if (
    entry.workDate < entry.startDate ||
    (entry.endDate !== null && entry.workDate > entry.endDate)
  ) {
    const until = entry.endDate ? ` to ${entry.endDate}` : "";
    return {
      kind: "rule",
      code: "time.outside_contract",
      field: "workDate",
      message: `The contract runs from ${entry.startDate}${until}; log time on a day inside it`,
    };
  }
  if (entry.workDate > entry.today) {
    return {
      kind: "rule",
      code: "time.future_date",
      field: "workDate",
      message: `Log time for today (${entry.today}) or earlier, not for a day still to come`,
    };
  }
  if (isPeriodClosed(entry.weekStatus)) return closedWeek;
  const left = minutesLeft(entry.capMinutes, entry.weekMinutes);
  if (entry.minutes > left) {
    const cap = durationText(entry.capMinutes);
    return {
      kind: "rule",
      code: "time.over_cap",
      field: "minutes",
      message:
        left === 0
          ? `This week's ${cap} cap is already reached; no more time can be logged in it`
          : `Only ${durationText(left)} left of this week's ${cap} cap`,
    };
  }
  return null;
}

/** Why an entry cannot be removed: only while its week is open. */
export function entryRemovalRefusal(weekStatus: string | null): Refusal | null {
  return isPeriodClosed(weekStatus) ? closedWeek : null;
}

/** Why a week cannot be submitted for review, or null when it can. */
export function weekSubmissionRefusal(week: {
  week: string;
  today: string;
  minutes: number;
  amount: number;
  status: string | null;
}): Refusal | null {
  if (isPeriodClosed(week.status)) {
    return {
      ...closedWeek,
      field: "week",
      message: "That week is already submitted or accepted",
    };
  }
  if (week.week > week.today) {
    return {
      kind: "rule",
      code: "timesheet.week_not_started",
      field: "week",
      message: "That week has not started yet; submit it once the work is done",
    };
  }
  if (week.minutes === 0) {
    return {
      kind: "rule",
      code: "timesheet.empty_week",
      field: "week",
      message: "No time is logged in that week; log time before submitting it",
    };
  }
  if (week.amount === 0) {
    return {
      kind: "rule",
      code: "timesheet.below_one_unit",
      field: "week",
      message: "The time logged that week comes to less than the smallest amount that can be paid",
    };
  }
  return null;
}
