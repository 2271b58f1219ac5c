/**
 * A person's working week in their own time zone, and the arithmetic between their local
 * dates ("YYYY-MM-DD"), wall-clock times ("HH:MM") and instants (epoch milliseconds).
 */
export interface WorkingWeek {
  /** IANA time zone, such as America/New_York. */
  timeZone: string;
  /** "HH:MM", earlier than dayEnd on the same date. */
  dayStart: string;
  dayEnd: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday; at least one. */
  workingDays: readonly number[];
}

const SECOND = 1000;
const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** Milliseconds the zone's wall clock is ahead of UTC at a whole second, as Intl reads it. */
function intlOffset(second: number, timeZone: string): number {
  const wall: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of clockFormat(timeZone).formatToParts(second)) {
    wall[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    wall.year ?? 1970,
    (wall.month ?? 1) - 1,
    wall.day ?? 1,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  return asUtc - second;
}

interface OffsetChange {
  /** From this instant on … */
  at: number;
  /** … the wall clock is this many milliseconds ahead of UTC. */
  offset: number;
}

const offsetYears = new Map<string, OffsetChange[]>();

/**
 * A zone's offsets over one UTC year: the one in force when it begins, then each change.
 * Asking Intl is slow and a walk over months of working days asks thousands of times, so
 * each zone's year is read once, a day at a time, with each change found to the second.
 * No zone changes its offset twice within a day.
 */
function offsetsInYear(timeZone: string, year: number): OffsetChange[] {
  const key = `${timeZone} ${year}`;
  const known = offsetYears.get(key);
  if (known) return known;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const changes: OffsetChange[] = [{ at: start, offset: intlOffset(start, timeZone) }];
  for (let day = start + DAY; day < end + DAY; day += DAY) {
    const sample = Math.min(day, end);
    const offset = intlOffset(sample, timeZone);
    const before = (changes.at(-1) as OffsetChange).offset;
    if (offset === before) continue;
    let low = (sample - DAY) / SECOND;
    let high = sample / SECOND;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (intlOffset(middle * SECOND, timeZone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high * SECOND, offset });
  }
  offsetYears.set(key, changes);
  return changes;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const changes = offsetsInYear(timeZone, new Date(instant).getUTCFullYear());
  let offset = (changes[0] as OffsetChange).offset;
  for (const change of changes) {
    if (change.at > instant) break;
    offset = change.offset;
  }
  return offset;
}

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

/**
 * The instant a local date and wall-clock time ("HH:MM") happen in a zone. A time that
 * happens twice (clocks set back) is the first of the two; a time that never happens
 * (clocks set forward) moves forward by the jump, as the clocks on the wall do.
 */
export function instantAt(date: string, clock: string, timeZone: string): number {
  const key = `${timeZone} ${date} ${clock}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
  const instant = instantFromWall(date, clock, timeZone);
  instants.set(key, instant);
  return instant;
}

/**
 * Cadence walks over thousands of people ask for the same few dates and clocks again and
 * again (people share zones and working hours), so answers are remembered; the map is
 * emptied when it grows past a bound, never read stale (the answer cannot change).
 */
const instants = new Map<string, number>();
const MAX_REMEMBERED_INSTANTS = 200_000;

function instantFromWall(date: string, clock: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutesOf(clock) * 60_000;
  // Offsets change at most once a day, so the ones a day either side are all it can have.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return wall - before;
  const happens = [wall - before, wall - after].filter(
    (instant) => wall - offsetAt(instant, timeZone) === instant,
  );
  return happens.length > 0 ? Math.min(...happens) : wall - before;
}

/** The local date in a zone at an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, week: WorkingWeek): boolean {
  return week.workingDays.includes(isoWeekdayOf(date));
}

/** One local date of a person's, as instants. */
export interface LocalDay {
  date: string;
  /** Local midnight, or the first minute after it on a date whose midnight is skipped. */
  beginsAt: number;
  /** dayStart and dayEnd on this date. */
  workStartsAt: number;
  workEndsAt: number;
}

export function localDay(date: string, week: WorkingWeek): LocalDay {
  return {
    date,
    beginsAt: instantAt(date, "00:00", week.timeZone),
    workStartsAt: instantAt(date, week.dayStart, week.timeZone),
    workEndsAt: endOfWorkingDay(date, week),
  };
}

export function endOfWorkingDay(date: string, week: WorkingWeek): number {
  return instantAt(date, week.dayEnd, week.timeZone);
}

/**
 * The last working day of the person's week, as an ISO weekday: the one just before their
 * longest run of days off (Friday for Monday–Friday, Thursday for Sunday–Thursday). With two
 * equally long runs, or none at all, the later weekday ends the week.
 */
export function lastWorkingWeekday(workingDays: readonly number[]): number {
  const daysOffAfter = (weekday: number) => {
    let off = 0;
    while (off < 6 && !workingDays.includes(((weekday + off) % 7) + 1)) off += 1;
    return off;
  };
  return [...workingDays].sort((a, b) => daysOffAfter(b) - daysOffAfter(a) || b - a)[0] as number;
}

/**
 * The first date whose working day starts at or after `anchor` and that is `wanted` (a
 * working day, the last one of the week…). Two weeks hold every kind of day a working week
 * with at least one day in it can want.
 */
export function firstDayStartingFrom(
  anchor: number,
  week: WorkingWeek,
  wanted: (date: string) => boolean,
): LocalDay {
  const from = localDateOf(anchor, week.timeZone);
  for (let offset = 0; offset <= 14; offset += 1) {
    const date = addDays(from, offset);
    if (!wanted(date)) continue;
    const day = localDay(date, week);
    if (day.workStartsAt >= anchor) return day;
  }
  throw new Error(`No working day within two weeks of ${from}: the working week is empty`);
}

const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** "2026-03-10" → "Tue 10 Mar", the way a date is written in a message people read. */
export function dateInWords(date: string): string {
  const [, month = 1, day = 1] = date.split("-").map(Number);
  return `${weekdayNames[isoWeekdayOf(date) - 1]} ${day} ${monthNames[month - 1]}`;
}
