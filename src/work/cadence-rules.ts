import { countOf } from "../words.ts";
import {
  dateInWords,
  firstDayStartingFrom,
  isoWeekdayOf,
  isWorkingDay,
  lastWorkingWeekday,
  localDateOf,
  type WorkingWeek,
} from "../time/working-day.ts";
import {
  lateMilestoneWords,
  milestoneRecords,
  missedReportWords,
  type Cadence,
  type CadenceChange,
  type CadencePin,
  type DeliveryReview,
  type DueSlot,
  type MilestoneRecord,
  type ReportingHistory,
  type ReportingRecord,
  type RunProgress,
  type SettledSlot,
} from "./rules.ts";

/**
 * Adaptive check-ins (seed 000: a daily progress summary, relaxed to weekly once the owner
 * trusts the contractor). Pure: the history and `now` come in; the cadence, every due slot
 * and every change of cadence, each explained in words, come out.
 *
 * - A new contractor reports daily: on each of their working days, due at the end of that
 *   working day in their own time zone.
 * - A report is on time when submitted at or before the due instant. A daily report is for
 *   one working day, so it must be sent on that local date; a weekly one may be sent any
 *   time after the previous report was due.
 * - No report by the due instant is a slip. One that comes afterwards shows as late rather
 *   than missed, but it is a slip all the same: no excuses or delays (seed 001).
 * - A run of on-time daily reports and accepted deliveries relaxes the cadence to weekly,
 *   due at the end of the last working day of the contractor's week.
 * - A missed report, a late milestone or work sent back starts the run over and brings
 *   back daily reports.
 * - The owner's pin holds the cadence whatever the record; removing it starts the run over.
 * - A new cadence starts from the first working day that has not begun yet, so nobody owes
 *   a report for a day that was half over when the cadence changed.
 */

export interface CadenceSettings {
  onTimeDaysToRelax: number;
  acceptedDeliveriesToRelax: number;
}

export const DEFAULT_CADENCE_SETTINGS: CadenceSettings = {
  onTimeDaysToRelax: 10,
  acceptedDeliveriesToRelax: 2,
};

export interface NextReport {
  cadence: Cadence;
  pinned: boolean;
  dueAt: number;
  /** The contractor's local date the report is due on. */
  dueDate: string;
  explanation: string;
}

type SlipCause =
  | { kind: "report"; slot: SettledSlot }
  | { kind: "milestone"; milestone: MilestoneRecord }
  | { kind: "send_back"; review: DeliveryReview };

type Cause =
  | { kind: "relaxed"; run: RunProgress }
  | { kind: "tightened"; slip: SlipCause }
  | { kind: "pinned" }
  | { kind: "unpinned" };

/** A change whose words wait for the end of the walk: a missed report may turn out late. */
interface Change {
  at: number;
  from: Cadence;
  to: Cadence;
  cause: Cause;
}

/** Why the run toward weekly last started over; a daily explanation leads with it. */
type RunStart =
  | { kind: "new" }
  | { kind: "slip"; slip: SlipCause; tightened: boolean }
  | { kind: "unpin"; at: number };

type Event =
  | { at: number; kind: "milestone"; milestone: MilestoneRecord }
  | { at: number; kind: "review"; review: DeliveryReview }
  | { at: number; kind: "pin"; pin: CadencePin };

/** At one instant, deadlines pass first and the owner's pin has the last word. */
const eventOrder: Record<Event["kind"], number> = { milestone: 0, review: 1, pin: 2 };

interface Walk {
  readonly week: WorkingWeek;
  readonly settings: CadenceSettings;
  /** When a milestone fell late or work was sent back. */
  readonly slipsAt: ReadonlySet<number>;
  cadence: Cadence;
  pin: { cadence: Cadence; at: number } | null;
  run: RunProgress;
  runStart: RunStart;
  /** The next slot is on the first working day that starts at or after this instant. */
  anchor: number;
  lastDueAt: number;
  slots: SettledSlot[];
  changes: Change[];
}

const NO_RUN: RunProgress = { onTimeDays: 0, acceptedDeliveries: 0 };

