import { dateInWords, instantAt, localDateOf, type WorkingWeek } from "../time/working-day.ts";
import { milestoneDueAt } from "../work/rules.ts";
import type { NotificationKind, NotificationPreferences } from "./inbox-schema.ts";

/**
 * What the scheduler sweep derives from a snapshot of the data: one cause per thing that is
 * due, each with a key that stays the same from sweep to sweep, so a person hears about it
 * once however often the sweep runs. No database, no clock: `now` is part of the snapshot.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const sweepTimings = {
  /** A report is "about to be due" this long before its due time. */
  reportSoonMs: 2 * HOUR,
  /** A milestone is "due soon" this long before the end of its due date. */
  milestoneSoonMs: DAY,
  /** The owner hears about a contract the contractor has not accepted after this long. */
  contractWaitingMs: 3 * DAY,
  /** Mail held back by quiet hours or a late preference change goes out only this fresh. */
  heldMailMs: DAY,
  /** The digest gathers what was not emailed within this long: a day, and a spare one. */
  digestWindowMs: 2 * DAY,
  /** The daily digest goes out from this time of the person's day (after quiet hours). */
  digestClock: "08:00",
} as const;

/**
 * Kinds that can't wait: emailed unless the person says otherwise. A contract sent to
 * someone is not among them by default because sending it already emails them the link.
 */
export const urgentKinds: readonly NotificationKind[] = [
  "report_missed",
  "milestone_overdue",
  "work_submitted",
];

export const defaultPreferences: NotificationPreferences = {
  emailKinds: [...urgentKinds],
  dailyDigest: true,
  quietStart: null,
  quietEnd: null,
};

export interface Person {
  userId: string;
}

export interface ContractorSnapshot {
  id: string;
  name: string;
  week: WorkingWeek;
  /** Their portal account; null until they have one. */
  user: Person | null;
}

export interface ContractSnapshot {
  id: string;
  title: string;
  status: "sent" | "active";
  version: number;
  sentAt: number | null;
  contractorId: string;
}

export interface MilestoneSnapshot {
  id: string;
  contractId: string;
  title: string;
  dueDate: string | null;
  status: "open" | "submitted" | "sent_back" | "accepted" | "released";
  submittedAt: number | null;
}

/** The contractor's next report and the last one they missed, from the cadence rules. */
export interface ReportDue {
  contractorId: string;
  dueAt: number;
  lastDueMissedAt?: number | null;
}

export interface SweepSnapshot {
  now: number;
  owners: readonly Person[];
  managers: readonly Person[];
  contractors: readonly ContractorSnapshot[];
  contracts: readonly ContractSnapshot[];
  milestones: readonly MilestoneSnapshot[];
  reportDues: readonly ReportDue[];
}

