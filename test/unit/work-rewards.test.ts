import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reliablePeople } from "../../src/guardrails/loyalty-rules.ts";
import {
  onTimeRatio,
  performanceOf,
  type Performance,
  type PerformerCandidate,
  type Reliability,
} from "../../src/work/performance-rules.ts";
import { suggestedReward, topPerformers } from "../../src/work/reward-rules.ts";
import type {
  DeliveryReview,
  MilestoneRecord,
  Ratings,
  SettledSlot,
} from "../../src/work/rules.ts";
import { trendOf } from "../../src/work/trend-rules.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-03-20T12:00:00Z");

function slot(dueAt: number, outcome: SettledSlot["outcome"]): SettledSlot {
  return {
    cadence: "daily",
    date: new Date(dueAt).toISOString().slice(0, 10),
    opensAt: dueAt - DAY,
    dueAt,
    outcome,
    reportAt: outcome === "missed" ? null : dueAt,
  };
}

function review(decidedAt: number, ratings: Ratings | null): DeliveryReview {
  return { title: "Delivery", decision: ratings ? "accepted" : "sent_back", decidedAt, ratings };
}

/** Someone's numbers from their rated deliveries, all accepted, and reports all on time. */
function performanceRated(ratings: readonly Ratings[], reports = 10): Performance {
  return performanceOf({
    slots: Array.from({ length: reports }, (_, i) => slot(NOW - (i + 1) * DAY, "on_time")),
    milestones: [],
    reviews: ratings.map((rating, i) => review(NOW - i * DAY, rating)),
  });
}

function candidate(name: string, performance: Performance, reliable = true): PerformerCandidate {
  const verdict: Reliability = { reliable, performance, words: `${name}'s record` };
  return { contractorId: `id-${name}`, name, reliability: verdict };
}

const all = (n: number): Ratings => ({ quality: n, timeliness: n, communication: n });

describe("the weekly trend", () => {
  it("puts each report and decision in the week it fell in, oldest week first", () => {
    const trend = trendOf(
      {
        slots: [
          slot(NOW - 1 * DAY, "on_time"),
          slot(NOW - 2 * DAY, "missed"),
          slot(NOW - 9 * DAY, "on_time"),
        ],
        milestones: [],
        reviews: [review(NOW - 3 * DAY, all(5)), review(NOW - 4 * DAY, { ...all(4), quality: 3 })],
      },
      NOW,
      3,
    );
    expect(
      trend.map((point) => [point.onTimePercent, point.averageRating, point.reviewed]),
    ).toEqual([
      [null, null, 0],
      [100, null, 0],
      [50, 4.3, 2],
    ]);
    expect(trend.map((point) => point.to)).toEqual([NOW - 14 * DAY, NOW - 7 * DAY, NOW]);
  });

  it("covers every decision inside the weeks exactly once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 * 7 * DAY - 1 }), { maxLength: 30 }),
        (agesAgo) => {
          const reviews = agesAgo.map((age) => review(NOW - age, all(4)));
          const trend = trendOf({ slots: [], milestones: [], reviews }, NOW, 12);
          expect(trend.reduce((sum, point) => sum + point.reviewed, 0)).toBe(reviews.length);
        },
      ),
    );
  });
});

describe("the suggested reward", () => {
  it("suggests a raise for sustained excellent ratings", () => {
    expect(suggestedReward(performanceRated([all(5), all(5), all(4), all(5), all(5)]))).toEqual({
      kind: "raise",
      words: "Consistently excellent, rated 4.8 of 5 over 5 deliveries: a raise keeps them.",
    });
  });

  it("suggests a bonus for strong work over fewer deliveries", () => {
    expect(suggestedReward(performanceRated([all(5), all(4)]))).toMatchObject({
      kind: "bonus",
      words: "Strong recent work, rated 4.5 of 5 over 2 deliveries: a bonus rewards it.",
    });
  });

  it("suggests more work when unrated or rated below 4", () => {
    expect(suggestedReward(performanceRated([])).kind).toBe("more_work");
    expect(suggestedReward(performanceRated([all(3), all(4)])).kind).toBe("more_work");
  });
});

describe("top performers", () => {
  it("keeps only the reliable, best rated first, then most on time", () => {
    const ranked = topPerformers(
      [
        candidate("Ana", performanceRated([all(4)])),
        candidate("Ben", performanceRated([all(5)]), false),
        candidate("Cho", performanceRated([all(5), all(4)])),
        candidate("Dev", performanceRated([all(4)], 12)),
        candidate("Eli", performanceRated([])),
      ],
      10,
    );
    expect(ranked.map((performer) => [performer.rank, performer.name])).toEqual([
      [1, "Cho"],
      [2, "Ana"],
      [3, "Dev"],
      [4, "Eli"],
    ]);
  });

  it("never ranks more than asked, and gives the same order whatever order they come in", () => {
    const ratingsArb = fc.array(
      fc.record({
        quality: fc.integer({ min: 1, max: 5 }),
        timeliness: fc.integer({ min: 1, max: 5 }),
        communication: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), ratingsArb, fc.boolean()),
          {
            selector: ([name]) => name,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 0, max: 5 }),
        (people, limit) => {
          const candidates = people.map(([name, ratings, reliable]) =>
            candidate(name, performanceRated(ratings), reliable),
          );
          const ranked = topPerformers(candidates, limit);
          expect(ranked.length).toBeLessThanOrEqual(limit);
          expect(ranked.every((performer) => performer.reliability.reliable)).toBe(true);
          const names = (list: PerformerCandidate[]) =>
            topPerformers(list, limit).map((p) => p.name);
          expect(names([...candidates].reverse())).toEqual(ranked.map((p) => p.name));
        },
      ),
    );
  });
});

describe("one order for reliable people", () => {
  function milestone(
    dueAt: number,
    firstSubmittedAt: number | null,
    outcome: MilestoneRecord["outcome"],
  ): MilestoneRecord {
    const dueDate = new Date(dueAt).toISOString().slice(0, 10);
    return { title: "Delivery", dueDate, dueAt, firstSubmittedAt, outcome };
  }

  it("counts reports and milestones together as on time", () => {
    const performance = performanceOf({
      slots: [slot(NOW - DAY, "on_time"), slot(NOW - 2 * DAY, "missed")],
      milestones: [
        milestone(NOW - DAY, NOW - 2 * DAY, "on_time"),
        milestone(NOW - 2 * DAY, NOW - DAY, "late"),
        milestone(NOW + DAY, null, "open"),
      ],
      reviews: [],
    });
    expect(onTimeRatio(performance)).toEqual({ count: 2, of: 4 });
  });

  it("lists the loyal in the same order as the top performers", () => {
    const ratingsArb = fc.array(
      fc.constantFrom(all(3), all(4), all(5), { ...all(5), quality: 4 }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.string({ minLength: 1, maxLength: 6 }),
            ratingsArb,
            fc.integer({ min: 1, max: 12 }),
          ),
          { selector: ([name]) => name, maxLength: 8 },
        ),
        (people) => {
          const candidates = people.map(([name, ratings, reports]) =>
            candidate(name, performanceRated(ratings, reports)),
          );
          expect(reliablePeople(candidates).map((person) => person.contractorName)).toEqual(
            topPerformers(candidates, candidates.length).map((performer) => performer.name),
          );
        },
      ),
    );
  });
});