function eventsAfterStart(
  history: ReportingHistory,
  milestones: readonly MilestoneRecord[],
  reviews: readonly DeliveryReview[],
): Event[] {
  const counts = (at: number) => at > history.startedAt;
  return [
    ...milestones
      .filter((milestone) => milestone.outcome === "late" && counts(milestone.dueAt))
      .map((milestone) => ({ at: milestone.dueAt, kind: "milestone" as const, milestone })),
    ...reviews
      .filter((review) => counts(review.decidedAt))
      .map((review) => ({ at: review.decidedAt, kind: "review" as const, review })),
    ...history.pins
      .filter((pin) => counts(pin.at))
      .map((pin) => ({ at: pin.at, kind: "pin" as const, pin })),
  ].sort((a, b) => a.at - b.at || eventOrder[a.kind] - eventOrder[b.kind]);
}

function isSlip(event: Event): boolean {
  return (
    event.kind === "milestone" || (event.kind === "review" && event.review.decision === "sent_back")
  );
}

/** The history as it stood at `now`: a record never depends on what had not happened yet. */
function historyAsOf(history: ReportingHistory, now: number): ReportingHistory {
  const happened = (at: number) => at <= now;
  return {
    startedAt: history.startedAt,
    reports: history.reports.filter((report) => happened(report.submittedAt)),
    reviews: history.reviews.filter((review) => happened(review.decidedAt)),
    milestones: history.milestones.map((milestone) =>
      milestone.firstSubmittedAt !== null && !happened(milestone.firstSubmittedAt)
        ? { ...milestone, firstSubmittedAt: null }
        : milestone,
    ),
    pins: history.pins.filter((pin) => happened(pin.at)),
  };
}

/** The pin in force when reporting starts: the owner may pin before the first report. */
function pinAtStart(history: ReportingHistory): Walk["pin"] {
  const latest = history.pins
    .filter((pin) => pin.at <= history.startedAt)
    .reduce<CadencePin | null>((found, pin) => (found && found.at > pin.at ? found : pin), null);
  return latest?.cadence ? { cadence: latest.cadence, at: latest.at } : null;
}

/** The first of the sorted `instants` after `from` and at or before `to`. */
function firstBetween(instants: readonly number[], from: number, to: number): number | null {
  let low = 0;
  let high = instants.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((instants[middle] as number) <= from) low = middle + 1;
    else high = middle;
  }
  const found = instants[low];
  return found !== undefined && found <= to ? found : null;
}

/** Records a change; true when the cadence moved, so the slot owed must be worked out again. */
function changeCadence(walk: Walk, at: number, to: Cadence, cause: Cause): boolean {
  walk.changes.push({ at, from: walk.cadence, to, cause });
  if (to === walk.cadence) return false;
  walk.cadence = to;
  walk.anchor = at;
  return true;
}

function relaxIfEarned(walk: Walk, at: number): boolean {
  const { run, settings } = walk;
  // A slip at the same instant outweighs the run it would otherwise complete: relaxing and
  // tightening again in one moment would only confuse both sides.
  if (walk.slipsAt.has(at)) return false;
  if (run.onTimeDays < settings.onTimeDaysToRelax) return false;
  if (run.acceptedDeliveries < settings.acceptedDeliveriesToRelax) return false;
  return changeCadence(walk, at, "weekly", { kind: "relaxed", run });
}

/** Counts toward weekly only while the rule, not a pin, decides and reports are daily. */
function countTowardWeekly(walk: Walk, at: number, progress: Partial<RunProgress>): boolean {
  if (walk.pin !== null || walk.cadence !== "daily") return false;
  walk.run = {
    onTimeDays: walk.run.onTimeDays + (progress.onTimeDays ?? 0),
    acceptedDeliveries: walk.run.acceptedDeliveries + (progress.acceptedDeliveries ?? 0),
  };
  return relaxIfEarned(walk, at);
}

function slipped(walk: Walk, at: number, slip: SlipCause): boolean {
  if (walk.pin !== null) return false;
  const tightened = walk.cadence === "weekly";
  walk.run = NO_RUN;
  walk.runStart = { kind: "slip", slip, tightened };
  return tightened && changeCadence(walk, at, "daily", { kind: "tightened", slip });
}

function pinned(walk: Walk, { at, cadence }: CadencePin): boolean {
  if (cadence === (walk.pin?.cadence ?? null)) return false;
  if (cadence !== null) {
    walk.pin = { cadence, at };
    return changeCadence(walk, at, cadence, { kind: "pinned" });
  }
  walk.pin = null;
  walk.run = NO_RUN;
  walk.runStart = { kind: "unpin", at };
  return changeCadence(walk, at, walk.cadence, { kind: "unpinned" });
}

