import { REQUIRED_PEOPLE } from "../guardrails/rules.ts";
import { countOf } from "../words.ts";
import {
  lateMilestoneWords,
  missedReportWords,
  type MilestoneRecord,
  type Ratings,
  type ReportingRecord,
  type SettledSlot,
} from "./rules.ts";

/**
 * How a contractor performs, judged from their reporting record: slips (seed 001: never
 * accept excuses or delays), reliability (seed 003: be loyal to the reliable ones and give
 * them more work), per-person numbers, and who could take over from someone who slips.
 * Pure: the record and `now` come in.
 */

const DAY = 86_400_000;

/** The parts of a reporting record performance is judged from. */
export type WorkRecord = Pick<ReportingRecord, "slots" | "milestones" | "reviews">;

/** "9 of 10". */
export interface Ratio {
  count: number;
  of: number;
}

/** A ratio as a whole percent, or null when there was nothing to count. */
export function percentOf(ratio: Ratio): number | null {
  return ratio.of === 0 ? null : Math.round((ratio.count * 100) / ratio.of);
}

/** The slots, milestones and decisions of a record that fell due or were made in (from, to]. */
export function recordWithin(record: WorkRecord, from: number, to: number): WorkRecord {
  const inside = (at: number) => at > from && at <= to;
  return {
    slots: record.slots.filter((slot) => inside(slot.dueAt)),
    milestones: record.milestones.filter((milestone) => inside(milestone.dueAt)),
    reviews: record.reviews.filter((review) => inside(review.decidedAt)),
  };
}

function lastDays(record: WorkRecord, now: number, days: number): WorkRecord {
  return recordWithin(record, now - days * DAY, now);
}

export interface RatingAverages {
  /** Averages to one decimal, as people read them; null before the first rating. */
  quality: number | null;
  timeliness: number | null;
  communication: number | null;
  /** The three together. */
  overall: number | null;
  rated: number;
}

export interface Performance {
  reportsOnTime: Ratio;
  milestonesOnTime: Ratio;
  sentBack: Ratio;
  accepted: number;
  ratings: RatingAverages;
}

function averageToTenth(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum * 10) / count) / 10;
}

function ratingAverages(ratings: readonly Ratings[]): RatingAverages {
  const sum = (pick: (rating: Ratings) => number) =>
    ratings.reduce((total, rating) => total + pick(rating), 0);
  const quality = sum((rating) => rating.quality);
  const timeliness = sum((rating) => rating.timeliness);
  const communication = sum((rating) => rating.communication);
  return {
    quality: averageToTenth(quality, ratings.length),
    timeliness: averageToTenth(timeliness, ratings.length),
    communication: averageToTenth(communication, ratings.length),
    overall: averageToTenth(quality + timeliness + communication, ratings.length * 3),
    rated: ratings.length,
  };
}

/** Reports and milestones together: of all that fell due, how many were on time. */
export function onTimeRatio(
  performance: Pick<Performance, "reportsOnTime" | "milestonesOnTime">,
): Ratio {
  const { reportsOnTime, milestonesOnTime } = performance;
  return {
    count: reportsOnTime.count + milestonesOnTime.count,
    of: reportsOnTime.of + milestonesOnTime.of,
  };
}

/** Ratings compare as people see them, to one decimal: 4.66 and 4.74 are both 4.7; not rated sorts last. */
export function ratingTenths(rating: number | null): number {
  return rating === null ? -1 : Math.round(rating * 10);
}

/**
 * A contractor's numbers over the record given (pass `recordWithin` for a window): reports
 * on time, milestones delivered on time, deliveries sent back, and average ratings.
 * Milestones not yet due and not delivered are not counted either way.
 */
export function performanceOf(record: WorkRecord): Performance {
  const judged = record.milestones.filter((milestone) => milestone.outcome !== "open");
  const sentBack = record.reviews.filter((review) => review.decision === "sent_back").length;
  return {
    reportsOnTime: {
      count: record.slots.filter((slot) => slot.outcome === "on_time").length,
      of: record.slots.length,
    },
    milestonesOnTime: {
      count: judged.filter((milestone) => milestone.outcome === "on_time").length,
      of: judged.length,
    },
    sentBack: { count: sentBack, of: record.reviews.length },
    accepted: record.reviews.length - sentBack,
    ratings: ratingAverages(
      record.reviews.flatMap((review) => (review.ratings === null ? [] : [review.ratings])),
    ),
  };
}

