import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOYALTY_SETTINGS,
  DEFAULT_SLIP_SETTINGS,
  percentOf,
  performanceOf,
  recordWithin,
  reliability,
  slipsInWindow,
  suggestReplacements,
  type ReplacementCandidate,
  type WorkRecord,
} from "../../src/work/performance-rules.ts";
import type {
  DeliveryReview,
  MilestoneRecord,
  Ratings,
  SettledSlot,
} from "../../src/work/rules.ts";

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

/** A daily slot due at 17:00 in New York on a date in spring 2026 (EDT, -04:00). */
function slot(date: string, outcome: SettledSlot["outcome"]): SettledSlot {
  const dueAt = at(`${date}T17:00:00-04:00`);
  return {
    cadence: "daily",
    date,
    opensAt: at(`${date}T00:00:00-04:00`),
    dueAt,
    outcome,
    reportAt: outcome === "missed" ? null : dueAt + (outcome === "late" ? 3_600_000 : -3_600_000),
  };
}

function milestone(
  title: string,
  dueDate: string,
  outcome: MilestoneRecord["outcome"],
): MilestoneRecord {
  const dueAt = at(`${dueDate}T17:00:00-04:00`);
  const firstSubmittedAt = outcome === "open" ? null : dueAt + (outcome === "late" ? DAY : -DAY);
  return { title, dueDate, dueAt, firstSubmittedAt, outcome };
}

function review(
  iso: string,
  decision: DeliveryReview["decision"],
  ratings: Ratings | null = null,
): DeliveryReview {
  return { title: "Delivery", decision, decidedAt: at(iso), ratings };
}

function record(parts: Partial<WorkRecord>): WorkRecord {
  return { slots: [], milestones: [], reviews: [], ...parts };
}

