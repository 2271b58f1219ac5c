import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import type { AcceptInput, SendBackInput } from "../contracts/delivery-schema.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { Conflict, NotFound, RuleViolation } from "../errors.ts";
import { ratingsOf } from "../work/rules.ts";
import type { RunReview, RunReviews } from "./run-review-schema.ts";
import * as reviews from "./run-review-store.ts";
import { loadRun } from "./run-service.ts";
import * as store from "./store.ts";

/**
 * Reviewing a handed-in checklist run as any other delivery: the owner or a manager
 * accepts it (rating it), which closes it, or sends it back with feedback, which reopens it
 * for the contractor to fix and hand in again. One decision per hand-in.
 */

function reviewView(row: reviews.NamedRunReviewRow): RunReview {
  return {
    id: row.id,
    decision: row.decision,
    feedback: row.feedback,
    ratings: ratingsOf(row),
    submittedAt: Number(row.submitted_at),
    decidedAt: Number(row.decided_at),
    decidedByName: row.decided_by_name,
  };
}

async function reviewsView(
  db: AppContext["db"],
  workspaceId: string,
  run: store.RunRow,
): Promise<RunReviews> {
  const rows = await reviews.runReviewsOf(db, workspaceId, [run.id]);
  return {
    runId: run.id,
    status: run.status,
    awaitingReview: run.status === "submitted",
    reviews: rows.map(reviewView),
  };
}

/** Every decision on a run: staff see any run, a contractor only their own. */
export async function listRunReviews(
  ctx: AppContext,
  actor: Actor,
  runId: string,
): Promise<RunReviews> {
  return reviewsView(ctx.db, actor.workspaceId, await loadRun(ctx, actor, runId));
}

const alreadyDecided = () =>
  new Conflict("run.already_decided", "Someone decided on this checklist just now");
const alreadyAccepted = () =>
  new Conflict("run.already_accepted", "This checklist is already accepted");

type Decision =
  { decision: "accepted"; input: AcceptInput } | { decision: "sent_back"; input: SendBackInput };

async function decide(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  verdict: Decision,
): Promise<RunReviews> {
  authorize(actor, "work.review");
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const run = await store.findRun(trx, actor.workspaceId, runId);
      if (!run) throw new NotFound("not_found", "Checklist not found");
      const submittedAt = run.submitted_at;
      if (run.status === "accepted") throw alreadyAccepted();
      if (run.status !== "submitted" || submittedAt === null) {
        throw new RuleViolation("run.not_submitted", "This checklist is not handed in yet");
      }
      const ratings = verdict.decision === "accepted" ? verdict.input.ratings : undefined;
      const feedback = verdict.input.feedback;
      await reviews.insertRunReview(trx, {
        id: uuidv7(),
        workspace_id: actor.workspaceId,
        run_id: run.id,
        submitted_at: submittedAt,
        decision: verdict.decision,
        feedback: feedback === "" ? null : feedback,
        quality: ratings?.quality ?? null,
        timeliness: ratings?.timeliness ?? null,
        communication: ratings?.communication ?? null,
        decided_by: actor.userId,
        decided_at: ctx.now(),
      });
      const status = verdict.decision === "accepted" ? "accepted" : "open";
      if (!(await reviews.decideRun(trx, actor.workspaceId, run.id, submittedAt, status))) {
        throw alreadyDecided();
      }
      return reviewsView(trx, actor.workspaceId, { ...run, status });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyDecided();
    throw error;
  }
}

export function acceptRun(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  input: AcceptInput,
): Promise<RunReviews> {
  return decide(ctx, actor, runId, { decision: "accepted", input });
}

export function sendBackRun(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  input: SendBackInput,
): Promise<RunReviews> {
  return decide(ctx, actor, runId, { decision: "sent_back", input });
}
