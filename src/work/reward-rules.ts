import {
  bestPerformerFirst,
  type Performance,
  type PerformerCandidate,
} from "./performance-rules.ts";
import { countOf } from "../words.ts";

/**
 * Top performers (seed 001: reward top performers; seed 003: more work for the good ones):
 * the reliable people ranked, each with one suggested reward. Pure.
 */

export type RewardKind = "more_work" | "raise" | "bonus";

export interface Reward {
  kind: RewardKind;
  words: string;
}

/** A raise is for work rated this well over this many deliveries; a bonus for fewer. */
const RAISE_RATING = 4.5;
const RAISE_RATED_DELIVERIES = 5;
const BONUS_RATING = 4;

function ratedWords(performance: Performance): string {
  const { overall, rated } = performance.ratings;
  return `rated ${overall?.toFixed(1)} of 5 over ${countOf(rated, "delivery", "deliveries")}`;
}

/** What to do for someone reliable: the better rated, the bigger the reward. */
export function suggestedReward(performance: Performance): Reward {
  const { overall, rated } = performance.ratings;
  if (overall !== null && overall >= RAISE_RATING && rated >= RAISE_RATED_DELIVERIES) {
    return {
      kind: "raise",
      words: `Consistently excellent, ${ratedWords(performance)}: a raise keeps them.`,
    };
  }
  if (overall !== null && overall >= BONUS_RATING) {
    return {
      kind: "bonus",
      words: `Strong recent work, ${ratedWords(performance)}: a bonus rewards it.`,
    };
  }
  return {
    kind: "more_work",
    words: "On time and accepted: offer them new work first.",
  };
}

export interface TopPerformer extends PerformerCandidate {
  rank: number;
  reward: Reward;
}

/** The reliable people, best first (`bestPerformerFirst`), at most `limit`. */
export function topPerformers(
  candidates: readonly PerformerCandidate[],
  limit: number,
): TopPerformer[] {
  return candidates
    .filter((candidate) => candidate.reliability.reliable)
    .sort(bestPerformerFirst)
    .slice(0, limit)
    .map((candidate, index) => ({
      ...candidate,
      rank: index + 1,
      reward: suggestedReward(candidate.reliability.performance),
    }));
}
