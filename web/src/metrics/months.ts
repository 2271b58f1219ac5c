import { monthOf } from "../../../src/time/calendar.ts";

/** "2026-03" moved by `count` months (negative goes back). */
export function addMonths(month: string, count: number): string {
  const [year = 1970, index = 1] = month.split("-").map(Number);
  const offset = year * 12 + (index - 1) + count;
  return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
}

/** This month in the workspace's time zone. */
export function currentMonth(timeZone: string): string {
  return monthOf(Date.now(), timeZone);
}

const monthNames = new Intl.DateTimeFormat("en-US", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-03" → "Mar 2026". */
export function formatMonth(month: string): string {
  const [year = 1970, index = 1] = month.split("-").map(Number);
  return monthNames.format(Date.UTC(year, index - 1, 1));
}

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}
