import { dateInWords, localDateOf, type WorkingWeek } from "../time/working-day.ts";
import { clockOf } from "../work/local-time.ts";
import { milestoneDueAt } from "../work/rules.ts";
import { countOf } from "../words.ts";

/**
 * Pure words and windows for "what needs you today": when a milestone counts as due soon,
 * and how long something has waited, said the way people read it. No database, no clock.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A milestone is due soon this long before the end of its due date on the contractor's clock. */
export const DUE_SOON_DAYS = 2;
const DUE_SOON_MS = DUE_SOON_DAYS * DAY;

/** The contractor's portal looks this far ahead for their own milestones and assigned work. */
export const PORTAL_AHEAD_DAYS = 7;

export type Deadline =
  | { state: "overdue"; dueAt: number }
  | { state: "soon"; dueAt: number }
  | { state: "later"; dueAt: number };

/** Where a milestone stands against the end of the contractor's working day on its date. */
export function deadlineOf(dueDate: string, week: WorkingWeek, now: number): Deadline {
  const dueAt = milestoneDueAt(dueDate, week);
  if (dueAt < now) return { state: "overdue", dueAt };
  return { state: dueAt - now <= DUE_SOON_MS ? "soon" : "later", dueAt };
}

/**
 * The latest date any time zone can be on at `now`, plus `days`: a bound for a `due_date`
 * query that never misses a date still to come somewhere (zones run up to UTC+14).
 */
export function latestDateAhead(now: number, days: number): string {
  return localDateOf(now + days * DAY + 14 * HOUR, "UTC");
}

/** "3 hours", "2 days": how long ago or ahead, rounded down to what a person cares about. */
export function spanInWords(ms: number): string {
  const span = Math.max(0, ms);
  if (span < HOUR) return countOf(Math.max(1, Math.floor(span / 60_000)), "minute");
  if (span < DAY) return countOf(Math.floor(span / HOUR), "hour");
  return countOf(Math.floor(span / DAY), "day");
}

/** "It was due Tue 10 Mar, 2 days ago" or "Due Wed 11 Mar, 17:00 their time (in 5 hours)". */
export function deadlineWords(
  deadline: Deadline,
  dueDate: string,
  timeZone: string,
  now: number,
  whose: "their" | "your",
): string {
  if (deadline.state === "overdue") {
    return `It was due ${dateInWords(dueDate)}, ${spanInWords(now - deadline.dueAt)} ago`;
  }
  const clock = clockOf(deadline.dueAt, timeZone);
  return `Due ${dateInWords(dueDate)}, ${clock} ${whose} time (in ${spanInWords(deadline.dueAt - now)})`;
}

/** "waiting 2 days": how long something handed in or sent has been waiting, from when it was. */
export function waitingWords(since: number | null, now: number): string {
  return since === null ? "waiting" : `waiting ${spanInWords(now - since)}`;
}
