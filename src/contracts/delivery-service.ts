import type { Transaction } from "kysely";
import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { Database } from "../db/tables.ts";
import { Conflict, NotFound, RuleViolation } from "../errors.ts";
import { withIdempotency, type IdempotentRequest } from "../http/idempotency.ts";
import { contractLedger, postRelease, type ContractLedger } from "../ledger/service.ts";
import type { ContractMoney } from "../ledger/schema.ts";
import { contractFor, type ContractNeed } from "./access.ts";
import {
  awaitingRelease,
  escrowCoverage,
  releaseRefusal,
  reviewRefusal,
  submitRefusal,
  type Refusal,
} from "./delivery-rules.ts";
import type {
  AcceptInput,
  DeliveryMilestone,
  MilestoneDetail,
  ReleaseResult,
  SendBackInput,
  SubmitInput,
} from "./delivery-schema.ts";
import * as store from "./delivery-store.ts";
import type { RatingsInput } from "../work/performance-schema.ts";
import type { MilestoneRow } from "./store.ts";
import { listMilestones as listContractMilestones, type ContractRow } from "./store.ts";
import { milestoneView, submissionView } from "./delivery-views.ts";

type Trx = Transaction<Database>;

/**
 * Delivery: the contractor hands in a milestone, the owner or a manager accepts it or sends
 * it back with feedback, and the owner releases payment for accepted work only. Every step
 * checks the milestone's status inside its transaction, so a replayed or simultaneous
 * request finds the work already moved on.
 */

/**
 * The error for a refusal. A conditional update that moved nothing means someone else moved
 * the milestone first; re-read, its new status says why (or, failing that, that it moved).
 */
function refused(refusal: Refusal | null): Error {
  if (!refusal) return new Conflict("milestone.moved", "Someone changed this milestone just now");
  return refusal.kind === "rule"
    ? new RuleViolation(refusal.code, refusal.message)
    : new Conflict(refusal.code, refusal.message);
}

/** The milestone and its contract, reached through the contract's own access rules. */
async function milestoneFor(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  need: ContractNeed,
): Promise<{ milestone: MilestoneRow; contract: ContractRow }> {
  const milestone = await store.findMilestone(ctx.db, actor.workspaceId, milestoneId);
  if (!milestone) throw new NotFound("not_found", "Milestone not found");
  const contract = await contractFor(ctx, actor, milestone.contract_id, need);
  return { milestone, contract };
}

/** The milestone as it stands inside the transaction, where its status is decided. */
async function current(trx: Trx, actor: Actor, milestoneId: string): Promise<MilestoneRow> {
  const row = await store.findMilestone(trx, actor.workspaceId, milestoneId);
  if (!row) throw new NotFound("not_found", "Milestone not found");
  return row;
}

/** Every milestone of a contract in order, with its latest hand-in and its money. */
async function milestonesOf(
  db: AppContext["db"],
  contract: ContractRow,
): Promise<{
  views: DeliveryMilestone[];
  rows: MilestoneRow[];
  ledger: ContractLedger;
}> {
  const rows = await listContractMilestones(db, contract.workspace_id, [contract.id]);
  const [submissions, ledger] = await Promise.all([
    store.submissionsOf(
      db,
      contract.workspace_id,
      rows.map((row) => row.id),
    ),
    contractLedger(db, contract),
  ]);
  const covered = escrowCoverage(rows, ledger.money.escrowHeld);
  const views = rows.map((row) =>
    milestoneView(row, contract.currency, {
      latest: submissions.find((submission) => submission.milestone_id === row.id),
      escrowCovered: covered.get(row.id) ?? 0,
      released: ledger.releasedByMilestone.get(row.id) ?? null,
    }),
  );
  return { views, rows, ledger };
}

/** One milestone as the list shows it: its escrow cover depends on the others. */
async function viewOf(db: AppContext["db"], contract: ContractRow, milestoneId: string) {
  const { views } = await milestonesOf(db, contract);
  const view = views.find((milestone) => milestone.id === milestoneId);
  if (!view) throw new NotFound("not_found", "Milestone not found");
  return view;
}

