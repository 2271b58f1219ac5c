import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { dateOf } from "../time/calendar.ts";
import { judge, judgeAll, type Judged } from "./cadence-service.ts";
import * as history from "./history-store.ts";
import {
  DEFAULT_LOYALTY_SETTINGS,
  onTimeRatio,
  percentOf,
  performanceOf,
  reliability,
  type Performance,
  type PerformerCandidate,
  type Ratio,
  type WorkRecord,
} from "./performance-rules.ts";
import type {
  OwnFeedback,
  PerformanceNumbers,
  PerformanceView,
  RatioView,
  TopPerformers,
} from "./performance-schema.ts";
import { topPerformers } from "./reward-rules.ts";
import { ratingsOf, type DeliveryReview } from "./rules.ts";
import { getWorkSettings } from "./settings-service.ts";
import { trendOf } from "./trend-rules.ts";

/**
 * How each contractor performs, who the top performers are and what to do for them, and
 * the feedback a contractor reads about their own work, never anyone else's. The numbers
 * come from the reporting record the cadence rules build (cadence-service.ts).
 */

const TREND_WEEKS = 12;
const TOP_PERFORMERS = 5;

const noRecord: WorkRecord = { slots: [], milestones: [], reviews: [] };

function ratioView(ratio: Ratio): RatioView {
  return { ...ratio, percent: percentOf(ratio) };
}

function numbersOf(performance: Performance): PerformanceNumbers {
  const { reportsOnTime, milestonesOnTime } = performance;
  return {
    onTime: ratioView(onTimeRatio(performance)),
    reportsOnTime: ratioView(reportsOnTime),
    milestonesOnTime: ratioView(milestonesOnTime),
    sentBack: ratioView(performance.sentBack),
    accepted: performance.accepted,
    ratings: performance.ratings,
  };
}

/** A contractor's numbers over everything on record, and the last weeks as a trend. */
export async function getPerformance(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
): Promise<PerformanceView> {
  authorize(actor, "work.read");
  const { contractor, record } = await judge(ctx, actor.workspaceId, contractorId);
  const now = ctx.now();
  return {
    contractorId: contractor.id,
    contractorName: contractor.name,
    reporting: record !== null,
    numbers: numbersOf(performanceOf(record ?? noRecord)),
    trend: trendOf(record ?? noRecord, now, TREND_WEEKS).map((point) => ({
      weekEnding: dateOf(point.to, contractor.time_zone),
      onTimePercent: point.onTimePercent,
      averageRating: point.averageRating,
      reviewed: point.reviewed,
    })),
  };
}

/**
 * Each judged contractor's reliability over the loyalty window: what top performers and
 * the loyalty guardrail both rank. Someone with no record yet is left out.
 */
export function reliabilityOf(
  judged: readonly Judged[],
  now: number,
  windowDays: number,
): PerformerCandidate[] {
  const settings = { ...DEFAULT_LOYALTY_SETTINGS, windowDays };
  return judged.flatMap(({ contractor, record }) =>
    record === null
      ? []
      : [
          {
            contractorId: contractor.id,
            name: contractor.name,
            reliability: reliability(record, now, settings),
          },
        ],
  );
}

/** The reliable people over the loyalty window, best first, each with a suggested reward. */
export async function getTopPerformers(ctx: AppContext, actor: Actor): Promise<TopPerformers> {
  authorize(actor, "work.read");
  const [judged, settings] = await Promise.all([
    judgeAll(ctx, actor.workspaceId),
    getWorkSettings(ctx, actor),
  ]);
  const ranked = topPerformers(
    reliabilityOf(judged, ctx.now(), settings.loyaltyWindowDays),
    TOP_PERFORMERS,
  );
  return {
    windowDays: settings.loyaltyWindowDays,
    performers: ranked.map((performer) => ({
      rank: performer.rank,
      contractorId: performer.contractorId,
      contractorName: performer.name,
      numbers: numbersOf(performer.reliability.performance),
      why: performer.reliability.words,
      suggestion: performer.reward,
    })),
  };
}

/** Feedback on every delivery of the contractor signed in, and their own averages. */
export async function getOwnFeedback(ctx: AppContext, actor: Actor): Promise<OwnFeedback> {
  authorize(actor, "contracts.respond");
  const own = await ownContractorId(ctx, actor);
  const rows = own ? await history.reviewsOf(ctx.db, actor.workspaceId, [own]) : [];
  const newestFirst = [...rows].sort(
    (a, b) => b.decided_at - a.decided_at || b.delivery_id.localeCompare(a.delivery_id),
  );
  const reviews: DeliveryReview[] = newestFirst.map((row) => ({
    title: row.title,
    decision: row.decision,
    decidedAt: row.decided_at,
    ratings: ratingsOf(row),
  }));
  const performance = performanceOf({ slots: [], milestones: [], reviews });
  return {
    averages: performance.ratings,
    sentBack: ratioView(performance.sentBack),
    items: newestFirst.map((row) => ({
      kind: row.kind,
      deliveryId: row.delivery_id,
      title: row.title,
      decision: row.decision,
      feedback: row.feedback,
      ratings: ratingsOf(row),
      decidedAt: row.decided_at,
    })),
  };
}
