import { uuidv7 } from "uuidv7";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { NotFound, RuleViolation } from "../errors.ts";
import { withIdempotency, type IdempotentRequest } from "../http/idempotency.ts";
import { dateOf } from "../time/calendar.ts";
import { contractFor } from "./access.ts";
import * as store from "./period-store.ts";
import { refuse, submitPeriod } from "./period-submission.ts";
import { listMilestones, type ContractRow, type MilestoneRow } from "./store.ts";
import {
  durationText,
  entryRemovalRefusal,
  isPeriodClosed,
  minutesLeft,
  timeEntryRefusal,
  weekAmount,
  weekEnd,
  weekOf,
  weekSubmissionRefusal,
} from "./timesheet-rules.ts";
import type { TimeEntry, TimeEntryInput, TimesheetWeek, WeekEntries } from "./timesheet-schema.ts";
import { discountOf } from "./views.ts";

/**
 * Hourly contracts: the contractor logs time against the weekly cap and submits each week;
 * the submitted week is a `timesheet` milestone the owner accepts, sends back and releases
 * like any other. Staff read; only the contract's own contractor writes.
 */

type Db = AppContext["db"];

/**
 * The hourly contract the actor may use; writing needs it to be running. Submitting a week
 * stays possible after the contract ends, so the last week's time can still be paid.
 */
async function hourlyContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  need: "read" | "log" | "submit",
): Promise<ContractRow> {
  const contract = await contractFor(ctx, actor, contractId, need === "read" ? "read" : "respond");
  if (contract.payment_kind !== "hourly") {
    throw new RuleViolation("time.not_hourly", "Time is logged only on an hourly contract");
  }
  const running = need === "log" ? ["active"] : ["active", "completed", "ended"];
  if (need !== "read" && !running.includes(contract.status)) {
    throw new RuleViolation(
      "time.contract_not_active",
      need === "log"
        ? "Time can be logged only while the contract is active"
        : "Weeks can be submitted once the contract is accepted",
    );
  }
  return contract;
}

function capOf(contract: ContractRow): number {
  return contract.weekly_cap_minutes ?? 0;
}

function entryView(row: store.TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    contractId: row.contract_id,
    workDate: row.work_date,
    minutes: row.minutes,
    description: row.description,
    createdAt: row.created_at,
  };
}

const sumMinutes = (rows: readonly { minutes: number }[]) =>
  rows.reduce((sum, row) => sum + row.minutes, 0);

/** Minutes of the weeks before `week` that count towards the volume discount. */
function minutesBefore(weeks: readonly MilestoneRow[], week: string): number {
  return weeks
    .filter((row) => (row.period ?? "") < week && isPeriodClosed(row.status))
    .reduce((sum, row) => sum + (row.minutes ?? 0), 0);
}

/** Everything the weeks of one contract are worked out from, read once. */
async function timesheetFacts(db: Db, actor: Actor, contract: ContractRow) {
  const [entries, weeks] = await Promise.all([
    store.listTimeEntries(db, actor.workspaceId, contract.id),
    listMilestones(db, actor.workspaceId, [contract.id], "timesheet"),
  ]);
  const feedback = await store.sendBackFeedback(
    db,
    actor.workspaceId,
    weeks.filter((row) => row.status === "sent_back").map((row) => row.id),
  );
  return { entries, weeks, feedback };
}

type Facts = Awaited<ReturnType<typeof timesheetFacts>>;

function weekView(contract: ContractRow, facts: Facts, week: string): TimesheetWeek {
  const milestone = facts.weeks.find((row) => row.period === week);
  const logged = sumMinutes(facts.entries.filter((row) => weekOf(row.work_date) === week));
  const closed = milestone !== undefined && isPeriodClosed(milestone.status);
  const minutes = closed ? (milestone.minutes ?? logged) : logged;
  const cap = capOf(contract);
  return {
    week,
    minutes,
    capMinutes: cap,
    minutesLeft: minutesLeft(cap, minutes),
    amount: closed
      ? milestone.amount
      : weekAmount({
          minutes,
          hourlyRate: contract.hourly_rate ?? 0,
          discount: discountOf(contract),
          minutesBefore: minutesBefore(facts.weeks, week),
        }),
    currency: contract.currency,
    status: milestone?.status ?? "open",
    milestoneId: milestone?.id ?? null,
    submittedAt: milestone?.submitted_at ?? null,
    feedback: milestone ? (facts.feedback.get(milestone.id) ?? null) : null,
  };
}

async function todayFor(db: Db, actor: Actor, contract: ContractRow, now: number) {
  return dateOf(now, await store.contractorTimeZone(db, actor.workspaceId, contract.contractor_id));
}

