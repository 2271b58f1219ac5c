import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { NotFound, RuleViolation } from "../errors.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { judge } from "./cadence-service.ts";
import { hasActiveContract } from "./history-store.ts";
import type { Reply, ReplyInput, Report, ReportFilter, ReportInput, ReportPage } from "./schema.ts";
import * as store from "./store.ts";
import { reportView } from "./views.ts";

/**
 * Progress reports: the contractor sends what was done, what is next and what is in the way;
 * the owner reads them in one feed, replies and resolves blockers. A contractor reads only
 * their own reports and the replies to them; anyone else's answers 404.
 */

/** The contractor an actor is limited to: their own record, or null for staff who see all. */
async function readerScope(
  ctx: AppContext,
  actor: Actor,
): Promise<{ contractorId: string | null }> {
  if (actor.role !== "contractor") {
    authorize(actor, "work.read");
    return { contractorId: null };
  }
  authorize(actor, "reports.write");
  const own = await ownContractorId(ctx, actor);
  if (!own) throw new NotFound("not_found", "Report not found");
  return { contractorId: own };
}

async function reportsWithReplies(
  ctx: AppContext,
  workspaceId: string,
  rows: readonly store.ReportRow[],
): Promise<Report[]> {
  const ids = rows.map((row) => row.id);
  const [replies, names] = await Promise.all([
    store.repliesTo(ctx.db, workspaceId, ids),
    store.contractorNames(ctx.db, workspaceId, [...new Set(rows.map((row) => row.contractor_id))]),
  ]);
  return rows.map((row) =>
    reportView(
      row,
      names.get(row.contractor_id) ?? "",
      replies
        .filter((reply) => reply.report_id === row.id)
        .map((reply) => ({
          id: reply.id,
          authorName: reply.author_name,
          body: reply.body,
          createdAt: Number(reply.created_at),
        })),
    ),
  );
}

async function readable(ctx: AppContext, actor: Actor, id: string): Promise<store.ReportRow> {
  const scope = await readerScope(ctx, actor);
  const row = await store.findReport(ctx.db, actor.workspaceId, id);
  if (!row || (scope.contractorId !== null && row.contractor_id !== scope.contractorId)) {
    throw new NotFound("not_found", "Report not found");
  }
  return row;
}

async function one(ctx: AppContext, actor: Actor, row: store.ReportRow): Promise<Report> {
  const [report] = await reportsWithReplies(ctx, actor.workspaceId, [row]);
  return report as Report;
}

/** The report answers the slot due now: the one due at or after the moment it is sent. */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: ReportInput,
): Promise<Report> {
  authorize(actor, "reports.write");
  const own = await ownContractorId(ctx, actor);
  if (!own || !(await hasActiveContract(ctx.db, actor.workspaceId, own))) {
    throw new RuleViolation(
      "report.no_active_contract",
      "Progress reports are sent under an active contract; there is none yet",
    );
  }
  const { record } = await judge(ctx, actor.workspaceId, own);
  const row: store.ReportRow = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    contractor_id: own,
    done: input.done,
    next: input.next,
    blockers: input.blockers,
    minutes: input.minutes,
    links: JSON.stringify(input.links),
    due_at: record?.next.dueAt ?? null,
    submitted_by: actor.userId,
    submitted_at: ctx.now(),
    blocker_resolved_at: null,
    blocker_resolved_by: null,
  };
  await store.insertReport(ctx.db, row);
  return one(ctx, actor, row);
}

function cursorOf(row: store.ReportRow): string {
  return `${Number(row.submitted_at)}.${row.id}`;
}

function parseCursor(cursor: string | undefined): store.ReportFilter["before"] {
  if (!cursor) return undefined;
  const dot = cursor.indexOf(".");
  return { submittedAt: Number(cursor.slice(0, dot)), id: cursor.slice(dot + 1) };
}

/** Newest first; staff see everyone's, a contractor only their own. */
export async function listReports(
  ctx: AppContext,
  actor: Actor,
  filter: ReportFilter,
): Promise<ReportPage> {
  const scope = await readerScope(ctx, actor).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  if (!scope) return { reports: [], nextCursor: null };
  const rows = await store.listReports(ctx.db, actor.workspaceId, {
    contractorId: scope.contractorId ?? filter.contractorId,
    openBlockers: filter.openBlockers,
    before: parseCursor(filter.cursor),
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    reports: await reportsWithReplies(ctx, actor.workspaceId, page),
    nextCursor: rows.length > filter.limit && last ? cursorOf(last) : null,
  };
}

export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<Report> {
  return one(ctx, actor, await readable(ctx, actor, id));
}

/** Staff reply to any report; the contractor answers on their own report's thread. */
export async function replyToReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ReplyInput,
): Promise<Reply> {
  if (actor.role !== "contractor") authorize(actor, "work.manage");
  const row = await readable(ctx, actor, id);
  const reply = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    report_id: row.id,
    author_id: actor.userId,
    body: input.body,
    created_at: ctx.now(),
  };
  await store.insertReply(ctx.db, reply);
  const [named] = await store
    .repliesTo(ctx.db, actor.workspaceId, [row.id])
    .then((rows) => rows.filter((candidate) => candidate.id === reply.id));
  return {
    id: reply.id,
    authorName: named?.author_name ?? "",
    body: reply.body,
    createdAt: reply.created_at,
  };
}

/** Resolving twice keeps the first resolution. */
export async function resolveBlocker(ctx: AppContext, actor: Actor, id: string): Promise<Report> {
  authorize(actor, "work.manage");
  const row = await readable(ctx, actor, id);
  if (row.blockers === "") {
    throw new RuleViolation("report.no_blocker", "This report names no blocker to resolve");
  }
  await store.resolveBlocker(ctx.db, row, ctx.now(), actor.userId);
  return one(ctx, actor, await readable(ctx, actor, id));
}
