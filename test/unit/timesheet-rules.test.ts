import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedQuotient } from "../../src/money/amount.ts";
import { MAX_AMOUNT } from "../../src/money/schema.ts";
import {
  addDays,
  durationText,
  entryRemovalRefusal,
  isMonday,
  minutesLeft,
  timeEntryRefusal,
  weekAmount,
  weekEnd,
  weekOf,
  weekSubmissionRefusal,
} from "../../src/contracts/timesheet-rules.ts";

describe("weekOf", () => {
  it.each([
    ["2026-03-09", "2026-03-09"], // a Monday is its own week
    ["2026-03-11", "2026-03-09"],
    ["2026-03-15", "2026-03-09"], // Sunday ends the week
    ["2026-03-16", "2026-03-16"],
    ["2026-01-01", "2025-12-29"], // across a year
    ["2024-03-01", "2024-02-26"], // across a leap day
    ["2026-03-29", "2026-03-23"], // the day clocks change in Europe
  ])("puts %s in the week of Monday %s", (date, monday) => {
    expect(weekOf(date)).toBe(monday);
    expect(isMonday(monday)).toBe(true);
  });

  it("ends a week on the Sunday six days later", () => {
    expect(weekEnd("2025-12-29")).toBe("2026-01-04");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("always gives a Monday at most six days before the date", () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));
    fc.assert(
      fc.property(day, (date) => {
        const monday = weekOf(date);
        expect(isMonday(monday)).toBe(true);
        expect(monday <= date && date <= weekEnd(monday)).toBe(true);
      }),
    );
  });
});

describe("durationText and minutesLeft", () => {
  it.each([
    [750, "12 h 30 m"],
    [1200, "20 h"],
    [45, "45 m"],
    [0, "0 m"],
  ])("writes %i minutes as %j", (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });

  it("counts what is left under the cap, never below zero", () => {
    expect(minutesLeft(1200, 750)).toBe(450);
    expect(minutesLeft(1200, 1200)).toBe(0);
    expect(minutesLeft(1200, 1300)).toBe(0);
  });
});

describe("weekAmount", () => {
  it("pays 12 h 30 m at $40.00 an hour as $500.00", () => {
    expect(weekAmount({ minutes: 750, hourlyRate: 4000, discount: null, minutesBefore: 0 })).toBe(
      50_000,
    );
  });

  it("rounds once, halves away from zero: 7 minutes at $29.99 = 349.88… → 350 cents", () => {
    expect(weekAmount({ minutes: 7, hourlyRate: 2999, discount: null, minutesBefore: 0 })).toBe(
      350,
    );
    expect(weekAmount({ minutes: 1, hourlyRate: 30, discount: null, minutesBefore: 0 })).toBe(1);
  });

  it("splits a week exactly at the threshold: 8 h before, 5 h now, 10 % off after 10 h", () => {
    // 2 h at $40 + 3 h at $36 = $80 + $108
    const amount = weekAmount({
      minutes: 300,
      hourlyRate: 4000,
      discount: { after: 10, basisPoints: 1000 },
      minutesBefore: 480,
    });
    expect(amount).toBe(18_800);
  });

  it("pays everything at the reduced rate once the threshold is behind", () => {
    const amount = weekAmount({
      minutes: 600,
      hourlyRate: 4000,
      discount: { after: 10, basisPoints: 1000 },
      minutesBefore: 900,
    });
    expect(amount).toBe(36_000);
  });

  it("pays in full while the threshold is not reached", () => {
    const amount = weekAmount({
      minutes: 120,
      hourlyRate: 4000,
      discount: { after: 10, basisPoints: 1000 },
      minutesBefore: 0,
    });
    expect(amount).toBe(8000);
  });

  it("rounds the sum, not each part: 1 minute at 1.5 + 1 minute at 0.75 = 2.25 → 2", () => {
    const amount = weekAmount({
      minutes: 2,
      hourlyRate: 90,
      discount: { after: 1, basisPoints: 5000 },
      minutesBefore: 59,
    });
    expect(amount).toBe(2);
  });

  const rate = fc.integer({ min: 1, max: MAX_AMOUNT });
  const minutes = fc.integer({ min: 0, max: 10_080 });
  const discount = fc.option(
    fc.record({
      after: fc.integer({ min: 1, max: 100_000 }),
      basisPoints: fc.integer({ min: 1, max: 9999 }),
    }),
  );

  it("never pays more than the minutes at the full rate", () => {
    fc.assert(
      fc.property(
        minutes,
        rate,
        discount,
        fc.integer({ min: 0, max: 1_000_000 }),
        (m, r, d, before) => {
          const amount = weekAmount({
            minutes: m,
            hourlyRate: r,
            discount: d,
            minutesBefore: before,
          });
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual(roundedQuotient(BigInt(m) * BigInt(r), 60));
        },
      ),
    );
  });

  it("without a discount is exactly minutes × rate / 60, rounded", () => {
    fc.assert(
      fc.property(minutes, rate, fc.nat(), (m, r, before) => {
        expect(
          weekAmount({ minutes: m, hourlyRate: r, discount: null, minutesBefore: before }),
        ).toBe(roundedQuotient(BigInt(m) * BigInt(r), 60));
      }),
    );
  });
});

