import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  instantAt,
  isoWeekdayOf,
  lastWorkingWeekday,
  localDateOf,
  type WorkingWeek,
} from "../../src/time/working-day.ts";
import { nextReportDue, reportingRecord } from "../../src/work/cadence-rules.ts";
import { slipsInWindow } from "../../src/work/performance-rules.ts";
import type {
  CadencePin,
  DeliveryReview,
  MilestoneDue,
  ReportingHistory,
  ReportingRecord,
} from "../../src/work/rules.ts";

const DAY = 86_400_000;
const MINUTE = 60_000;
const zones = [
  "America/New_York",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "Asia/Jerusalem",
  "Europe/London",
  "UTC",
];
const twoDigits = (value: number) => String(value).padStart(2, "0");

/** Working days that end at 04:00 or later, clear of every listed zone's clock changes. */
const week: fc.Arbitrary<WorkingWeek> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    endHour: fc.integer({ min: 4, max: 23 }),
    endMinute: fc.constantFrom(0, 15, 30, 45),
    hours: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ timeZone, workingDays, endHour, endMinute, hours }) => ({
    timeZone,
    workingDays,
    dayStart: `${twoDigits(endHour - hours)}:${twoDigits(endMinute)}`,
    dayEnd: `${twoDigits(endHour)}:${twoDigits(endMinute)}`,
  }));

interface Scenario {
  week: WorkingWeek;
  history: ReportingHistory;
  now: number;
  settings: { onTimeDaysToRelax: number; acceptedDeliveriesToRelax: number };
}

/**
 * Months of history: most days a report shortly before the end of the working day (some
 * after it), deliveries mostly accepted, a few milestones, and decisions a few seconds past
 * the minute, each at its own instant, so none lands on a due instant or on another decision.
 */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    week,
    start: fc.integer({
      min: Date.parse("2026-01-01T00:00:00Z"),
      max: Date.parse("2026-12-01T00:00:00Z"),
    }),
    days: fc.integer({ min: 1, max: 100 }),
    // One entry a day: most days a report, usually within the working day, sometimes after it.
    reports: fc.array(
      fc.record({
        sent: fc.integer({ min: 0, max: 19 }).map((roll) => roll > 0),
        minutesBeforeEnd: fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 120 }), weight: 29 },
          { arbitrary: fc.integer({ min: -60, max: -1 }), weight: 1 },
        ),
      }),
      { minLength: 101, maxLength: 101 },
    ),
    reviews: fc.array(
      fc.record({
        day: fc.nat(100),
        minute: fc.nat(24 * 60 - 1),
        accepted: fc.integer({ min: 0, max: 5 }).map((roll) => roll > 0),
      }),
      { maxLength: 12 },
    ),
    milestones: fc.array(
      fc.record({
        day: fc.nat(100),
        deliveredMinutesAfterDue: fc.option(fc.integer({ min: -3000, max: 600 })),
      }),
      { maxLength: 4 },
    ),
    settings: fc.record({
      onTimeDaysToRelax: fc.integer({ min: 1, max: 10 }),
      acceptedDeliveriesToRelax: fc.integer({ min: 0, max: 3 }),
    }),
  })
  .map(({ week, start, days, reports, reviews, milestones, settings }) => {
    const firstDate = localDateOf(start, week.timeZone);
    const endOn = (day: number) => instantAt(addDays(firstDate, day), week.dayEnd, week.timeZone);
    return {
      week,
      now: start + days * DAY,
      settings,
      history: {
        startedAt: start,
        reports: reports.flatMap(({ sent, minutesBeforeEnd }, day) =>
          sent ? [{ submittedAt: endOn(day) - minutesBeforeEnd * MINUTE }] : [],
        ),
        reviews: reviews.map(({ day, minute, accepted }, index): DeliveryReview => ({
          title: `Delivery ${day}`,
          decision: accepted ? "accepted" : "sent_back",
          decidedAt: start + day * DAY + minute * MINUTE + 7_000 + index,
          ratings: null,
        })),
        milestones: milestones.map(({ day, deliveredMinutesAfterDue }): MilestoneDue => ({
          title: `Milestone ${day}`,
          dueDate: addDays(firstDate, day),
          firstSubmittedAt:
            deliveredMinutesAfterDue === null
              ? null
              : endOn(day) + deliveredMinutesAfterDue * MINUTE,
        })),
        pins: [] as CadencePin[],
      },
    };
  });

/** Every slip the record holds, when it happened. */
function slipInstants(record: ReportingRecord, history: ReportingHistory): number[] {
  return [
    ...record.slots.filter((slot) => slot.outcome !== "on_time").map((slot) => slot.dueAt),
    ...record.milestones
      .filter((milestone) => milestone.outcome === "late" && milestone.dueAt > history.startedAt)
      .map((milestone) => milestone.dueAt),
    ...record.reviews
      .filter((review) => review.decision === "sent_back" && review.decidedAt > history.startedAt)
      .map((review) => review.decidedAt),
  ];
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock at an instant in a zone, read by Intl directly. */
function wallClock(instant: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
    });
    clockFormats.set(timeZone, format);
  }
  return format.format(instant);
}