function applyEvent(walk: Walk, event: Event): boolean {
  switch (event.kind) {
    case "milestone":
      return slipped(walk, event.at, { kind: "milestone", milestone: event.milestone });
    case "review":
      return event.review.decision === "sent_back"
        ? slipped(walk, event.at, { kind: "send_back", review: event.review })
        : countTowardWeekly(walk, event.at, { acceptedDeliveries: 1 });
    case "pin":
      return pinned(walk, event.pin);
  }
}

function nextSlot(walk: Walk): DueSlot {
  const { week, cadence } = walk;
  const lastDay = lastWorkingWeekday(week.workingDays);
  const day = firstDayStartingFrom(walk.anchor, week, (date) =>
    cadence === "daily" ? isWorkingDay(date, week) : isoWeekdayOf(date) === lastDay,
  );
  const opensAt = cadence === "daily" ? Math.max(walk.lastDueAt, day.beginsAt) : walk.lastDueAt;
  return { cadence, date: day.date, opensAt, dueAt: day.workEndsAt };
}

function settle(walk: Walk, slot: DueSlot, reports: readonly number[]): void {
  const reportAt = firstBetween(reports, slot.opensAt, slot.dueAt);
  const settled: SettledSlot = {
    ...slot,
    outcome: reportAt === null ? "missed" : "on_time",
    reportAt,
  };
  walk.slots.push(settled);
  walk.lastDueAt = slot.dueAt;
  walk.anchor = slot.dueAt;
  if (reportAt === null) slipped(walk, slot.dueAt, { kind: "report", slot: settled });
  else countTowardWeekly(walk, slot.dueAt, { onTimeDays: 1 });
}

/** A missed slot whose report came after the due instant, before the next slot opened, is late. */
function markLateReports(slots: SettledSlot[], next: DueSlot, reports: readonly number[]): void {
  slots.forEach((slot, position) => {
    if (slot.outcome !== "missed") return;
    const following = slots[position + 1] ?? next;
    const reportAt = firstBetween(reports, slot.dueAt, following.opensAt);
    if (reportAt !== null) Object.assign(slot, { outcome: "late", reportAt });
  });
}

function slipWords(slip: SlipCause, week: WorkingWeek): string {
  switch (slip.kind) {
    case "report":
      return missedReportWords(slip.slot);
    case "milestone":
      return lateMilestoneWords(slip.milestone);
    case "send_back":
      return `“${slip.review.title}” was sent back on ${dayOf(slip.review.decidedAt, week)}`;
  }
}

function dayOf(at: number, week: WorkingWeek): string {
  return dateInWords(localDateOf(at, week.timeZone));
}

function changeWords(change: Change, week: WorkingWeek): string {
  const { cause } = change;
  switch (cause.kind) {
    case "relaxed":
      return `Relaxed to weekly on ${dayOf(change.at, week)} after ${countOf(cause.run.onTimeDays, "on-time day")} and ${countOf(cause.run.acceptedDeliveries, "accepted delivery", "accepted deliveries")}.`;
    case "tightened":
      return `Back to daily: ${slipWords(cause.slip, week)}.`;
    case "pinned":
      return `The owner pinned reports to ${change.to} on ${dayOf(change.at, week)}.`;
    case "unpinned":
      return change.to === "weekly"
        ? `The owner removed the pin on ${dayOf(change.at, week)}; reports stay weekly.`
        : `The owner removed the pin on ${dayOf(change.at, week)}; reports stay daily and the run starts over.`;
  }
}