describe("timeEntryRefusal", () => {
  const entry = {
    workDate: "2026-03-11",
    minutes: 120,
    today: "2026-03-12",
    startDate: "2026-03-01",
    endDate: "2026-06-30",
    capMinutes: 1200,
    weekMinutes: 750,
    weekStatus: null,
  };

  it("lets time in an open week under the cap through", () => {
    expect(timeEntryRefusal(entry)).toBeNull();
    expect(timeEntryRefusal({ ...entry, minutes: 450 })).toBeNull();
    expect(timeEntryRefusal({ ...entry, weekStatus: "sent_back" })).toBeNull();
  });

  it("refuses going over the cap and says how much is left", () => {
    expect(timeEntryRefusal({ ...entry, minutes: 451 })).toEqual({
      kind: "rule",
      code: "time.over_cap",
      field: "minutes",
      message: "Only 7 h 30 m left of this week's 20 h cap",
    });
    expect(timeEntryRefusal({ ...entry, weekMinutes: 1200, minutes: 1 })?.message).toBe(
      "This week's 20 h cap is already reached; no more time can be logged in it",
    );
  });

  it("refuses days outside the contract and days still to come", () => {
    expect(timeEntryRefusal({ ...entry, workDate: "2026-02-28" })?.code).toBe(
      "time.outside_contract",
    );
    expect(timeEntryRefusal({ ...entry, workDate: "2026-07-01", today: "2026-07-02" })?.code).toBe(
      "time.outside_contract",
    );
    expect(timeEntryRefusal({ ...entry, workDate: "2026-03-13" })).toMatchObject({
      code: "time.future_date",
      field: "workDate",
    });
  });

  it.each(["submitted", "accepted", "released"])("refuses a %s week as closed", (status) => {
    expect(timeEntryRefusal({ ...entry, weekStatus: status })).toMatchObject({
      kind: "conflict",
      code: "time.week_closed",
    });
    expect(entryRemovalRefusal(status)?.code).toBe("time.week_closed");
  });

  it("lets an entry go while its week is open or sent back", () => {
    expect(entryRemovalRefusal(null)).toBeNull();
    expect(entryRemovalRefusal("sent_back")).toBeNull();
  });
});

describe("weekSubmissionRefusal", () => {
  const week = {
    week: "2026-03-09",
    today: "2026-03-12",
    minutes: 750,
    amount: 31_250,
    status: null,
  };

  it("lets a begun week with time in it be submitted, again after a send-back", () => {
    expect(weekSubmissionRefusal(week)).toBeNull();
    expect(weekSubmissionRefusal({ ...week, status: "sent_back" })).toBeNull();
  });

  it("refuses an empty week, a week not begun and a closed week", () => {
    expect(weekSubmissionRefusal({ ...week, minutes: 0 })?.code).toBe("timesheet.empty_week");
    expect(weekSubmissionRefusal({ ...week, minutes: 1, amount: 0 })?.code).toBe(
      "timesheet.below_one_unit",
    );
    expect(weekSubmissionRefusal({ ...week, week: "2026-03-16" })?.code).toBe(
      "timesheet.week_not_started",
    );
    expect(weekSubmissionRefusal({ ...week, status: "submitted" })).toMatchObject({
      kind: "conflict",
      code: "time.week_closed",
      field: "week",
    });
  });
});
