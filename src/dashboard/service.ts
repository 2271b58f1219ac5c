import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { guardrailWarnings } from "../guardrails/service.ts";
import { paymentsSummary } from "../ledger/service.ts";
import { monthlySpend } from "../ledger/spend-service.ts";
import { getBudget } from "../metrics/budget-service.ts";
import { formatMoney } from "../money/amount.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { latestDecisions } from "../sops/run-review-store.ts";
import { listRuns } from "../sops/run-service.ts";
import type { RunSummary } from "../sops/schema.ts";
import { dateInWords, localDateOf, type WorkingWeek } from "../time/working-day.ts";
import { judge, judgeAll, reportDuesOf, weekOf, type ReportDue } from "../work/cadence-service.ts";
import { clockOf } from "../work/local-time.ts";
import { listAssignments } from "../work/service.ts";
import {
  deadlineOf,
  deadlineWords,
  DUE_SOON_DAYS,
  latestDateAhead,
  PORTAL_AHEAD_DAYS,
  waitingWords,
} from "./rules.ts";
import type { BudgetLeft, Dashboard, DashboardItem, DueItem, PortalToday } from "./schema.ts";
import * as store from "./store.ts";

/**
 * "What needs you today": the owner's and manager's list of things to act on, and the
 * contractor's list of what is due from them. Each part is read for the whole workspace at
 * once (a query or a few), never person by person, so the page stays fast at any size.
 */

function missingReport(due: ReportDue & { lastDueMissedAt: number }): DashboardItem {
  const date = localDateOf(due.lastDueMissedAt, due.timeZone);
  return {
    key: `report-missed:${due.contractorId}:${due.lastDueMissedAt}`,
    title: `${due.contractorName} missed a progress report`,
    reason: `The report due ${dateInWords(date)}, ${clockOf(due.lastDueMissedAt, due.timeZone)} their time, did not come in.`,
    href: `/people/${due.contractorId}`,
  };
}

interface Dated {
  at: number;
  item: DueItem;
}

/** A thing due on a date at the end of someone's working day, in words from `whose` side. */
function dated(
  dueDate: string,
  week: WorkingWeek,
  now: number,
  whose: "their" | "your",
  item: (words: string) => DashboardItem,
): Dated & { later: boolean } {
  const deadline = deadlineOf(dueDate, week, now);
  const words = deadlineWords(deadline, dueDate, week.timeZone, now, whose);
  return {
    at: deadline.dueAt,
    later: deadline.state === "later",
    item: { ...item(words), dueDate, overdue: deadline.state === "overdue" },
  };
}

/** Overdue first, then by how soon. */
function soonestFirst(entries: readonly Dated[]): DueItem[] {
  return [...entries].sort((a, b) => a.at - b.at).map((entry) => entry.item);
}

async function budgetLeft(ctx: AppContext, actor: Actor): Promise<BudgetLeft | null> {
  const budget = await getBudget(ctx, actor, monthlySpend);
  const monthlyBudget = budget.plan.monthlyBudget;
  if (monthlyBudget === 0) return null;
  const spent = budget.actualSpend ?? budget.plannedSpend;
  const source = budget.actualSpend === null ? "plan" : "actual";
  const money = (amount: number) => formatMoney(amount, budget.currency);
  const spentWords =
    source === "actual"
      ? `${money(spent)} paid so far`
      : `${money(spent)} planned, nothing paid yet`;
  return {
    currency: budget.currency,
    month: budget.month,
    monthlyBudget,
    spent,
    spendSource: source,
    left: budget.budgetLeft,
    reason:
      budget.budgetLeft < 0
        ? `Over the monthly budget of ${money(monthlyBudget)} by ${money(-budget.budgetLeft)}: ${spentWords}.`
        : `${money(budget.budgetLeft)} of ${money(monthlyBudget)} left: ${spentWords}.`,
    href: "/metrics?tab=budget",
  };
}

/** What needs the owner or a manager today, each item one click from acting on it. */
export async function getDashboard(ctx: AppContext, actor: Actor): Promise<Dashboard> {
  authorize(actor, "work.read");
  const now = ctx.now();
  const workspaceId = actor.workspaceId;
  // Every history is walked once here, then read for both the missing reports and the guardrails.
  const judging = judgeAll(ctx, workspaceId, now);
  const [judged, toDeliver, submitted, runs, sent, budget, guardrails, anyone] = await Promise.all([
    judging,
    store.milestonesToDeliver(ctx.db, workspaceId, { dueBy: latestDateAhead(now, DUE_SOON_DAYS) }),
    store.submittedMilestones(ctx.db, workspaceId),
    store.submittedRuns(ctx.db, workspaceId),
    store.sentContracts(ctx.db, workspaceId),
    budgetLeft(ctx, actor),
    judging.then((list) => guardrailWarnings(ctx, actor, list)),
    store.hasContractors(ctx.db, workspaceId),
  ]);
  return {
    reportsMissing: reportDuesOf(judged).flatMap((due) =>
      due.lastDueMissedAt === null
        ? []
        : [missingReport({ ...due, lastDueMissedAt: due.lastDueMissedAt })],
    ),
    milestonesDue: soonestFirst(
      toDeliver.flatMap((row) => {
        if (row.due_date === null) return [];
        const entry = dated(row.due_date, weekOf(row), now, "their", (words) => ({
          key: `milestone:${row.id}:${row.due_date}`,
          title: `${row.contractor_name}: “${row.title}”`,
          reason: `${words}; ${row.status === "sent_back" ? "sent back for changes" : "not handed in yet"} (“${row.contract_title}”).`,
          href: `/contracts/${row.contract_id}`,
        }));
        return entry.later ? [] : [entry];
      }),
    ),
    awaitingReview: [
      ...submitted.map((row) => ({
        key: `milestone-submitted:${row.id}:${row.submitted_at}`,
        title: `Review “${row.title}” from ${row.contractor_name}`,
        reason: `Handed in on “${row.contract_title}”, ${waitingWords(row.submitted_at, now)} for you to accept it or send it back.`,
        href: `/contracts/${row.contract_id}`,
      })),
      ...runs.map((row) => ({
        key: `run-submitted:${row.id}:${row.submitted_at}`,
        title: `Check “${row.title}” from ${row.contractor_name}`,
        reason: `A checklist run handed in, ${waitingWords(row.submitted_at, now)} for your review.`,
        href: `/blueprints/${row.sop_id}?tab=runs`,
      })),
    ],
    awaitingAcceptance: sent.map((row) => ({
      key: `contract-sent:${row.id}`,
      title: `${row.contractor_name} has not accepted “${row.title}”`,
      reason: `Sent and ${waitingWords(row.sent_at, now)}. Nudge them, or change it if something is holding them back.`,
      href: `/contracts/${row.id}`,
    })),
    budget,
    guardrails,
    gettingStarted: !anyone,
  };
}