export async function listMilestones(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<DeliveryMilestone[]> {
  const contract = await contractFor(ctx, actor, contractId, "read");
  return (await milestonesOf(ctx.db, contract)).views;
}

export async function getMilestone(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
): Promise<MilestoneDetail> {
  const { contract } = await milestoneFor(ctx, actor, milestoneId, "read");
  const view = await viewOf(ctx.db, contract, milestoneId);
  const submissions = await store.submissionsOf(ctx.db, actor.workspaceId, [milestoneId]);
  return { ...view, contractTitle: contract.title, submissions: submissions.map(submissionView) };
}

/** Escrow held, put in, refunded and released on a contract, and accepted work awaiting payment. */
export async function getContractMoney(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<ContractMoney> {
  const contract = await contractFor(ctx, actor, contractId, "read");
  const { rows, ledger } = await milestonesOf(ctx.db, contract);
  return { ...ledger.money, acceptedAwaitingRelease: awaitingRelease(rows) };
}

export async function submitWork(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  input: SubmitInput,
  request: IdempotentRequest,
): Promise<DeliveryMilestone> {
  authorize(actor, "contracts.respond");
  const { contract } = await milestoneFor(ctx, actor, milestoneId, "respond");
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const milestone = await current(trx, actor, milestoneId);
    const refusal = submitRefusal(contract.status, milestone);
    if (refusal) throw refused(refusal);
    const now = ctx.now();
    const moved = await store.moveMilestone(
      trx,
      actor.workspaceId,
      milestone.id,
      ["open", "sent_back"],
      {
        status: "submitted",
        submitted_at: now,
        updated_at: now,
      },
    );
    if (!moved)
      throw refused(submitRefusal(contract.status, await current(trx, actor, milestoneId)));
    await store.insertSubmission(trx, {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      contract_id: contract.id,
      milestone_id: milestone.id,
      note: input.note,
      links: JSON.stringify(input.links),
      submitted_by: actor.userId,
      submitted_at: now,
      decision: null,
      feedback: null,
      decided_by: null,
      decided_at: null,
    });
    return viewOf(trx, contract, milestone.id);
  });
}

type Decision =
  | { decision: "accepted"; feedback: string; ratings: RatingsInput | undefined }
  | { decision: "sent_back"; feedback: string };

async function review(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  verdict: Decision,
  request: IdempotentRequest,
): Promise<DeliveryMilestone> {
  const { decision, feedback } = verdict;
  authorize(actor, "work.review");
  const { contract } = await milestoneFor(ctx, actor, milestoneId, "read");
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const refusal = reviewRefusal((await current(trx, actor, milestoneId)).status);
    if (refusal) throw refused(refusal);
    const now = ctx.now();
    const moved = await store.moveMilestone(
      trx,
      actor.workspaceId,
      milestoneId,
      ["submitted"],
      decision === "accepted"
        ? { status: "accepted", accepted_at: now, updated_at: now }
        : { status: "sent_back", updated_at: now },
    );
    if (!moved) throw refused(reviewRefusal((await current(trx, actor, milestoneId)).status));
    const submissionId = await store.decideSubmission(trx, actor.workspaceId, milestoneId, {
      decision,
      feedback: feedback === "" ? null : feedback,
      decided_by: actor.userId,
      decided_at: now,
    });
    // A decision always lands on the waiting hand-in; with none, its feedback and ratings
    // would be lost while the milestone moved, so nothing is written.
    if (!submissionId) {
      throw new Conflict("delivery.no_submission", "Nothing handed in is waiting for a decision");
    }
    if (verdict.decision === "accepted" && verdict.ratings) {
      await store.insertRating(trx, {
        id: uuidv7(),
        workspace_id: actor.workspaceId,
        submission_id: submissionId,
        contractor_id: contract.contractor_id,
        ...verdict.ratings,
        rated_by: actor.userId,
        rated_at: now,
      });
    }
    return viewOf(trx, contract, milestoneId);
  });
}

export function acceptWork(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  input: AcceptInput,
  request: IdempotentRequest,
): Promise<DeliveryMilestone> {
  return review(
    ctx,
    actor,
    milestoneId,
    { decision: "accepted", feedback: input.feedback, ratings: input.ratings },
    request,
  );
}

export function sendBackWork(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  input: SendBackInput,
  request: IdempotentRequest,
): Promise<DeliveryMilestone> {
  return review(
    ctx,
    actor,
    milestoneId,
    { decision: "sent_back", feedback: input.feedback },
    request,
  );
}

function alreadyReleased(): Error {
  return refused(releaseRefusal("released"));
}

/**
 * Pays accepted work: the milestone moves from accepted to released only if it is still
 * accepted, and the ledger's one-release-per-milestone index backs that up, so two owners
 * clicking at once pay once.
 */
export async function releasePayment(
  ctx: AppContext,
  actor: Actor,
  milestoneId: string,
  request: IdempotentRequest,
): Promise<ReleaseResult> {
  authorize(actor, "payments.manage");
  const { contract } = await milestoneFor(ctx, actor, milestoneId, "manage");
  try {
    return await withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
      const milestone = await current(trx, actor, milestoneId);
      const refusal = releaseRefusal(milestone.status);
      if (refusal) throw refused(refusal);
      const now = ctx.now();
      const moved = await store.moveMilestone(trx, actor.workspaceId, milestoneId, ["accepted"], {
        status: "released",
        released_at: now,
        updated_at: now,
      });
      if (!moved) throw alreadyReleased();
      const amount = Number(milestone.amount);
      const transaction = await postRelease(ctx, trx, actor, contract, {
        id: milestone.id,
        title: milestone.title,
        amount,
      });
      // Paid work has no escrow cover to show, so the rest of the contract need not be read.
      const [latest] = await store.submissionsOf(trx, actor.workspaceId, [milestoneId]);
      return {
        milestone: milestoneView(await current(trx, actor, milestoneId), contract.currency, {
          latest,
          escrowCovered: 0,
          released: amount,
        }),
        transactionId: transaction.id,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReleased();
    throw error;
  }
}
