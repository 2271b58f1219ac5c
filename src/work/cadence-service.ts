import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { NotFound } from "../errors.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { findContractor } from "../people/store.ts";
import type { WorkingWeek } from "../time/working-day.ts";
import { missedReports, type CadenceSettings } from "./cadence-rules.ts";
import { rememberedRecord } from "./cadence-memory.ts";
import { reportsOf } from "./report-memory.ts";
import * as history from "./history-store.ts";
import { ratingsOf, type Cadence, type ReportingHistory, type ReportingRecord } from "./rules.ts";
import type { CadenceView } from "./schema.ts";
import { cadenceSettings } from "./settings-service.ts";
import * as store from "./store.ts";
import { clockOf } from "./local-time.ts";

/**
 * Each contractor's reporting cadence, worked out from their history by the pure rules in
 * cadence-rules.ts: the owner's and the contractor's view of it, the owner's pin, and what
 * the scheduler asks every sweep.
 */

/** A contractor row's working week, as the cadence rules and due dates read it. */
export function weekOf(
  row: Pick<history.ContractorWeekRow, "time_zone" | "day_start" | "day_end" | "working_days">,
): WorkingWeek {
  return {
    timeZone: row.time_zone,
    dayStart: row.day_start,
    dayEnd: row.day_end,
    workingDays: JSON.parse(row.working_days) as number[],
  };
}

function groupBy<T extends { contractor_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.contractor_id);
    if (group) group.push(row);
    else groups.set(row.contractor_id, [row]);
  }
  return groups;
}

