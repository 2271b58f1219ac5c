import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PipelineStage } from "../../src/db/tables.ts";
import {
  boardOrder,
  changedCards,
  criterionWeights,
  hireRefusal,
  missingChecks,
  moveRefusal,
  placeCard,
  rolledUpScore,
  stageCounts,
  type Card,
  type Evidence,
} from "../../src/people/hiring-rules.ts";
import { pipelineStages, scorecardCriteria } from "../../src/people/schema.ts";

describe("scorecard weights", () => {
  it("cover every criterion and sum to 100", () => {
    expect(Object.keys(criterionWeights).sort()).toEqual([...scorecardCriteria].sort());
    expect(Object.values(criterionWeights).reduce((sum, weight) => sum + weight, 0)).toBe(100);
  });
});

describe("rolledUpScore", () => {
  it("is null before anything is scored", () => {
    expect(rolledUpScore([])).toBeNull();
  });

  it("is the score itself when one criterion is scored", () => {
    expect(rolledUpScore([{ criterion: "reviews", score: 3 }])).toBe(3);
  });

  it("weighs a full scorecard by the weights: (20·5+15·4+20·3+15·2+10·1+20·4)/100 = 3.4", () => {
    const scores = [
      { criterion: "communication", score: 5 },
      { criterion: "professionalism", score: 4 },
      { criterion: "samples", score: 3 },
      { criterion: "references", score: 2 },
      { criterion: "reviews", score: 1 },
      { criterion: "test_project", score: 4 },
    ] as const;
    expect(rolledUpScore(scores)).toBe(3.4);
  });

  it("weighs only what is scored so far: communication 5 (20) and reviews 2 (10) → 4", () => {
    expect(
      rolledUpScore([
        { criterion: "communication", score: 5 },
        { criterion: "reviews", score: 2 },
      ]),
    ).toBe(4);
  });

  it("rounds to two decimals: professionalism 4 (15) and samples 5 (20) → 4.57", () => {
    // (60 + 100) / 35 = 4.5714…
    expect(
      rolledUpScore([
        { criterion: "professionalism", score: 4 },
        { criterion: "samples", score: 5 },
      ]),
    ).toBe(4.57);
  });

  it("always lies between the lowest and highest score given", () => {
    const score = fc.record({
      criterion: fc.constantFrom(...scorecardCriteria),
      score: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(score, { minLength: 1, maxLength: 6, selector: (s) => s.criterion }),
        (scores) => {
          const total = rolledUpScore(scores)!;
          const values = scores.map((s) => s.score);
          expect(total).toBeGreaterThanOrEqual(Math.min(...values));
          expect(total).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});

const nothing: Evidence = {
  samples: 0,
  references: [],
  reviewChecks: 0,
  interviews: 0,
  scored: [],
};

describe("missingChecks", () => {
  it("lists every check, in words, for a candidate with no evidence", () => {
    expect(missingChecks(nothing).map((check) => check.message)).toEqual([
      "Samples not reviewed",
      "References not checked",
      "Online reviews not checked",
      "Not interviewed",
      "No test project result",
      "Scorecard incomplete: communication, professionalism, quality of samples, references, online reviews",
    ]);
  });

  it("is empty once everything is done", () => {
    expect(
      missingChecks({
        samples: 2,
        references: [{ contacted: false }, { contacted: true }],
        reviewChecks: 1,
        interviews: 1,
        scored: [...scorecardCriteria],
      }),
    ).toEqual([]);
  });

  it("counts references only once one was contacted", () => {
    const checks = (references: Evidence["references"]) =>
      missingChecks({ ...nothing, references }).map((check) => check.check);
    expect(checks([{ contacted: false }, { contacted: false }])).toContain("references");
    expect(checks([{ contacted: true }])).not.toContain("references");
  });

  it("names only the criteria still unscored, and the test project on its own line", () => {
    const checks = missingChecks({
      ...nothing,
      scored: ["communication", "samples", "references", "reviews"],
    });
    expect(checks.find((check) => check.check === "scorecard")?.message).toBe(
      "Scorecard incomplete: professionalism",
    );
    expect(checks.find((check) => check.check === "test_project")?.message).toBe(
      "No test project result",
    );
    const done = missingChecks({
      ...nothing,
      scored: ["communication", "professionalism", "samples", "references", "reviews"],
    });
    expect(done.map((check) => check.check)).toEqual([
      "samples",
      "references",
      "reviews",
      "interview",
      "test_project",
    ]);
  });
});

describe("moves", () => {
  it("lets a card go between the open stages in any order and to rejected", () => {
    expect(moveRefusal("test_project", "sourced")).toBeNull();
    expect(moveRefusal("sourced", "interview")).toBeNull();
    expect(moveRefusal("rejected", "screening")).toBeNull();
    expect(moveRefusal("screening", "rejected")).toBeNull();
  });

  it("never moves a hired card, and hiring goes through hire", () => {
    expect(moveRefusal("hired", "sourced")?.code).toBe("hiring.already_hired");
    expect(moveRefusal("interview", "hired")?.code).toBe("hiring.use_hire");
  });

  it("refuses to hire a rejected or already hired candidate", () => {
    expect(hireRefusal("rejected")?.code).toBe("hiring.rejected");
    expect(hireRefusal("hired")?.code).toBe("hiring.already_hired");
    expect(hireRefusal("test_project")).toBeNull();
  });
});

function board(layout: Partial<Record<PipelineStage, string[]>>): Card[] {
  return Object.entries(layout).flatMap(([stage, ids]) =>
    ids.map((id, position) => ({ id, stage: stage as PipelineStage, position })),
  );
}

function columns(cards: Card[]): Partial<Record<PipelineStage, string[]>> {
  const out: Partial<Record<PipelineStage, string[]>> = {};
  for (const card of boardOrder(cards)) (out[card.stage] ??= []).push(card.id);
  return out;
}

describe("placeCard", () => {
  const start = board({ sourced: ["a", "b", "c"], screening: ["d"] });

  it("puts a card at the given place in another column and closes the gap it left", () => {
    const after = placeCard(start, "b", "screening", 0);
    expect(columns(after)).toEqual({ sourced: ["a", "c"], screening: ["b", "d"] });
    expect(after.find((card) => card.id === "c")?.position).toBe(1);
    expect(
      changedCards(start, after)
        .map((card) => card.id)
        .sort(),
    ).toEqual(["b", "c", "d"]);
  });

  it("puts a card at the bottom when no place is given or the place is past the end", () => {
    expect(columns(placeCard(start, "a", "screening"))).toEqual({
      sourced: ["b", "c"],
      screening: ["d", "a"],
    });
    expect(columns(placeCard(start, "a", "screening", 99)).screening).toEqual(["d", "a"]);
  });

  it("reorders within a column", () => {
    expect(columns(placeCard(start, "c", "sourced", 0)).sourced).toEqual(["c", "a", "b"]);
    expect(columns(placeCard(start, "a", "sourced", 2)).sourced).toEqual(["b", "c", "a"]);
    expect(changedCards(start, placeCard(start, "b", "sourced", 1))).toEqual([]);
  });

  it("keeps every column 0..n-1 and loses or duplicates no card, whatever the moves", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const move = fc.record({
      id: fc.constantFrom(...ids),
      stage: fc.constantFrom(...pipelineStages),
      position: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pipelineStages), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
        fc.array(move, { maxLength: 40 }),
        (stages, moves) => {
          let cards = ids.map((id, index) => ({ id, stage: stages[index]!, position: 0 }));
          // Start from a dense board: place every card once.
          for (const card of [...cards]) cards = placeCard(cards, card.id, card.stage);
          for (const { id, stage, position } of moves) {
            cards = placeCard(cards, id, stage, position);
            const moved = cards.find((card) => card.id === id)!;
            expect(moved.stage).toBe(stage);
            const column = cards.filter((card) => card.stage === stage);
            if (position !== undefined) {
              expect(moved.position).toBe(Math.min(position, column.length - 1));
            }
          }
          expect(cards.map((card) => card.id).sort()).toEqual(ids);
          for (const stage of pipelineStages) {
            const positions = cards
              .filter((card) => card.stage === stage)
              .map((card) => card.position)
              .sort((a, b) => a - b);
            expect(positions).toEqual(positions.map((_, index) => index));
          }
        },
      ),
    );
  });
});

describe("stageCounts", () => {
  it("counts every stage, zero included", () => {
    expect(stageCounts(["sourced", "sourced", "hired"])).toEqual({
      sourced: 2,
      screening: 0,
      interview: 0,
      test_project: 0,
      hired: 1,
      rejected: 0,
    });
  });
});
