import type { Cadence } from "../../../src/work/schema.ts";

/** "2 h 30 min": minutes as people read them. */
export function hoursText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const cadenceLabels: Record<Cadence, string> = { daily: "Daily", weekly: "Weekly" };
export const cadenceColors: Record<Cadence, string> = { daily: "orange", weekly: "teal" };

/** "Tue 10 Mar, 17:00" in a zone, with the zone's name when it is not the reader's own. */
export function dueText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(at);
}