/** Working days from a date on, Monday to Friday. */
function weekdaysFrom(first: string, count: number): string[] {
  const dates: string[] = [];
  for (let day = at(`${first}T12:00:00Z`); dates.length < count; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

describe("a contractor's numbers", () => {
  it("counts reports and milestones on time, send-backs and average ratings", () => {
    const numbers = performanceOf(
      record({
        slots: [
          slot("2026-03-09", "on_time"),
          slot("2026-03-10", "on_time"),
          slot("2026-03-11", "late"),
          slot("2026-03-12", "on_time"),
        ],
        milestones: [
          milestone("Logo drafts", "2026-03-10", "on_time"),
          milestone("Banner set", "2026-03-11", "late"),
          milestone("Landing page", "2026-03-30", "open"),
        ],
        reviews: [
          review("2026-03-10T12:00:00-04:00", "accepted", {
            quality: 5,
            timeliness: 4,
            communication: 5,
          }),
          review("2026-03-11T12:00:00-04:00", "accepted", {
            quality: 4,
            timeliness: 4,
            communication: 3,
          }),
          review("2026-03-12T12:00:00-04:00", "sent_back"),
          review("2026-03-13T12:00:00-04:00", "accepted", {
            quality: 5,
            timeliness: 5,
            communication: 4,
          }),
          review("2026-03-14T12:00:00-04:00", "accepted"),
        ],
      }),
    );
    expect(numbers).toEqual({
      reportsOnTime: { count: 3, of: 4 },
      milestonesOnTime: { count: 1, of: 2 },
      sentBack: { count: 1, of: 5 },
      accepted: 4,
      ratings: { quality: 4.7, timeliness: 4.3, communication: 4, overall: 4.3, rated: 3 },
    });
    expect(percentOf(numbers.reportsOnTime)).toBe(75);
    expect(percentOf(numbers.sentBack)).toBe(20);
  });

  it("has nothing to show before the first report, delivery or rating", () => {
    const numbers = performanceOf(record({}));
    expect(numbers.ratings).toEqual({
      quality: null,
      timeliness: null,
      communication: null,
      overall: null,
      rated: 0,
    });
    expect(percentOf(numbers.reportsOnTime)).toBeNull();
  });

  it("takes a window of the record by when things fell due or were decided", () => {
    const window = recordWithin(
      record({
        slots: [slot("2026-03-09", "on_time"), slot("2026-03-10", "missed")],
        milestones: [milestone("Logo drafts", "2026-03-09", "on_time")],
        reviews: [review("2026-03-09T17:00:00-04:00", "accepted")],
      }),
      at("2026-03-09T17:00:00-04:00"),
      at("2026-03-10T17:00:00-04:00"),
    );
    expect(window.slots.map((slot) => slot.date)).toEqual(["2026-03-10"]);
    expect(window.milestones).toEqual([]);
    expect(window.reviews).toEqual([]);
  });
});

describe("slips", () => {
  const now = at("2026-04-30T12:00:00-04:00");
  const slipping = record({
    slots: [
      slot("2026-03-30", "missed"),
      slot("2026-03-31", "late"),
      slot("2026-04-01", "missed"),
      slot("2026-04-02", "on_time"),
      slot("2026-04-29", "on_time"),
    ],
    milestones: [
      milestone("Landing page copy", "2026-04-20", "late"),
      milestone("Logo drafts", "2026-04-21", "on_time"),
      milestone("Banner set", "2026-05-04", "open"),
    ],
    reviews: [review("2026-04-22T12:00:00-04:00", "sent_back")],
  });

  it("flags three missed reports or late milestones in 30 days, with the evidence", () => {
    expect(slipsInWindow(slipping, now)).toEqual({
      slips: [
        {
          kind: "late_report",
          at: at("2026-03-31T17:00:00-04:00"),
          words: "The report due Tue 31 Mar came late.",
        },
        {
          kind: "missed_report",
          at: at("2026-04-01T17:00:00-04:00"),
          words: "The report due Wed 1 Apr was missed.",
        },
        {
          kind: "late_milestone",
          at: at("2026-04-20T17:00:00-04:00"),
          words: "“Landing page copy”, due Mon 20 Apr, was delivered late.",
        },
      ],
      flagged: true,
      words:
        "3 slips in the last 30 days: no excuses or delays. Line up a replacement from the bench.",
    });
  });

  it("leaves out what fell due exactly at the window's start and counts what falls due now", () => {
    const edge = record({
      slots: [slot("2026-03-31", "missed"), slot("2026-04-30", "missed")],
    });
    const windowStartsAt = at("2026-03-31T17:00:00-04:00");
    const nowAtDue = at("2026-04-30T17:00:00-04:00");
    expect(nowAtDue - windowStartsAt).toBe(30 * DAY);
    expect(slipsInWindow(edge, nowAtDue).slips.map((slip) => slip.at)).toEqual([nowAtDue]);
  });

  it("says how far from a flag a contractor is", () => {
    expect(slipsInWindow(slipping, now, { slipsToFlag: 3, windowDays: 14 })).toMatchObject({
      flagged: false,
      words: "1 slip in the last 14 days; a contractor is flagged at 3.",
    });
    expect(slipsInWindow(record({}), now).words).toBe(
      "No slips in the last 30 days; a contractor is flagged at 3.",
    );
  });

  it("has the issue's defaults", () => {
    expect(DEFAULT_SLIP_SETTINGS).toEqual({ slipsToFlag: 3, windowDays: 30 });
  });
});

describe("reliability", () => {
  const now = at("2026-05-29T18:00:00-04:00");
  const days = weekdaysFrom("2026-04-20", 30);
  const onTime = days.map((date) => slot(date, "on_time"));
  const accepted = [
    review("2026-05-05T12:00:00-04:00", "accepted"),
    review("2026-05-12T12:00:00-04:00", "accepted"),
    review("2026-05-19T12:00:00-04:00", "accepted"),
  ];
  const milestones = [
    milestone("Logo drafts", "2026-05-06", "on_time"),
    milestone("Banner set", "2026-05-13", "on_time"),
  ];

  it("trusts someone on time and accepted over 60 days", () => {
    const verdict = reliability(record({ slots: onTime, reviews: accepted, milestones }), now);
    expect(verdict.reliable).toBe(true);
    expect(verdict.words).toBe(
      "Reliable over the last 60 days: 30 of 30 reports on time, 2 of 2 milestones on time, " +
        "3 deliveries accepted, none sent back.",
    );
  });

  it("needs 90% of reports on time: 27 of 30 is enough, 26 is not", () => {
    const withMisses = (misses: number) =>
      onTime.map((slot, index) =>
        index < misses ? { ...slot, outcome: "missed" as const } : slot,
      );
    expect(reliability(record({ slots: withMisses(3), reviews: accepted }), now).reliable).toBe(
      true,
    );
    expect(reliability(record({ slots: withMisses(4), reviews: accepted }), now).words).toBe(
      "Not reliable yet over the last 60 days: 26 of 30 reports on time (90% needed).",
    );
  });

  it("is lost with one delivery sent back, or one milestone late of two", () => {
    const verdict = reliability(
      record({
        slots: onTime,
        reviews: [...accepted, review("2026-05-20T12:00:00-04:00", "sent_back")],
        milestones: [
          milestones[0] as MilestoneRecord,
          milestone("Banner set", "2026-05-13", "late"),
        ],
      }),
      now,
    );
    expect(verdict.reliable).toBe(false);
    expect(verdict.words).toBe(
      "Not reliable yet over the last 60 days: 1 of 2 milestones on time (90% needed); 1 delivery sent back.",
    );
  });

  it("needs a record: reports due and at least two accepted deliveries", () => {
    expect(reliability(record({}), now).words).toBe(
      "Not reliable yet over the last 60 days: no reports were due; 0 accepted deliveries (2 needed).",
    );
    expect(reliability(record({ slots: onTime, reviews: accepted.slice(0, 1) }), now).words).toBe(
      "Not reliable yet over the last 60 days: 1 accepted delivery (2 needed).",
    );
  });

  it("forgets a send-back older than the window, and follows the settings", () => {
    const oldSendBack = review("2026-03-20T12:00:00-04:00", "sent_back");
    expect(
      reliability(record({ slots: onTime, reviews: [oldSendBack, ...accepted] }), now).reliable,
    ).toBe(true);
    const recentSendBack = review("2026-05-20T12:00:00-04:00", "sent_back");
    const lenient = { ...DEFAULT_LOYALTY_SETTINGS, maxSentBack: 1 };
    const verdict = reliability(
      record({ slots: onTime, reviews: [recentSendBack, ...accepted] }),
      now,
      lenient,
    );
    expect(verdict.reliable).toBe(true);
    expect(verdict.words).toBe(
      "Reliable over the last 60 days: 30 of 30 reports on time, 3 deliveries accepted, 1 sent back.",
    );
  });

  it("has defaults: 60 days, 90% on time, 2 accepted deliveries, none sent back", () => {
    expect(DEFAULT_LOYALTY_SETTINGS).toEqual({
      windowDays: 60,
      minOnTimePercent: 90,
      minAcceptedDeliveries: 2,
      maxSentBack: 0,
    });
  });
});

describe("replacements for a contractor who slips", () => {
  const candidate = (
    contractorId: string,
    rating: number | null,
    openAssignments: number,
    overlapMinutes: number,
  ): ReplacementCandidate => ({
    contractorId,
    name: contractorId.charAt(0).toUpperCase() + contractorId.slice(1),
    rating,
    openAssignments,
    overlapMinutes,
  });

  it("puts the best rated first, then the least busy, then the most overlap with the owner's day", () => {
    const { suggestions, benchThin, words } = suggestReplacements("maya", [
      candidate("ravi", 4.2, 0, 240),
      candidate("maya", 4.9, 0, 480),
      candidate("ana", 4.74, 2, 60),
      candidate("tom", 4.66, 1, 0),
      candidate("lee", null, 0, 480),
      candidate("kim", 4.7, 1, 210),
    ]);
    expect(suggestions.map((suggestion) => [suggestion.contractorId, suggestion.words])).toEqual([
      ["kim", "Rated 4.7 of 5, 1 open assignment, 3 h 30 min of overlap with your working day"],
      ["tom", "Rated 4.7 of 5, 1 open assignment, no overlap with your working day"],
      ["ana", "Rated 4.7 of 5, 2 open assignments, 1 h of overlap with your working day"],
      ["ravi", "Rated 4.2 of 5, 0 open assignments, 4 h of overlap with your working day"],
      ["lee", "Not rated yet, 0 open assignments, 8 h of overlap with your working day"],
    ]);
    expect(benchThin).toBe(false);
    expect(words).toBe(
      "Best rated first, then the least busy, then the most overlap with your working day.",
    );
  });

  it("settles a full tie by name", () => {
    const { suggestions } = suggestReplacements("maya", [
      candidate("zoe", 4.5, 1, 120),
      candidate("ben", 4.5, 1, 120),
    ]);
    expect(suggestions.map((suggestion) => suggestion.name)).toEqual(["Ben", "Zoe"]);
  });

  it("asks for a hiring opening when the bench is thin", () => {
    expect(suggestReplacements("maya", [candidate("kim", 4.7, 1, 45)])).toMatchObject({
      benchThin: true,
      words:
        "Only one other person has this skill: start a hiring opening so two people always can do the work.",
    });
    expect(suggestReplacements("maya", [candidate("maya", 4.9, 0, 480)])).toEqual({
      suggestions: [],
      benchThin: true,
      words: "Nobody else on the bench has this skill: start a hiring opening.",
    });
  });

  it("orders the same way whatever order the bench comes in", () => {
    const bench = fc.uniqueArray(
      fc.record({
        contractorId: fc.uuid(),
        name: fc.constantFrom("Ana", "Ben", "Kim", "Lee"),
        rating: fc.option(fc.integer({ min: 10, max: 50 }).map((tenths) => tenths / 10)),
        openAssignments: fc.nat(3),
        overlapMinutes: fc.constantFrom(0, 30, 90, 240),
      }),
      { selector: (person) => person.contractorId, maxLength: 12 },
    );
    fc.assert(
      fc.property(bench, fc.nat(), (people, seed) => {
        const shuffled = [...people].sort(
          (a, b) =>
            ((a.contractorId.charCodeAt(seed % 8) * 31) % 17) -
            ((b.contractorId.charCodeAt(seed % 8) * 31) % 17),
        );
        expect(suggestReplacements("nobody", shuffled)).toEqual(
          suggestReplacements("nobody", people),
        );
      }),
    );
  });
});