// Each property walks months of working days a hundred times or more; a busy machine needs
// longer than the default five seconds.
describe("cadence properties", { timeout: 30_000 }, () => {
  it("never relaxes after a slip until the whole run is earned again", () => {
    fc.assert(
      fc.property(scenario, ({ week, history, now, settings }) => {
        const record = reportingRecord(history, now, week, settings);
        const slips = slipInstants(record, history);
        for (const change of record.changes.filter((change) => change.kind === "relaxed")) {
          const since = Math.max(history.startedAt, ...slips.filter((slip) => slip <= change.at));
          const onTimeDays = record.slots.filter(
            (slot) =>
              slot.cadence === "daily" &&
              slot.outcome === "on_time" &&
              slot.dueAt > since &&
              slot.dueAt <= change.at,
          ).length;
          const accepted = record.reviews.filter(
            (review) =>
              review.decision === "accepted" &&
              review.decidedAt > since &&
              review.decidedAt <= change.at,
          ).length;
          expect(onTimeDays).toBeGreaterThanOrEqual(settings.onTimeDaysToRelax);
          expect(accepted).toBeGreaterThanOrEqual(settings.acceptedDeliveriesToRelax);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("tightens to daily at every slip while weekly", () => {
    fc.assert(
      fc.property(scenario, ({ week, history, now, settings }) => {
        const record = reportingRecord(history, now, week, settings);
        const weeklySlots = record.slots.filter((slot) => slot.cadence === "weekly");
        for (const slot of weeklySlots.filter((slot) => slot.outcome !== "on_time")) {
          expect(record.changes).toContainEqual(
            expect.objectContaining({ at: slot.dueAt, kind: "tightened", to: "daily" }),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it("puts each daily report at the end of a local working day, and each weekly one at the end of the week", () => {
    fc.assert(
      fc.property(scenario, ({ week, history, now, settings }) => {
        const record = reportingRecord(history, now, week, settings);
        const lastDay = lastWorkingWeekday(week.workingDays);
        for (const slot of [...record.slots, record.next]) {
          expect(localDateOf(slot.dueAt, week.timeZone)).toBe(slot.date);
          expect(wallClock(slot.dueAt, week.timeZone)).toBe(week.dayEnd);
          if (slot.cadence === "daily") expect(week.workingDays).toContain(isoWeekdayOf(slot.date));
          else expect(isoWeekdayOf(slot.date)).toBe(lastDay);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("has each due instant strictly after the one before, each window opening at or after it", () => {
    fc.assert(
      fc.property(scenario, ({ week, history, now, settings }) => {
        const record = reportingRecord(history, now, week, settings);
        const slots = [...record.slots, record.next];
        slots.forEach((slot, index) => {
          expect(slot.opensAt).toBeLessThan(slot.dueAt);
          const before = slots[index - 1];
          if (before) {
            expect(slot.dueAt).toBeGreaterThan(before.dueAt);
            expect(slot.opensAt).toBeGreaterThanOrEqual(before.dueAt);
          }
        });
        expect(record.next.dueAt).toBeGreaterThanOrEqual(now);
        expect(record.slots.every((slot) => slot.dueAt < now)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("agrees with nextReportDue, and with itself on a later clock up to that moment", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 20 * DAY }), (s, later) => {
        const record = reportingRecord(s.history, s.now, s.week, s.settings);
        const due = nextReportDue(s.history, s.now, s.week, s.settings);
        expect(due).toEqual({
          cadence: record.cadence,
          pinned: false,
          dueAt: record.next.dueAt,
          dueDate: record.next.date,
          explanation: record.explanation,
        });
        const future = reportingRecord(s.history, s.now + later, s.week, s.settings);
        expect(future.changes.slice(0, record.changes.length)).toEqual(
          record.changes.map((change) =>
            // A missed report may since have come, late.
            expect.objectContaining({
              at: change.at,
              from: change.from,
              to: change.to,
              kind: change.kind,
            }),
          ),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("never counts a slip outside the window, and counts every one inside it", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 60 }), (s, windowDays) => {
        const record = reportingRecord(s.history, s.now, s.week, s.settings);
        const { slips } = slipsInWindow(record, s.now, { slipsToFlag: 3, windowDays });
        const from = s.now - windowDays * DAY;
        for (const slip of slips) {
          expect(slip.at).toBeGreaterThan(from);
          expect(slip.at).toBeLessThanOrEqual(s.now);
        }
        const inside = (at: number) => at > from && at <= s.now;
        const expected =
          record.slots.filter((slot) => slot.outcome !== "on_time" && inside(slot.dueAt)).length +
          record.milestones.filter(
            (milestone) => milestone.outcome === "late" && inside(milestone.dueAt),
          ).length;
        expect(slips).toHaveLength(expected);
      }),
      { numRuns: 150 },
    );
  });
});