/** One person's notification about one cause. */
export interface Cause {
  key: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

type Message = Omit<Cause, "userId" | "key" | "kind">;

function toEach(
  people: readonly (Person | null)[],
  key: string,
  kind: NotificationKind,
  message: (person: Person) => Message,
): Cause[] {
  const seen = new Set<string>();
  return people.flatMap((person) => {
    if (!person || seen.has(person.userId)) return [];
    seen.add(person.userId);
    return [{ key, kind, userId: person.userId, ...message(person) }];
  });
}

function clockInWords(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(instant);
}

function reportCauses(snapshot: SweepSnapshot, contractor: ContractorSnapshot): Cause[] {
  const { now } = snapshot;
  const due = snapshot.reportDues.find((report) => report.contractorId === contractor.id);
  if (!due) return [];
  const causes: Cause[] = [];
  if (due.dueAt > now && due.dueAt - now <= sweepTimings.reportSoonMs) {
    causes.push(
      ...toEach(
        [contractor.user],
        `report-due:${contractor.id}:${due.dueAt}`,
        "report_due_soon",
        () => ({
          title: "Your progress report is due soon",
          body: `Send your report by ${clockInWords(due.dueAt, contractor.week.timeZone)}.`,
          link: "/portal",
        }),
      ),
    );
  }
  const missedAt = due.lastDueMissedAt;
  if (missedAt !== undefined && missedAt !== null && missedAt <= now) {
    const when = dateInWords(localDateOf(missedAt, contractor.week.timeZone));
    const key = `report-missed:${contractor.id}:${missedAt}`;
    causes.push(
      ...toEach([...snapshot.owners, ...snapshot.managers], key, "report_missed", () => ({
        title: `${contractor.name} missed a progress report`,
        body: `The report due ${when} did not come in.`,
        link: `/people/${contractor.id}`,
      })),
      ...toEach([contractor.user], key, "report_missed", () => ({
        title: "You missed a progress report",
        body: `The report due ${when} did not come in. Send one now to catch up.`,
        link: "/portal",
      })),
    );
  }
  return causes;
}

function milestoneCauses(
  snapshot: SweepSnapshot,
  milestone: MilestoneSnapshot,
  contract: ContractSnapshot,
  contractor: ContractorSnapshot,
): Cause[] {
  const { now } = snapshot;
  const staffLink = `/contracts/${contract.id}`;
  const portalLink = `/portal/contracts/${contract.id}`;
  if (milestone.status === "submitted" && milestone.submittedAt !== null) {
    const key = `work-submitted:${milestone.id}:${milestone.submittedAt}`;
    return toEach([...snapshot.owners, ...snapshot.managers], key, "work_submitted", () => ({
      title: `${contractor.name} handed in “${milestone.title}”`,
      body: `Work on “${contract.title}” is waiting for your review.`,
      link: staffLink,
    }));
  }
  const stillToDeliver = milestone.status === "open" || milestone.status === "sent_back";
  if (!stillToDeliver || milestone.dueDate === null) return [];
  const dueAt = milestoneDueAt(milestone.dueDate, contractor.week);
  const dueWords = dateInWords(milestone.dueDate);
  if (dueAt < now) {
    const key = `milestone-overdue:${milestone.id}:${milestone.dueDate}`;
    return [
      ...toEach(snapshot.owners, key, "milestone_overdue", () => ({
        title: `“${milestone.title}” is overdue`,
        body: `${contractor.name} has not handed it in; it was due ${dueWords} (“${contract.title}”).`,
        link: staffLink,
      })),
      ...toEach([contractor.user], key, "milestone_overdue", () => ({
        title: `“${milestone.title}” is overdue`,
        body: `It was due ${dueWords}. Hand it in, or tell the owner when it will be ready.`,
        link: portalLink,
      })),
    ];
  }
  if (dueAt - now <= sweepTimings.milestoneSoonMs) {
    const key = `milestone-due:${milestone.id}:${milestone.dueDate}`;
    return toEach([contractor.user], key, "milestone_due_soon", () => ({
      title: `“${milestone.title}” is due soon`,
      body: `Hand it in by ${clockInWords(dueAt, contractor.week.timeZone)} (“${contract.title}”).`,
      link: portalLink,
    }));
  }
  return [];
}

function contractCauses(
  snapshot: SweepSnapshot,
  contract: ContractSnapshot,
  contractor: ContractorSnapshot,
): Cause[] {
  if (contract.status !== "sent" || contract.sentAt === null) return [];
  const causes = toEach(
    [contractor.user],
    `contract-sent:${contract.id}:${contract.version}`,
    "contract_sent",
    () => ({
      title: `A contract is waiting for you: “${contract.title}”`,
      body: "Read it and accept it to start the work.",
      link: `/portal/contracts/${contract.id}`,
    }),
  );
  if (snapshot.now - contract.sentAt >= sweepTimings.contractWaitingMs) {
    causes.push(
      ...toEach(
        snapshot.owners,
        `contract-waiting:${contract.id}:${contract.version}`,
        "contract_waiting",
        () => ({
          title: `${contractor.name} has not accepted “${contract.title}” yet`,
          body: "It was sent three days ago or more. A nudge may help.",
          link: `/contracts/${contract.id}`,
        }),
      ),
    );
  }
  return causes;
}

/** Every notification the data calls for right now; the store keeps only the new ones. */
export function causesOf(snapshot: SweepSnapshot): Cause[] {
  const contractors = new Map(
    snapshot.contractors.map((contractor) => [contractor.id, contractor]),
  );
  const contracts = new Map(snapshot.contracts.map((contract) => [contract.id, contract]));
  const causes = snapshot.contractors.flatMap((contractor) => reportCauses(snapshot, contractor));
  for (const contract of snapshot.contracts) {
    const contractor = contractors.get(contract.contractorId);
    if (contractor) causes.push(...contractCauses(snapshot, contract, contractor));
  }
  for (const milestone of snapshot.milestones) {
    const contract = contracts.get(milestone.contractId);
    const contractor = contract && contractors.get(contract.contractorId);
    if (contract?.status !== "active" || !contractor) continue;
    causes.push(...milestoneCauses(snapshot, milestone, contract, contractor));
  }
  return causes;
}

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

/** Minutes since local midnight on the person's wall clock. */
export function localMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/** Quiet hours may run past midnight (22:00–07:00); the end minute is no longer quiet. */
export function isQuiet(
  instant: number,
  timeZone: string,
  preferences: Pick<NotificationPreferences, "quietStart" | "quietEnd">,
): boolean {
  const { quietStart, quietEnd } = preferences;
  if (quietStart === null || quietEnd === null) return false;
  const now = localMinutes(instant, timeZone);
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** Sends email about this kind right now, rather than holding it or leaving it to the digest. */
export function emailsNow(
  kind: NotificationKind,
  instant: number,
  timeZone: string,
  preferences: NotificationPreferences,
): boolean {
  return preferences.emailKinds.includes(kind) && !isQuiet(instant, timeZone, preferences);
}

/**
 * The local date whose digest is due at `instant`, or null while it is not: from the digest
 * time of the person's morning on, and never in quiet hours (it waits for them to end).
 */
export function digestDateAt(
  instant: number,
  timeZone: string,
  preferences: NotificationPreferences,
): string | null {
  if (!preferences.dailyDigest || isQuiet(instant, timeZone, preferences)) return null;
  const date = localDateOf(instant, timeZone);
  return instant >= instantAt(date, sweepTimings.digestClock, timeZone) ? date : null;
}

export interface EmailText {
  subject: string;
  body: string;
}

export function notificationEmail(
  notification: Pick<Cause, "title" | "body" | "link">,
  appUrl: URL,
): EmailText {
  return {
    subject: notification.title,
    body: `${notification.title}\n\n${notification.body}\n\nOpen it in Handoff: ${new URL(notification.link, appUrl).href}\n\nChoose which notifications reach you by email on your account page: ${new URL("/account", appUrl).href}`,
  };
}

export function digestEmail(
  date: string,
  notifications: readonly Pick<Cause, "title" | "body">[],
  appUrl: URL,
): EmailText {
  const lines = notifications.map((entry) => `- ${entry.title}\n  ${entry.body}`);
  const count = notifications.length;
  return {
    subject: `Your Handoff summary for ${dateInWords(date)}: ${count} ${count === 1 ? "update" : "updates"}`,
    body: `${lines.join("\n")}\n\nSee them all in your inbox: ${new URL("/inbox", appUrl).href}\n\nTurn the daily summary off on your account page: ${new URL("/account", appUrl).href}`,
  };
}
