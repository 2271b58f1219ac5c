import { dateInWords, endOfWorkingDay, type WorkingWeek } from "../time/working-day.ts";

/**
 * Running the work: what the cadence, slip, loyalty and performance rules judge from. The
 * history is rows a store reads as they are, in any order; the record is what the cadence
 * walk makes of it (src/work/cadence-rules.ts) and what the performance rules read.
 */

export type Cadence = "daily" | "weekly";

export interface ProgressReport {
  submittedAt: number;
}

/** Each 1–5. */
export interface Ratings {
  quality: number;
  timeliness: number;
  communication: number;
}

/**
 * A stored decision's ratings, or null when it carries none (a send-back, or accepted
 * unrated): the three sides are written together, so one missing means none were given.
 */
export function ratingsOf(row: {
  quality: number | null;
  timeliness: number | null;
  communication: number | null;
}): Ratings | null {
  return row.quality === null || row.timeliness === null || row.communication === null
    ? null
    : { quality: row.quality, timeliness: row.timeliness, communication: row.communication };
}

/** The owner's decision on one delivery: a milestone submission, a checklist run, a timesheet. */
export interface DeliveryReview {
  /** What was delivered, in the words both sides know it by ("Logo drafts"). */
  title: string;
  decision: "accepted" | "sent_back";
  decidedAt: number;
  /** Given on accept; null when the work was sent back or not rated. */
  ratings: Ratings | null;
}

export interface MilestoneDue {
  title: string;
  /** YYYY-MM-DD in the contractor's time zone; due at the end of their working day. */
  dueDate: string | null;
  /** The first submission: a send-back and a later resubmission do not make it on time. */
  firstSubmittedAt: number | null;
}

/** The owner pins a cadence, or removes the pin (`cadence: null`). */
export interface CadencePin {
  at: number;
  cadence: Cadence | null;
}

/** What the cadence is decided from: rows a store reads as they are, in any order. */
export interface ReportingHistory {
  /** When the contractor started reporting, such as when their first contract began. */
  startedAt: number;
  reports: readonly ProgressReport[];
  reviews: readonly DeliveryReview[];
  milestones: readonly MilestoneDue[];
  pins: readonly CadencePin[];
}

/** A report the contractor owes. */
export interface DueSlot {
  cadence: Cadence;
  /** The contractor's local date the report is due on. */
  date: string;
  /** Reports sent after this instant, up to `dueAt`, count for the slot. */
  opensAt: number;
  dueAt: number;
}

export interface SettledSlot extends DueSlot {
  outcome: "on_time" | "late" | "missed";
  /** The report counted for the slot, or the one that came late; null when none came. */
  reportAt: number | null;
}

export interface MilestoneRecord extends MilestoneDue {
  dueDate: string;
  dueAt: number;
  outcome: "on_time" | "late" | "open";
}

export interface RunProgress {
  onTimeDays: number;
  acceptedDeliveries: number;
}

export interface CadenceChange {
  at: number;
  from: Cadence;
  to: Cadence;
  kind: "relaxed" | "tightened" | "pinned" | "unpinned";
  words: string;
}

export interface ReportingRecord {
  cadence: Cadence;
  pinned: boolean;
  /** The report due next: due at or after `now`. */
  next: DueSlot;
  /** Every slot whose due instant has passed, oldest first. */
  slots: SettledSlot[];
  /** Milestones with a due date, earliest due first. */
  milestones: MilestoneRecord[];
  /** Decisions, oldest first. */
  reviews: DeliveryReview[];
  changes: CadenceChange[];
  /** The run toward weekly reports since it last started over. */
  run: RunProgress;
  /** Why the cadence is what it is, in words both sides read. */
  explanation: string;
}

/** The due instant of a milestone: the end of the contractor's working day on its date. */
export function milestoneDueAt(dueDate: string, week: WorkingWeek): number {
  return endOfWorkingDay(dueDate, week);
}

/** Milestones with a due date, earliest first, each on time, late or still open at `now`. */
export function milestoneRecords(
  milestones: readonly MilestoneDue[],
  now: number,
  week: WorkingWeek,
): MilestoneRecord[] {
  return milestones
    .flatMap(({ dueDate, ...milestone }) => {
      if (dueDate === null) return [];
      const dueAt = milestoneDueAt(dueDate, week);
      const submitted = milestone.firstSubmittedAt;
      const late = submitted === null ? dueAt < now : submitted > dueAt;
      const outcome = late ? "late" : submitted === null ? "open" : "on_time";
      return [{ ...milestone, dueDate, dueAt, outcome } as const];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** "the report due Tue 10 Mar was missed": a slot with no report by its due instant. */
export function missedReportWords(slot: SettledSlot): string {
  const what = slot.outcome === "late" ? "came late" : "was missed";
  return `the report due ${dateInWords(slot.date)} ${what}`;
}

/** "“Logo drafts”, due Tue 10 Mar, was delivered late", or "is overdue" while it still is. */
export function lateMilestoneWords(milestone: MilestoneRecord): string {
  const what = milestone.firstSubmittedAt === null ? "is overdue" : "was delivered late";
  return `“${milestone.title}”, due ${dateInWords(milestone.dueDate)}, ${what}`;
}
