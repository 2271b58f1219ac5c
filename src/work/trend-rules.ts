import {
  onTimeRatio,
  percentOf,
  performanceOf,
  recordWithin,
  type WorkRecord,
} from "./performance-rules.ts";

/**
 * How a contractor's work moves over time: per week, the share of reports and milestones on
 * time and the average rating of the work accepted that week. Pure: the record and `now`
 * come in; weeks are 7-day spans back from `now`, so the latest week always ends today.
 */

const WEEK = 7 * 86_400_000;

export interface TrendPoint {
  /** The end of the week the point covers: it spans the 7 days up to here. */
  to: number;
  /** Of the reports and milestones that fell due in the week, the percent on time; null when none did. */
  onTimePercent: number | null;
  /** The three ratings together, to one decimal; null when nothing was rated that week. */
  averageRating: number | null;
  /** Decisions on deliveries made that week. */
  reviewed: number;
}

/** The last `weeks` weeks, oldest first. */
export function trendOf(record: WorkRecord, now: number, weeks: number): TrendPoint[] {
  return Array.from({ length: weeks }, (_, index) => {
    const to = now - (weeks - 1 - index) * WEEK;
    const week = performanceOf(recordWithin(record, to - WEEK, to));
    return {
      to,
      onTimePercent: percentOf(onTimeRatio(week)),
      averageRating: week.ratings.overall,
      reviewed: week.sentBack.of,
    };
  });
}
