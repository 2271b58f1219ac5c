import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dateInWords,
  firstDayStartingFrom,
  instantAt,
  isoWeekdayOf,
  lastWorkingWeekday,
  localDateOf,
  localDay,
} from "../../src/time/working-day.ts";

const at = (iso: string) => Date.parse(iso);
const weekdays = [1, 2, 3, 4, 5];
const HOUR = 3_600_000;

/** The wall clock at an instant in a zone, read by Intl directly. */
function wallClock(instant: number, timeZone: string): { date: string; clock: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    clock: `${part("hour")}:${part("minute")}`,
  };
}

describe("local dates", () => {
  it("counts days across month and year ends", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-02", -1)).toBe("2026-03-01");
  });

  it("names ISO weekdays, Monday 1 to Sunday 7", () => {
    expect(isoWeekdayOf("2026-03-09")).toBe(1);
    expect(isoWeekdayOf("2026-03-08")).toBe(7);
  });

  it("writes a date the way people read it", () => {
    expect(dateInWords("2026-03-10")).toBe("Tue 10 Mar");
    expect(dateInWords("2026-12-05")).toBe("Sat 5 Dec");
  });

  it("finds the local date on the other side of the date line", () => {
    // 20:00 on Tuesday in London is already Wednesday in Auckland and still Tuesday in New York.
    expect(localDateOf(at("2026-03-10T20:00:00Z"), "Pacific/Auckland")).toBe("2026-03-11");
    expect(localDateOf(at("2026-03-10T20:00:00Z"), "America/New_York")).toBe("2026-03-10");
    expect(localDateOf(at("2026-03-10T18:29:59Z"), "Asia/Kolkata")).toBe("2026-03-10");
    expect(localDateOf(at("2026-03-10T18:30:00Z"), "Asia/Kolkata")).toBe("2026-03-11");
  });
});

describe("wall-clock times as instants", () => {
  it("uses the offset in force on the day, on both sides of New York's March change", () => {
    expect(instantAt("2026-03-06", "17:00", "America/New_York")).toBe(
      at("2026-03-06T17:00:00-05:00"),
    );
    expect(instantAt("2026-03-09", "17:00", "America/New_York")).toBe(
      at("2026-03-09T17:00:00-04:00"),
    );
  });

  it("moves a time the spring change skips forward by the jump", () => {
    expect(instantAt("2026-03-08", "02:30", "America/New_York")).toBe(
      at("2026-03-08T03:30:00-04:00"),
    );
    expect(instantAt("2026-09-27", "02:30", "Pacific/Auckland")).toBe(
      at("2026-09-27T03:30:00+13:00"),
    );
  });

  it("takes the first of a time the autumn change repeats, west and east of Greenwich", () => {
    expect(instantAt("2026-11-01", "01:30", "America/New_York")).toBe(
      at("2026-11-01T01:30:00-04:00"),
    );
    expect(instantAt("2026-04-05", "02:30", "Pacific/Auckland")).toBe(
      at("2026-04-05T02:30:00+13:00"),
    );
  });

  it("keeps Kolkata's half hour and Kathmandu's quarter hour", () => {
    expect(instantAt("2026-03-10", "19:00", "Asia/Kolkata")).toBe(at("2026-03-10T19:00:00+05:30"));
    expect(instantAt("2026-03-10", "19:00", "Asia/Kathmandu")).toBe(
      at("2026-03-10T19:00:00+05:45"),
    );
  });

  it("reads back as the same wall clock, the first time it shows, or an hour on when skipped", () => {
    const zones = ["America/New_York", "Pacific/Auckland", "Asia/Kolkata", "Europe/London"];
    const changeDays = [
      "2025-11-02",
      "2026-03-08",
      "2026-03-29",
      "2026-04-05",
      "2026-09-27",
      "2026-10-25",
      "2026-11-01",
    ];
    const date = fc.oneof(
      fc.constantFrom(...changeDays),
      fc.integer({ min: 0, max: 3 * 365 }).map((day) => addDays("2025-06-01", day)),
    );
    const twoDigits = (value: number) => String(value).padStart(2, "0");
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        date,
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, day, hour, minute) => {
          const clock = `${twoDigits(hour)}:${twoDigits(minute)}`;
          const instant = instantAt(day, clock, zone);
          const read = wallClock(instant, zone);
          expect(read.date).toBe(day);
          if (read.clock === clock) {
            expect(wallClock(instant - HOUR, zone).clock).not.toBe(clock);
          } else {
            expect(read.clock).toBe(`${twoDigits(hour + 1)}:${twoDigits(minute)}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a person's working week", () => {
  it("ends on Friday for Monday–Friday and on Thursday for Sunday–Thursday", () => {
    expect(lastWorkingWeekday(weekdays)).toBe(5);
    expect(lastWorkingWeekday([7, 1, 2, 3, 4])).toBe(4);
    expect(lastWorkingWeekday([1, 3, 5])).toBe(5);
    expect(lastWorkingWeekday([2, 3, 4, 5, 6])).toBe(6);
    expect(lastWorkingWeekday([1, 2, 3, 4, 5, 6, 7])).toBe(7);
    expect(lastWorkingWeekday([3])).toBe(3);
  });

  it("gives a date's midnight, start and end of work as instants", () => {
    const week = {
      timeZone: "Pacific/Auckland",
      dayStart: "08:30",
      dayEnd: "17:30",
      workingDays: weekdays,
    };
    expect(localDay("2026-04-06", week)).toEqual({
      date: "2026-04-06",
      beginsAt: at("2026-04-06T00:00:00+12:00"),
      workStartsAt: at("2026-04-06T08:30:00+12:00"),
      workEndsAt: at("2026-04-06T17:30:00+12:00"),
    });
  });

  it("finds the first wanted day that has not started yet", () => {
    const week = {
      timeZone: "America/New_York",
      dayStart: "09:00",
      dayEnd: "17:00",
      workingDays: weekdays,
    };
    const working = (date: string) => weekdays.includes(isoWeekdayOf(date));
    expect(firstDayStartingFrom(at("2026-03-06T08:59:00-05:00"), week, working).date).toBe(
      "2026-03-06",
    );
    expect(firstDayStartingFrom(at("2026-03-06T09:01:00-05:00"), week, working).date).toBe(
      "2026-03-09",
    );
  });
});
