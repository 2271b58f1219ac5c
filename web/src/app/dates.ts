import { useMemo } from "react";
import { useMe } from "../auth/session.ts";

export interface InstantFormat {
  /** "Nov 23, 2026, 2:05 PM" in the signed-in person's time zone. */
  dateTime(epochMs: number): string;
  /** "Nov 23, 2026" in the signed-in person's time zone. */
  date(epochMs: number): string;
}

export function instantFormat(timeZone: string): InstantFormat {
  const dateTime = new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone });
  return { dateTime: (ms) => dateTime.format(ms), date: (ms) => date.format(ms) };
}

/** Dates as the signed-in person reads them: in their own time zone. */
export function useInstantFormat(): InstantFormat {
  const { timeZone } = useMe().user;
  return useMemo(() => instantFormat(timeZone), [timeZone]);
}