export interface SlipSettings {
  slipsToFlag: number;
  windowDays: number;
}

export const DEFAULT_SLIP_SETTINGS: SlipSettings = { slipsToFlag: 3, windowDays: 30 };

export interface Slip {
  kind: "missed_report" | "late_report" | "late_milestone";
  /** When it became a slip: the due instant that passed. */
  at: number;
  words: string;
}

export interface Slips {
  slips: Slip[];
  flagged: boolean;
  words: string;
}

function sentence(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}

function reportSlip(slot: SettledSlot): Slip {
  return {
    kind: slot.outcome === "late" ? "late_report" : "missed_report",
    at: slot.dueAt,
    words: sentence(missedReportWords(slot)),
  };
}

function milestoneSlip(milestone: MilestoneRecord): Slip {
  return {
    kind: "late_milestone",
    at: milestone.dueAt,
    words: sentence(lateMilestoneWords(milestone)),
  };
}

/**
 * Missed or late reports and late milestones whose due instant fell in the last
 * `windowDays` days (24-hour days back from `now`), oldest first. Enough of them flag the
 * contractor; each slip is listed as the evidence.
 */
export function slipsInWindow(
  record: WorkRecord,
  now: number,
  settings: SlipSettings = DEFAULT_SLIP_SETTINGS,
): Slips {
  const recent = lastDays(record, now, settings.windowDays);
  const slips = [
    ...recent.slots.filter((slot) => slot.outcome !== "on_time").map(reportSlip),
    ...recent.milestones.filter((milestone) => milestone.outcome === "late").map(milestoneSlip),
  ].sort((a, b) => a.at - b.at);
  const flagged = slips.length >= settings.slipsToFlag;
  const counted = `${slips.length === 0 ? "No slips" : countOf(slips.length, "slip")} in the last ${settings.windowDays} days`;
  return {
    slips,
    flagged,
    words: flagged
      ? `${counted}: no excuses or delays. Line up a replacement from the bench.`
      : `${counted}; a contractor is flagged at ${settings.slipsToFlag}.`,
  };
}

export interface LoyaltySettings {
  windowDays: number;
  /** Of the reports due and of the milestones due in the window. */
  minOnTimePercent: number;
  minAcceptedDeliveries: number;
  maxSentBack: number;
}

export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = {
  windowDays: 60,
  minOnTimePercent: 90,
  minAcceptedDeliveries: 2,
  maxSentBack: 0,
};

export interface Reliability {
  reliable: boolean;
  /** The numbers over the window the verdict rests on. */
  performance: Performance;
  words: string;
}

function onTimeShortfall(what: string, ratio: Ratio, minPercent: number): string | null {
  if (ratio.count * 100 >= minPercent * ratio.of) return null;
  return `${ratio.count} of ${ratio.of} ${what} on time (${minPercent}% needed)`;
}

/**
 * Reliable people (on time and accepted over a window) are suggested first for new work
 * and a volume rate. Someone with no report due in the window has no record to trust yet.
 */
export function reliability(
  record: WorkRecord,
  now: number,
  settings: LoyaltySettings = DEFAULT_LOYALTY_SETTINGS,
): Reliability {
  const performance = performanceOf(lastDays(record, now, settings.windowDays));
  const { reportsOnTime, milestonesOnTime, sentBack, accepted } = performance;
  const shortfalls = [
    reportsOnTime.of === 0 ? "no reports were due" : null,
    onTimeShortfall("reports", reportsOnTime, settings.minOnTimePercent),
    onTimeShortfall("milestones", milestonesOnTime, settings.minOnTimePercent),
    accepted < settings.minAcceptedDeliveries
      ? `${countOf(accepted, "accepted delivery", "accepted deliveries")} (${settings.minAcceptedDeliveries} needed)`
      : null,
    sentBack.count > settings.maxSentBack
      ? `${countOf(sentBack.count, "delivery", "deliveries")} sent back`
      : null,
  ].filter((shortfall) => shortfall !== null);
  const window = `over the last ${settings.windowDays} days`;
  if (shortfalls.length > 0) {
    return {
      reliable: false,
      performance,
      words: `Not reliable yet ${window}: ${shortfalls.join("; ")}.`,
    };
  }
  const milestones =
    milestonesOnTime.of === 0
      ? ""
      : `, ${milestonesOnTime.count} of ${milestonesOnTime.of} milestones on time`;
  const sent = sentBack.count === 0 ? "none sent back" : `${sentBack.count} sent back`;
  return {
    reliable: true,
    performance,
    words:
      `Reliable ${window}: ${reportsOnTime.count} of ${reportsOnTime.of} reports on time${milestones}, ` +
      `${countOf(accepted, "delivery", "deliveries")} accepted, ${sent}.`,
  };
}

