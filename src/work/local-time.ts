const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "17:00": the wall-clock time of an instant in a zone, as both sides read a due time. */
export function clockOf(instant: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    clockFormats.set(timeZone, format);
  }
  return format.format(instant);
}