function explain(walk: Walk): string {
  const { week, pin, run, settings, runStart } = walk;
  if (pin !== null) {
    return `Pinned to ${pin.cadence} by the owner on ${dayOf(pin.at, week)}: reports are due ${pin.cadence}, whatever the record, until the owner removes the pin.`;
  }
  const lastChange = walk.changes.at(-1);
  if (walk.cadence === "weekly" && lastChange) {
    return `${changeWords(lastChange, week)} A missed report, a late milestone or work sent back brings back daily reports.`;
  }
  const progress =
    `${run.onTimeDays} of ${settings.onTimeDaysToRelax} on-time working days so far, ` +
    `${run.acceptedDeliveries} of ${settings.acceptedDeliveriesToRelax} accepted deliveries`;
  switch (runStart.kind) {
    case "new":
      return `Reports daily: ${progress}.`;
    case "unpin":
      return `Reports daily: the owner removed the pin on ${dayOf(runStart.at, week)} and the run started over. ${progress}.`;
    case "slip":
      return runStart.tightened
        ? `Back to daily: ${slipWords(runStart.slip, week)}. ${progress}.`
        : `Reports daily; the run started over because ${slipWords(runStart.slip, week)}. ${progress}.`;
  }
}

function recordOf(
  walk: Walk,
  next: DueSlot,
  seen: { reports: readonly number[]; milestones: MilestoneRecord[]; reviews: DeliveryReview[] },
): ReportingRecord {
  markLateReports(walk.slots, next, seen.reports);
  return {
    cadence: walk.cadence,
    pinned: walk.pin !== null,
    next,
    slots: walk.slots,
    milestones: seen.milestones,
    reviews: seen.reviews,
    changes: walk.changes.map((change) => ({
      at: change.at,
      from: change.from,
      to: change.to,
      kind: change.cause.kind,
      words: changeWords(change, walk.week),
    })),
    run: walk.run,
    explanation: explain(walk),
  };
}

/**
 * Walks the history from the start to `now`: every slot that fell due and whether its
 * report came in time, every change of cadence, and the report due next.
 */
export function reportingRecord(
  history: ReportingHistory,
  now: number,
  contractor: WorkingWeek,
  settings: CadenceSettings = DEFAULT_CADENCE_SETTINGS,
): ReportingRecord {
  const known = historyAsOf(history, now);
  const reports = known.reports.map((report) => report.submittedAt).sort((a, b) => a - b);
  const reviews = [...known.reviews].sort((a, b) => a.decidedAt - b.decidedAt);
  const milestones = milestoneRecords(known.milestones, now, contractor);
  const events = eventsAfterStart(known, milestones, reviews);
  const pin = pinAtStart(known);
  const walk: Walk = {
    week: contractor,
    settings,
    slipsAt: new Set(events.filter(isSlip).map((event) => event.at)),
    cadence: pin?.cadence ?? "daily",
    pin,
    run: NO_RUN,
    runStart: { kind: "new" },
    anchor: known.startedAt,
    lastDueAt: known.startedAt,
    slots: [],
    changes: [],
  };
  let upcoming = 0;
  for (;;) {
    const slot = nextSlot(walk);
    const settles = slot.dueAt < now;
    // Events at a slot's due instant come after it is settled, so they judge the next slot.
    const beforeSettling = (at: number) => (settles ? at < slot.dueAt : at <= now);
    let moved = false;
    while (!moved && upcoming < events.length && beforeSettling((events[upcoming] as Event).at)) {
      moved = applyEvent(walk, events[upcoming] as Event);
      upcoming += 1;
    }
    if (moved) continue;
    if (!settles) return recordOf(walk, slot, { reports, milestones, reviews });
    settle(walk, slot, reports);
  }
}

/** The contractor's cadence and when their next progress report is due, with the reason. */
export function nextReportDue(
  history: ReportingHistory,
  now: number,
  contractor: WorkingWeek,
  settings: CadenceSettings = DEFAULT_CADENCE_SETTINGS,
): NextReport {
  const record = reportingRecord(history, now, contractor, settings);
  return {
    cadence: record.cadence,
    pinned: record.pinned,
    dueAt: record.next.dueAt,
    dueDate: record.next.date,
    explanation: record.explanation,
  };
}

/** Every change of cadence up to `now`, oldest first: both the owner and the contractor see these. */
export function cadenceChanges(
  history: ReportingHistory,
  now: number,
  contractor: WorkingWeek,
  settings: CadenceSettings = DEFAULT_CADENCE_SETTINGS,
): CadenceChange[] {
  return reportingRecord(history, now, contractor, settings).changes;
}

/** Slots with no report by the due instant, whether one came late or none came at all. */
export function missedReports(record: Pick<ReportingRecord, "slots">): SettledSlot[] {
  return record.slots.filter((slot) => slot.outcome !== "on_time");
}
