import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WorkingWeek } from "../../src/time/working-day.ts";
import { rememberedRecord } from "../../src/work/cadence-memory.ts";
import { DEFAULT_CADENCE_SETTINGS, reportingRecord } from "../../src/work/cadence-rules.ts";
import type { ReportingHistory } from "../../src/work/rules.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse("2026-03-02T06:00:00Z");
const weeks: WorkingWeek[] = [
  {
    timeZone: "America/New_York",
    dayStart: "09:00",
    dayEnd: "17:00",
    workingDays: [1, 2, 3, 4, 5],
  },
  { timeZone: "Asia/Kolkata", dayStart: "10:00", dayEnd: "19:00", workingDays: [1, 2, 3, 4, 5, 6] },
  {
    timeZone: "Pacific/Auckland",
    dayStart: "08:30",
    dayEnd: "17:30",
    workingDays: [1, 2, 3, 4, 5],
  },
];

/** A few weeks of reports (some skipped), a milestone or two, a review and maybe a pin. */
const scenario = fc.record({
  week: fc.constantFrom(...weeks),
  reportHours: fc.uniqueArray(fc.integer({ min: 1, max: 28 * 24 }), { maxLength: 30 }),
  milestoneDays: fc.array(fc.integer({ min: 1, max: 28 }), { maxLength: 2 }),
  reviewHour: fc.option(fc.integer({ min: 1, max: 28 * 24 })),
  pinHour: fc.option(fc.integer({ min: 1, max: 28 * 24 })),
  /** Hours between one read and the next, as requests and sweeps come in. */
  steps: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 40 }),
});

describe("remembered reporting records", () => {
  it("always equal the record worked out afresh, whatever is read when", () => {
    let person = 0;
    fc.assert(
      fc.property(scenario, (drawn) => {
        const { week, reportHours, milestoneDays, reviewHour, pinHour, steps } = drawn;
        person += 1;
        const id = `person-${person}`;
        const history: ReportingHistory = {
          startedAt: start,
          reports: reportHours.map((hours) => ({ submittedAt: start + hours * HOUR })),
          reviews:
            reviewHour === null
              ? []
              : [
                  {
                    title: "Logo drafts",
                    decision: reviewHour % 2 === 0 ? "accepted" : "sent_back",
                    decidedAt: start + reviewHour * HOUR,
                    ratings: null,
                  },
                ],
          milestones: milestoneDays.map((days, index) => ({
            title: `Milestone ${index + 1}`,
            dueDate: new Date(start + days * DAY).toISOString().slice(0, 10),
            firstSubmittedAt: index === 0 ? start + (days - 1) * DAY : null,
          })),
          pins: pinHour === null ? [] : [{ at: start + pinHour * HOUR, cadence: "weekly" }],
        };
        let now = start;
        for (const hours of steps) {
          now += hours * HOUR;
          const remembered = rememberedRecord(id, history, now, week, DEFAULT_CADENCE_SETTINGS);
          expect(remembered).toEqual(reportingRecord(history, now, week, DEFAULT_CADENCE_SETTINGS));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("works the record out again when a report is added", () => {
    const week = weeks[0] as WorkingWeek;
    const now = start + 3 * DAY;
    const before: ReportingHistory = {
      startedAt: start,
      reports: [],
      reviews: [],
      milestones: [],
      pins: [],
    };
    const missed = rememberedRecord("added", before, now, week, DEFAULT_CADENCE_SETTINGS);
    const after = { ...before, reports: [{ submittedAt: now - HOUR }] };
    const withReport = rememberedRecord("added", after, now, week, DEFAULT_CADENCE_SETTINGS);
    expect(withReport).not.toEqual(missed);
    expect(withReport).toEqual(reportingRecord(after, now, week, DEFAULT_CADENCE_SETTINGS));
  });
});
