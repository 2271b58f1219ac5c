import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { NotFound, RuleViolation } from "../errors.ts";
import { withIdempotency, type IdempotentRequest } from "../http/idempotency.ts";
import { monthOf } from "../time/calendar.ts";
import { contractFor } from "./access.ts";
import * as store from "./period-store.ts";
import { refuse, submitPeriod } from "./period-submission.ts";
import {
  contractMonths,
  monthLabel,
  monthSubmissionRefusal,
  retainerAmount,
} from "./retainer-rules.ts";
import type { RetainerMonth, RetainerMonths } from "./retainer-schema.ts";
import { listMilestones, type ContractRow } from "./store.ts";
import { discountOf } from "./views.ts";

/**
 * Monthly retainers: the contractor submits each month's work; the month is a `retainer`
 * milestone the owner accepts, sends back and releases like any other, so nothing is paid
 * before the month's work is accepted. Staff read; only the contract's contractor submits.
 */

type Db = AppContext["db"];

async function retainerContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  need: "read" | "respond",
): Promise<ContractRow> {
  const contract = await contractFor(ctx, actor, contractId, need);
  if (contract.payment_kind !== "retainer") {
    throw new RuleViolation("retainer.not_retainer", "This contract is not a monthly retainer");
  }
  if (need === "respond" && !["active", "completed", "ended"].includes(contract.status)) {
    throw new RuleViolation(
      "retainer.contract_not_active",
      "Months can be submitted once the contract is accepted",
    );
  }
  return contract;
}

/** Months are the contractor's: a month begins and ends in their time zone. */
function contractorZone(db: Db, actor: Actor, contract: ContractRow): Promise<string> {
  return store.contractorTimeZone(db, actor.workspaceId, contract.contractor_id);
}

function amountFor(contract: ContractRow, month: string): number {
  return retainerAmount({
    monthlyAmount: contract.retainer_amount ?? 0,
    discount: discountOf(contract),
    startDate: contract.start_date,
    month,
  });
}

async function monthsOf(
  db: Db,
  actor: Actor,
  contract: ContractRow,
  now: number,
): Promise<RetainerMonths> {
  const currentMonth = monthOf(now, await contractorZone(db, actor, contract));
  const milestones = await listMilestones(db, actor.workspaceId, [contract.id], "retainer");
  const feedback = await store.sendBackFeedback(
    db,
    actor.workspaceId,
    milestones.filter((row) => row.status === "sent_back").map((row) => row.id),
  );
  const months = new Set([
    ...contractMonths({
      startDate: contract.start_date,
      endDate: contract.end_date,
      currentMonth,
    }),
    ...milestones.map((row) => row.period ?? ""),
  ]);
  const view = (month: string): RetainerMonth => {
    const milestone = milestones.find((row) => row.period === month);
    return {
      month,
      amount: milestone?.amount ?? amountFor(contract, month),
      currency: contract.currency,
      status: milestone?.status ?? "open",
      milestoneId: milestone?.id ?? null,
      submittedAt: milestone?.submitted_at ?? null,
      feedback: milestone ? (feedback.get(milestone.id) ?? null) : null,
    };
  };
  return {
    months: [...months]
      .filter((month) => month !== "")
      .sort()
      .reverse()
      .map(view),
    currentMonth,
  };
}

/** The months of the contract so far, newest first, with where each one stands. */
export async function listRetainerMonths(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<RetainerMonths> {
  const contract = await retainerContract(ctx, actor, contractId, "read");
  return monthsOf(ctx.db, actor, contract, ctx.now());
}

/**
 * The contractor submits a month's work for review: the month's retainer milestone is made
 * (or, after a send-back, submitted again) at the monthly amount less any volume discount.
 * Sent with an Idempotency-Key: the same request again submits nothing new.
 */
export async function submitMonth(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: { month: string; note: string; links: string[] },
  request: IdempotentRequest,
): Promise<RetainerMonth> {
  await retainerContract(ctx, actor, contractId, "respond");
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const now = ctx.now();
    const contract = await store.lockContract(
      trx,
      actor.workspaceId,
      contractId,
      ctx.dbKind === "postgres",
    );
    if (!contract) throw new NotFound("not_found", "Contract not found");
    const { month } = input;
    const [existing, zone] = await Promise.all([
      store.findPeriodMilestone(trx, actor.workspaceId, contractId, "retainer", month),
      contractorZone(trx, actor, contract),
    ]);
    refuse(
      monthSubmissionRefusal({
        month,
        currentMonth: monthOf(now, zone),
        startDate: contract.start_date,
        endDate: contract.end_date,
        finishedMonth: contract.finished_at === null ? null : monthOf(contract.finished_at, zone),
        status: existing?.status ?? null,
      }),
    );
    await submitPeriod(trx, actor, {
      contract,
      kind: "retainer",
      period: month,
      existing,
      title: `Retainer for ${monthLabel(month)}`,
      deliverable: `The agreed work for ${monthLabel(month)}`,
      minutes: null,
      amount: amountFor(contract, month),
      note: input.note,
      links: input.links,
      now,
    });
    const { months } = await monthsOf(trx, actor, contract, now);
    const submitted = months.find((row) => row.month === month);
    if (!submitted) throw new NotFound("not_found", "Month not found");
    return submitted;
  });
}