/** The weeks with time or a timesheet, and this week while the contract runs; newest first. */
export async function listTimesheets(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<TimesheetWeek[]> {
  const contract = await hourlyContract(ctx, actor, contractId, "read");
  const facts = await timesheetFacts(ctx.db, actor, contract);
  const today = await todayFor(ctx.db, actor, contract, ctx.now());
  const weeks = new Set([
    ...facts.entries.map((row) => weekOf(row.work_date)),
    ...facts.weeks.map((row) => row.period ?? ""),
  ]);
  const running =
    contract.status === "active" &&
    contract.start_date <= today &&
    (contract.end_date === null || today <= contract.end_date);
  if (running) weeks.add(weekOf(today));
  return [...weeks]
    .filter((week) => week !== "")
    .sort()
    .reverse()
    .map((week) => weekView(contract, facts, week));
}

/** One week's entries and totals; this week in the contractor's zone when none is named. */
export async function getWeek(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  day?: string,
): Promise<WeekEntries> {
  const contract = await hourlyContract(ctx, actor, contractId, "read");
  return weekEntries(ctx.db, actor, contract, day, ctx.now());
}

async function weekEntries(
  db: Db,
  actor: Actor,
  contract: ContractRow,
  day: string | undefined,
  now: number,
): Promise<WeekEntries> {
  const today = await todayFor(db, actor, contract, now);
  const week = weekOf(day ?? today);
  const facts = await timesheetFacts(db, actor, contract);
  return {
    ...weekView(contract, facts, week),
    entries: facts.entries.filter((row) => weekOf(row.work_date) === week).map(entryView),
    today,
  };
}

export async function logTime(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: TimeEntryInput,
): Promise<TimeEntry> {
  await hourlyContract(ctx, actor, contractId, "log");
  return ctx.db.transaction().execute(async (trx) => {
    const contract = await store.lockContract(
      trx,
      actor.workspaceId,
      contractId,
      ctx.dbKind === "postgres",
    );
    if (!contract) throw new NotFound("not_found", "Contract not found");
    const week = weekOf(input.workDate);
    const [logged, milestone, today] = await Promise.all([
      store.listTimeEntries(trx, actor.workspaceId, contractId, { from: week, to: weekEnd(week) }),
      store.findPeriodMilestone(trx, actor.workspaceId, contractId, "timesheet", week),
      todayFor(trx, actor, contract, ctx.now()),
    ]);
    refuse(
      timeEntryRefusal({
        workDate: input.workDate,
        minutes: input.minutes,
        today,
        startDate: contract.start_date,
        endDate: contract.end_date,
        capMinutes: capOf(contract),
        weekMinutes: sumMinutes(logged),
        weekStatus: milestone?.status ?? null,
      }),
    );
    const row: store.TimeEntryRow = {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      contract_id: contractId,
      work_date: input.workDate,
      minutes: input.minutes,
      description: input.description,
      milestone_id: null,
      created_by: actor.userId,
      created_at: ctx.now(),
    };
    await store.insertTimeEntry(trx, row);
    return entryView(row);
  });
}

/** The contractor takes back an entry of their own while its week is open. */
export async function removeTimeEntry(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
): Promise<void> {
  const entry = await store.findTimeEntry(ctx.db, actor.workspaceId, entryId);
  if (!entry) throw new NotFound("not_found", "Time entry not found");
  await contractFor(ctx, actor, entry.contract_id, "respond");
  if (entry.created_by !== actor.userId) throw new NotFound("not_found", "Time entry not found");
  await ctx.db.transaction().execute(async (trx) => {
    await store.lockContract(trx, actor.workspaceId, entry.contract_id, ctx.dbKind === "postgres");
    const week = weekOf(entry.work_date);
    const milestone = await store.findPeriodMilestone(
      trx,
      actor.workspaceId,
      entry.contract_id,
      "timesheet",
      week,
    );
    refuse(entryRemovalRefusal(milestone?.status ?? null));
    await store.deleteTimeEntry(trx, actor.workspaceId, entryId);
  });
}

/**
 * The contractor submits a week for review: the week's timesheet milestone is made (or,
 * after a send-back, brought up to date) at the hourly rate less any volume discount.
 * Sent with an Idempotency-Key: the same request again submits nothing new.
 */
export async function submitWeek(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: { week: string; note: string },
  request: IdempotentRequest,
): Promise<WeekEntries> {
  await hourlyContract(ctx, actor, contractId, "submit");
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const now = ctx.now();
    const contract = await store.lockContract(
      trx,
      actor.workspaceId,
      contractId,
      ctx.dbKind === "postgres",
    );
    if (!contract) throw new NotFound("not_found", "Contract not found");
    const { week } = input;
    const range = { from: week, to: weekEnd(week) };
    const [entries, weeks, today] = await Promise.all([
      store.listTimeEntries(trx, actor.workspaceId, contractId, range),
      listMilestones(trx, actor.workspaceId, [contractId], "timesheet"),
      todayFor(trx, actor, contract, now),
    ]);
    const existing = weeks.find((row) => row.period === week);
    const minutes = Math.min(sumMinutes(entries), capOf(contract));
    const amount = weekAmount({
      minutes,
      hourlyRate: contract.hourly_rate ?? 0,
      discount: discountOf(contract),
      minutesBefore: minutesBefore(weeks, week),
    });
    refuse(
      weekSubmissionRefusal({ week, today, minutes, amount, status: existing?.status ?? null }),
    );
    const milestoneId = await submitPeriod(trx, actor, {
      contract,
      kind: "timesheet",
      period: week,
      existing,
      title: `Week of ${week}`,
      deliverable: `${durationText(minutes)} of work logged from ${week} to ${range.to}`,
      minutes,
      amount,
      note: input.note,
      links: [],
      now,
    });
    await store.attachTimeEntries(trx, actor.workspaceId, contractId, range, milestoneId);
    return weekEntries(trx, actor, contract, week, now);
  });
}