/** What is due from the contractor asking: reports, milestones, assigned work, runs, and their pay. */
export async function getPortalToday(ctx: AppContext, actor: Actor): Promise<PortalToday> {
  authorize(actor, "portal.use");
  const now = ctx.now();
  const own = await ownContractorId(ctx, actor);
  const [assignments, runs, payments] = await Promise.all([
    own ? listAssignments(ctx, actor, { status: "open" }) : [],
    listRuns(ctx, actor, {}),
    paymentsSummary(ctx, actor),
  ]);
  const open = runs.filter((run) => run.status === "open");
  // Only a run handed in before can be open again because it was sent back.
  const decisions = await latestDecisions(
    ctx.db,
    actor.workspaceId,
    open.flatMap((run) => (run.submittedAt === null ? [] : [run.id])),
  );
  const sentBackAt = (run: RunSummary) => {
    const latest = decisions.get(run.id);
    return latest?.decision === "sent_back" ? latest.decidedAt : null;
  };
  const openRuns = open
    .filter((run) => sentBackAt(run) === null)
    .map((run) => ({
      key: `run:${run.id}`,
      title: run.title,
      reason: `${run.stepsDone} of ${run.stepCount} steps done; due ${dateInWords(run.dueDate)}.`,
      href: `/portal/runs/${run.id}`,
    }));
  const runsSentBack = open.flatMap((run) => {
    const at = sentBackAt(run);
    return at === null
      ? []
      : [
          {
            key: `sent-back-run:${run.id}`,
            title: `Fix “${run.title}”`,
            reason: `Checklist sent back with feedback on ${dateInWords(localDateOf(at, run.timeZone))}; due ${dateInWords(run.dueDate)}. Read what to change and hand it in again.`,
            href: `/portal/runs/${run.id}`,
          },
        ];
  });
  const paid = payments.people.map(({ currency, owed, paid: out }) => ({
    currency,
    owed,
    paid: out,
  }));
  if (!own) {
    return {
      report: null,
      milestones: [],
      assignments: [],
      sentBack: runsSentBack,
      runs: openRuns,
      payments: paid,
    };
  }
  const [judged, toDeliver] = await Promise.all([
    judge(ctx, actor.workspaceId, own),
    store.milestonesToDeliver(ctx.db, actor.workspaceId, {
      dueBy: latestDateAhead(now, PORTAL_AHEAD_DAYS),
      contractorId: own,
      sentBack: true,
    }),
  ]);
  const { contractor, record } = judged;
  const week = weekOf(contractor);
  const sentBack = toDeliver.filter((row) => row.status === "sent_back");
  const last = record?.slots.at(-1);
  const aheadBy = latestDateAhead(now, PORTAL_AHEAD_DAYS);
  return {
    report: record && {
      cadence: record.cadence,
      dueAt: record.next.dueAt,
      dueDate: record.next.date,
      time: clockOf(record.next.dueAt, week.timeZone),
      timeZone: week.timeZone,
      missedLast: last?.outcome === "missed",
      explanation: record.explanation,
    },
    milestones: soonestFirst(
      toDeliver.flatMap((row) =>
        row.status === "open" && row.due_date !== null
          ? [
              dated(row.due_date, week, now, "your", (words) => ({
                key: `milestone:${row.id}:${row.due_date}`,
                title: `“${row.title}”`,
                reason: `${words} (“${row.contract_title}”).`,
                href: `/portal/contracts/${row.contract_id}`,
              })),
            ]
          : [],
      ),
    ),
    assignments: soonestFirst(
      assignments
        .filter((assignment) => assignment.dueDate <= aheadBy)
        .map((assignment) =>
          dated(assignment.dueDate, week, now, "your", (words) => ({
            key: `assignment:${assignment.id}`,
            title: assignment.title,
            reason: `${words} (“${assignment.contractTitle}”).`,
            href: `/portal/contracts/${assignment.contractId}`,
          })),
        ),
    ),
    sentBack: [
      ...sentBack.map((row) => ({
        key: `sent-back:${row.id}`,
        title: `Fix “${row.title}”`,
        reason: `Sent back with feedback on “${row.contract_title}”${row.due_date ? `; due ${dateInWords(row.due_date)}` : ""}. Read what to change and hand it in again.`,
        href: `/portal/contracts/${row.contract_id}`,
      })),
      ...runsSentBack,
    ],
    runs: openRuns,
    payments: paid,
  };
}
