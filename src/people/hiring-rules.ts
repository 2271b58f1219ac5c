import type { PipelineStage, ScorecardCriterion } from "../db/tables.ts";
import { pipelineStages, scorecardCriteria } from "./schema.ts";

/**
 * The hiring pipeline's judgement: where a card lands on the board, when a move is refused,
 * how the scorecard rolls up into one score and which checks are still missing.
 */

export const criterionLabels: Record<ScorecardCriterion, string> = {
  communication: "Communication",
  professionalism: "Professionalism",
  samples: "Quality of samples",
  references: "References",
  reviews: "Online reviews",
  test_project: "Test project result",
};

/**
 * Share of the total each criterion carries, in percent. What the person showed in their
 * work (samples, the test project) and how they talk to you weigh most; reviews least,
 * since strangers' reviews are the easiest to game.
 */
export const criterionWeights: Record<ScorecardCriterion, number> = {
  communication: 20,
  professionalism: 15,
  samples: 20,
  references: 15,
  reviews: 10,
  test_project: 20,
};

export interface CriterionScore {
  criterion: ScorecardCriterion;
  score: number;
}

/**
 * The weighted mean of the criteria scored so far, 1–5 with two decimals; null when nothing
 * is scored. Unscored criteria are left out rather than counted as zero, so an early score
 * reads on the same scale as a finished one (the missing checks say what is left).
 */
export function rolledUpScore(scores: readonly CriterionScore[]): number | null {
  if (scores.length === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (const { criterion, score } of scores) {
    weighted += criterionWeights[criterion] * score;
    weights += criterionWeights[criterion];
  }
  return Math.round((weighted / weights) * 100) / 100;
}

export interface Evidence {
  samples: number;
  references: readonly { contacted: boolean }[];
  reviewChecks: number;
  interviews: number;
  scored: readonly ScorecardCriterion[];
}

export type Check =
  "samples" | "references" | "reviews" | "interview" | "test_project" | "scorecard";

export interface MissingCheck {
  check: Check;
  message: string;
}

/** What has not been done yet, in words, so nobody is hired on a gut feeling. */
export function missingChecks(evidence: Evidence): MissingCheck[] {
  const missing: MissingCheck[] = [];
  if (evidence.samples === 0) missing.push({ check: "samples", message: "Samples not reviewed" });
  if (!evidence.references.some((reference) => reference.contacted)) {
    missing.push({ check: "references", message: "References not checked" });
  }
  if (evidence.reviewChecks === 0) {
    missing.push({ check: "reviews", message: "Online reviews not checked" });
  }
  if (evidence.interviews === 0) missing.push({ check: "interview", message: "Not interviewed" });
  if (!evidence.scored.includes("test_project")) {
    missing.push({ check: "test_project", message: "No test project result" });
  }
  // The test project has its own line above; the scorecard line names the rest.
  const unscored = scorecardCriteria.filter(
    (criterion) => criterion !== "test_project" && !evidence.scored.includes(criterion),
  );
  if (unscored.length > 0) {
    const names = unscored.map((criterion) => criterionLabels[criterion].toLowerCase());
    missing.push({ check: "scorecard", message: `Scorecard incomplete: ${names.join(", ")}` });
  }
  return missing;
}

export interface Card {
  id: string;
  stage: PipelineStage;
  position: number;
}

/** A column's cards top to bottom; equal positions fall back to the id so the order is stable. */
function column(cards: readonly Card[], stage: PipelineStage): Card[] {
  return cards
    .filter((card) => card.stage === stage)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** The board in reading order: column by column, top to bottom. */
export function boardOrder<T extends Card>(cards: readonly T[]): T[] {
  const order = (card: Card) => pipelineStages.indexOf(card.stage);
  return [...cards].sort(
    (a, b) => order(a) - order(b) || a.position - b.position || a.id.localeCompare(b.id),
  );
}

/**
 * Moves one card to a stage at a position (the bottom when left out or past the end) and
 * renumbers the columns it left and entered 0..n-1. Answers every card with its new place.
 */
export function placeCard(
  cards: readonly Card[],
  id: string,
  stage: PipelineStage,
  position?: number,
): Card[] {
  const moving = cards.find((card) => card.id === id);
  if (!moving) return [...cards];
  const others = cards.filter((card) => card.id !== id);
  const target = column(others, stage);
  const at = Math.min(Math.max(position ?? target.length, 0), target.length);
  target.splice(at, 0, { ...moving, stage });
  const source = moving.stage === stage ? [] : column(others, moving.stage);
  const placed = new Map<string, Card>();
  for (const list of [source, target]) {
    list.forEach((card, index) => placed.set(card.id, { ...card, position: index }));
  }
  return cards.map((card) => placed.get(card.id) ?? card);
}

/** The cards whose stage or position differs between two arrangements of the same board. */
export function changedCards(before: readonly Card[], after: readonly Card[]): Card[] {
  const old = new Map(before.map((card) => [card.id, card]));
  return after.filter((card) => {
    const was = old.get(card.id);
    return !was || was.stage !== card.stage || was.position !== card.position;
  });
}

export interface MoveRefusal {
  code: string;
  message: string;
}

/** Why a card may not go from one stage to another through a plain move, or null. */
export function moveRefusal(from: PipelineStage, to: PipelineStage): MoveRefusal | null {
  if (from === "hired") {
    return { code: "hiring.already_hired", message: "This person is hired; the card stays put" };
  }
  if (to === "hired") {
    return {
      code: "hiring.use_hire",
      message: "Hire from the candidate's page, so the missing checks are seen first",
    };
  }
  return null;
}

/** Why a candidacy may not be hired, or null. */
export function hireRefusal(stage: PipelineStage): MoveRefusal | null {
  if (stage === "hired") return { code: "hiring.already_hired", message: "Already hired" };
  if (stage === "rejected") {
    return {
      code: "hiring.rejected",
      message: "This candidate was rejected; move them back onto the board before hiring",
    };
  }
  return null;
}

export type StageCounts = Record<PipelineStage, number>;

export function stageCounts(stages: readonly PipelineStage[]): StageCounts {
  const counts = Object.fromEntries(pipelineStages.map((stage) => [stage, 0])) as StageCounts;
  for (const stage of stages) counts[stage] += 1;
  return counts;
}
