import { milestoneDueAt } from "./rules.ts";
import type { ReportingHistory, ReportingRecord } from "./rules.ts";
import { reportingRecord, type CadenceSettings } from "./cadence-rules.ts";
import type { WorkingWeek } from "../time/working-day.ts";

/**
 * Remembered reporting records. Walking months of someone's working days costs a few
 * milliseconds; the dashboard, the Work page, the guardrails and every sweep ask for all
 * contractors at once, which at thousands of people is seconds of work per request. A
 * record depends only on the history, the working week, the settings and `now`, and `now`
 * changes it only at known instants (the next report falls due, a milestone falls due, a
 * dated row comes into view), so a record is reused while the inputs are the same and no
 * such instant has passed.
 */

interface Remembered {
  inputs: string;
  computedAt: number;
  validUntil: number;
  record: ReportingRecord;
}

const remembered = new Map<string, Remembered>();
/** Enough for every contractor of a large workspace; past it the memory simply starts over. */
const MAX_REMEMBERED = 20_000;

/**
 * What the record is made from, in a comparable form. Reports are only ever added (never
 * edited in time or removed), so their count, sum and latest instant stand for all of them.
 */
function inputsOf(history: ReportingHistory, week: WorkingWeek, settings: CadenceSettings): string {
  let sum = 0;
  let latest = 0;
  for (const report of history.reports) {
    sum += report.submittedAt;
    latest = Math.max(latest, report.submittedAt);
  }
  return JSON.stringify([
    history.startedAt,
    history.reports.length,
    sum,
    latest,
    history.reviews,
    history.milestones,
    history.pins,
    week,
    settings,
  ]);
}

/**
 * The first instant after `now` at which the same inputs could give a different record: a
 * deadline passing (the next report's, a milestone's: "late" once it is behind) or a dated
 * row coming into view.
 */
function changesAt(
  record: ReportingRecord,
  history: ReportingHistory,
  week: WorkingWeek,
  now: number,
): number {
  const deadlines = [
    record.next.dueAt,
    ...history.milestones.flatMap((milestone) =>
      milestone.dueDate === null ? [] : [milestoneDueAt(milestone.dueDate, week)],
    ),
  ];
  const dated = [
    ...history.reports.map((report) => report.submittedAt),
    ...history.reviews.map((review) => review.decidedAt),
    ...history.pins.map((pin) => pin.at),
    ...history.milestones.flatMap((milestone) =>
      milestone.firstSubmittedAt === null ? [] : [milestone.firstSubmittedAt],
    ),
  ];
  let first = Number.POSITIVE_INFINITY;
  for (const at of [...deadlines.map((deadline) => deadline + 1), ...dated]) {
    if (at > now && at < first) first = at;
  }
  return first;
}

/** `reportingRecord`, reused for the same contractor while nothing it depends on has changed. */
export function rememberedRecord(
  contractorId: string,
  history: ReportingHistory,
  now: number,
  week: WorkingWeek,
  settings: CadenceSettings,
): ReportingRecord {
  const inputs = inputsOf(history, week, settings);
  const known = remembered.get(contractorId);
  if (known && known.inputs === inputs && known.computedAt <= now && now < known.validUntil) {
    return known.record;
  }
  const record = reportingRecord(history, now, week, settings);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(contractorId, {
    inputs,
    computedAt: now,
    validUntil: changesAt(record, history, week, now),
    record,
  });
  return record;
}