/** Someone whose reliability over the loyalty window is judged, to rank among the others. */
export interface PerformerCandidate {
  contractorId: string;
  name: string;
  reliability: Reliability;
}

function onTimeShare(performance: Performance): number {
  const ratio = onTimeRatio(performance);
  return ratio.of === 0 ? 0 : ratio.count / ratio.of;
}

/**
 * The one order reliable people are shown in, as top performers and for loyalty alike:
 * highest rated, then most on time, then most work accepted; name and id settle ties so
 * the order never wobbles.
 */
export function bestPerformerFirst(a: PerformerCandidate, b: PerformerCandidate): number {
  const pa = a.reliability.performance;
  const pb = b.reliability.performance;
  return (
    ratingTenths(pb.ratings.overall) - ratingTenths(pa.ratings.overall) ||
    onTimeShare(pb) - onTimeShare(pa) ||
    pb.accepted - pa.accepted ||
    a.name.localeCompare(b.name) ||
    a.contractorId.localeCompare(b.contractorId)
  );
}

export interface ReplacementCandidate {
  contractorId: string;
  name: string;
  /** Overall average rating (1–5), null when never rated. */
  rating: number | null;
  openAssignments: number;
  /** Minutes of the candidate's working day inside the owner's. */
  overlapMinutes: number;
}

export interface SuggestedReplacement extends ReplacementCandidate {
  words: string;
}

export interface Replacements {
  suggestions: SuggestedReplacement[];
  /** Fewer than two people could take the work: time to start a hiring opening. */
  benchThin: boolean;
  words: string;
}

function overlapWords(minutes: number): string {
  if (minutes <= 0) return "no overlap with your working day";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const span = [hours > 0 ? `${hours} h` : "", rest > 0 ? `${rest} min` : ""].filter(Boolean);
  return `${span.join(" ")} of overlap with your working day`;
}

function candidateWords(candidate: ReplacementCandidate): string {
  const rated =
    candidate.rating === null ? "Not rated yet" : `Rated ${candidate.rating.toFixed(1)} of 5`;
  const busy = countOf(candidate.openAssignments, "open assignment");
  return `${rated}, ${busy}, ${overlapWords(candidate.overlapMinutes)}`;
}

/**
 * Who could take over from a contractor who slips: the bench for the same skill, the
 * slipping contractor left out, best rated first, then the least busy, then the most
 * overlap with the owner's day; name and id settle ties so the order never wobbles.
 */
export function suggestReplacements(
  slippingContractorId: string,
  bench: readonly ReplacementCandidate[],
): Replacements {
  const suggestions = bench
    .filter((candidate) => candidate.contractorId !== slippingContractorId)
    .sort(
      (a, b) =>
        ratingTenths(b.rating) - ratingTenths(a.rating) ||
        a.openAssignments - b.openAssignments ||
        b.overlapMinutes - a.overlapMinutes ||
        a.name.localeCompare(b.name) ||
        a.contractorId.localeCompare(b.contractorId),
    )
    .map((candidate) => ({ ...candidate, words: candidateWords(candidate) }));
  const benchThin = suggestions.length < REQUIRED_PEOPLE;
  const words =
    suggestions.length === 0
      ? "Nobody else on the bench has this skill: start a hiring opening."
      : benchThin
        ? "Only one other person has this skill: start a hiring opening so two people always can do the work."
        : "Best rated first, then the least busy, then the most overlap with your working day.";
  return { suggestions, benchThin, words };
}