/** The histories of a set of contractors; one without an accepted contract has none yet. */
async function historiesOf(
  ctx: AppContext,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<Map<string, ReportingHistory>> {
  const [starts, reports, reviews, milestones, pins] = await Promise.all([
    history.reportingStarts(ctx.db, workspaceId, contractorIds),
    reportsOf(ctx.db, workspaceId, contractorIds),
    history.reviewsOf(ctx.db, workspaceId, contractorIds),
    history.milestonesDue(ctx.db, workspaceId, contractorIds),
    history.pinsOf(ctx.db, workspaceId, contractorIds),
  ]);
  const byReviews = groupBy(reviews);
  const byMilestones = groupBy(milestones);
  const byPins = groupBy(pins);
  const histories = new Map<string, ReportingHistory>();
  for (const [contractorId, startedAt] of starts) {
    histories.set(contractorId, {
      startedAt,
      reports: reports.get(contractorId) ?? [],
      reviews: (byReviews.get(contractorId) ?? []).map((row) => ({
        title: row.title,
        decision: row.decision,
        decidedAt: row.decided_at,
        ratings: ratingsOf(row),
      })),
      milestones: (byMilestones.get(contractorId) ?? []).map((row) => ({
        title: row.title,
        dueDate: row.due_date,
        firstSubmittedAt: row.first_submitted_at,
      })),
      pins: (byPins.get(contractorId) ?? []).map((row) => ({
        at: Number(row.pinned_at),
        cadence: row.cadence,
      })),
    });
  }
  return histories;
}

export interface ReportDue {
  contractorId: string;
  contractorName: string;
  timeZone: string;
  cadence: Cadence;
  /** The next report's due instant: at or after `now`. */
  dueAt: number;
  /** Their local date it is due on. */
  dueDate: string;
  /** The due instant of the latest slot that passed with no report at all, if the latest one did. */
  lastDueMissedAt: number | null;
}

/** What each judged contractor owes next; someone without a record yet owes nothing. */
export function reportDuesOf(judged: readonly Judged[]): ReportDue[] {
  return judged.flatMap(({ contractor, record }) => {
    if (!record) return [];
    const last = record.slots.at(-1);
    return [
      {
        contractorId: contractor.id,
        contractorName: contractor.name,
        timeZone: contractor.time_zone,
        cadence: record.cadence,
        dueAt: record.next.dueAt,
        dueDate: record.next.date,
        lastDueMissedAt: last?.outcome === "missed" ? last.dueAt : null,
      },
    ];
  });
}

/**
 * What every active contractor with an active contract owes next, with their portal
 * account when they have one, for the scheduler and the calendar: a few queries for the
 * whole workspace, then the pure rules per person.
 */
export async function reportDues(
  ctx: AppContext,
  workspaceId: string,
  now: number,
): Promise<(ReportDue & { userId: string | null })[]> {
  const judged = await judgeAll(ctx, workspaceId, now);
  const accounts = await history.portalAccounts(
    ctx.db,
    workspaceId,
    judged.map(({ contractor }) => contractor.email),
  );
  const userIds = new Map(
    judged.map(({ contractor }) => [contractor.id, accounts.get(contractor.email) ?? null]),
  );
  return reportDuesOf(judged).map((due) => ({
    ...due,
    userId: userIds.get(due.contractorId) ?? null,
  }));
}

/**
 * Every active contractor with an active contract and their record as of `now` (null
 * before their first contract is accepted): what the Work page, performance, guardrails and
 * the dashboard judge. Read once per request and passed on: it walks every history.
 */
export async function judgeAll(
  ctx: AppContext,
  workspaceId: string,
  now = ctx.now(),
): Promise<Judged[]> {
  const contractors = await history.activeContractorsUnderContract(ctx.db, workspaceId);
  const [histories, settings] = await Promise.all([
    historiesOf(
      ctx,
      workspaceId,
      contractors.map((row) => row.id),
    ),
    cadenceSettings(ctx, workspaceId),
  ]);
  return contractors.map((contractor) => {
    const known = histories.get(contractor.id);
    const record = known
      ? rememberedRecord(contractor.id, known, now, weekOf(contractor), settings)
      : null;
    return { contractor, record, settings };
  });
}

/** The cadence of every active contractor with an active contract, for the owner's Work page. */
export async function listCadences(ctx: AppContext, actor: Actor): Promise<CadenceView[]> {
  authorize(actor, "work.read");
  return (await judgeAll(ctx, actor.workspaceId)).map(cadenceView);
}

export interface Judged {
  contractor: history.ContractorWeekRow;
  record: ReportingRecord | null;
  settings: CadenceSettings;
}

/** One contractor's record as of now, or null before their first contract is accepted. */
export async function judge(
  ctx: AppContext,
  workspaceId: string,
  contractorId: string,
): Promise<Judged> {
  const contractor = await findContractor(ctx.db, workspaceId, contractorId);
  if (!contractor) throw new NotFound("not_found", "Contractor not found");
  const [histories, settings] = await Promise.all([
    historiesOf(ctx, workspaceId, [contractorId]),
    cadenceSettings(ctx, workspaceId),
  ]);
  const known = histories.get(contractorId);
  const record = known
    ? rememberedRecord(contractorId, known, ctx.now(), weekOf(contractor), settings)
    : null;
  return { contractor, record, settings };
}

function cadenceView({ contractor, record, settings }: Judged): CadenceView {
  const run = {
    onTimeDaysToRelax: settings.onTimeDaysToRelax,
    acceptedDeliveriesToRelax: settings.acceptedDeliveriesToRelax,
  };
  const base = {
    contractorId: contractor.id,
    contractorName: contractor.name,
    timeZone: contractor.time_zone,
  };
  if (!record) {
    return {
      ...base,
      reporting: false,
      cadence: "daily",
      pinned: false,
      nextDue: null,
      explanation:
        "Reports start once a contract is accepted: daily at first, by the end of each working day.",
      run: { ...run, onTimeDays: 0, acceptedDeliveries: 0 },
      missedReports: 0,
      changes: [],
    };
  }
  return {
    ...base,
    reporting: true,
    cadence: record.cadence,
    pinned: record.pinned,
    nextDue: {
      at: record.next.dueAt,
      date: record.next.date,
      time: clockOf(record.next.dueAt, contractor.time_zone),
    },
    explanation: record.explanation,
    run: { ...run, ...record.run },
    missedReports: missedReports(record).length,
    changes: [...record.changes].reverse(),
  };
}

/** A contractor's cadence as the owner or a manager sees it. */
export async function getCadence(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
): Promise<CadenceView> {
  authorize(actor, "work.read");
  return cadenceView(await judge(ctx, actor.workspaceId, contractorId));
}

/** The contractor's own cadence, as their portal shows it. */
export async function getOwnCadence(ctx: AppContext, actor: Actor): Promise<CadenceView> {
  authorize(actor, "reports.write");
  const own = await ownContractorId(ctx, actor);
  if (!own) throw new NotFound("not_found", "No contractor record for this account yet");
  return cadenceView(await judge(ctx, actor.workspaceId, own));
}

/** Pinned wins over the record until removed (`null`); removing it starts the run over. */
export async function pinCadence(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
  cadence: Cadence | null,
): Promise<CadenceView> {
  authorize(actor, "work.manage");
  const contractor = await findContractor(ctx.db, actor.workspaceId, contractorId);
  if (!contractor) throw new NotFound("not_found", "Contractor not found");
  await store.insertPin(ctx.db, {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    contractor_id: contractorId,
    cadence,
    pinned_by: actor.userId,
    pinned_at: ctx.now(),
  });
  return cadenceView(await judge(ctx, actor.workspaceId, contractorId));
}
