import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { contractFor } from "../contracts/access.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound, RuleViolation } from "../errors.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { findContractor } from "../people/store.ts";
import { dateOf } from "../time/calendar.ts";
import type { Assignment, AssignmentFilter, AssignmentInput, AssignmentUpdate } from "./schema.ts";
import * as store from "./store.ts";
import { assignmentView } from "./views.ts";

/**
 * Work assigned to a contractor under one of their active contracts. Staff assign, change,
 * finish and cancel it; the contractor sees only their own and marks it done.
 */

function minutesOf(hours: number): number {
  return Math.round(hours * 60);
}

/** A due date is the contractor's date: "today" is today where they are. */
async function checkDueDate(
  ctx: AppContext,
  workspaceId: string,
  contractorId: string,
  dueDate: string,
): Promise<void> {
  const contractor = await findContractor(ctx.db, workspaceId, contractorId);
  if (!contractor) throw new NotFound("not_found", "Contractor not found");
  const today = dateOf(ctx.now(), contractor.time_zone);
  if (dueDate < today) {
    throw new Invalid("invalid_input", "The due date has passed", {
      dueDate: `Choose ${today} or later (today in the contractor's time zone)`,
    });
  }
}

async function found(ctx: AppContext, workspaceId: string, id: string) {
  const row = await store.findAssignment(ctx.db, workspaceId, id);
  if (!row) throw new NotFound("not_found", "Assignment not found");
  return row;
}

/** Staff see everything; a contractor sees only their own, whatever they filter by. */
export async function listAssignments(
  ctx: AppContext,
  actor: Actor,
  filter: AssignmentFilter,
): Promise<Assignment[]> {
  if (actor.role === "contractor") {
    authorize(actor, "reports.write");
    const own = await ownContractorId(ctx, actor);
    if (!own) return [];
    const rows = await store.listAssignments(ctx.db, actor.workspaceId, {
      ...filter,
      contractorId: own,
    });
    return rows.map(assignmentView);
  }
  authorize(actor, "work.read");
  return (await store.listAssignments(ctx.db, actor.workspaceId, filter)).map(assignmentView);
}

export async function createAssignment(
  ctx: AppContext,
  actor: Actor,
  input: AssignmentInput,
): Promise<Assignment> {
  authorize(actor, "work.manage");
  const contract = await contractFor(ctx, actor, input.contractId, "manage");
  if (contract.contractor_id !== input.contractorId) {
    throw new Invalid("invalid_input", "That contract is with someone else", {
      contractId: "Choose one of this contractor's contracts",
    });
  }
  if (contract.status !== "active") {
    throw new RuleViolation(
      "assignment.contract_not_active",
      "Work is assigned only under an active contract: one the contractor has accepted and that has not ended",
    );
  }
  await checkDueDate(ctx, actor.workspaceId, contract.contractor_id, input.dueDate);
  if (input.taskId && !(await store.findTask(ctx.db, actor.workspaceId, input.taskId))) {
    throw new Invalid("invalid_input", "Unknown task", { taskId: "Choose a task from the audit" });
  }
  const version = input.sopId
    ? await store.latestPublishedVersion(ctx.db, actor.workspaceId, input.sopId)
    : null;
  if (input.sopId && !version) {
    throw new Invalid("invalid_input", "Unknown procedure", {
      sopId: "Choose a procedure with a published version",
    });
  }
  const now = ctx.now();
  const id = uuidv7();
  await store.insertAssignment(ctx.db, {
    id,
    workspace_id: actor.workspaceId,
    contract_id: contract.id,
    contractor_id: contract.contractor_id,
    task_id: input.taskId,
    sop_version_id: version?.id ?? null,
    title: input.title,
    notes: input.notes,
    due_date: input.dueDate,
    expected_minutes: minutesOf(input.expectedHours),
    status: "open",
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    finished_at: null,
  });
  return assignmentView(await found(ctx, actor.workspaceId, id));
}

async function changeOpen(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: store.AssignmentChanges,
): Promise<Assignment> {
  if (!(await store.updateOpenAssignment(ctx.db, actor.workspaceId, id, changes))) {
    throw new Conflict("assignment.finished", "This work is already done or cancelled");
  }
  return assignmentView(await found(ctx, actor.workspaceId, id));
}

export async function updateAssignment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AssignmentUpdate,
): Promise<Assignment> {
  authorize(actor, "work.manage");
  const row = await found(ctx, actor.workspaceId, id);
  if (input.dueDate !== undefined && input.dueDate !== row.due_date) {
    await checkDueDate(ctx, actor.workspaceId, row.contractor_id, input.dueDate);
  }
  return changeOpen(ctx, actor, id, {
    title: input.title,
    notes: input.notes,
    due_date: input.dueDate,
    expected_minutes:
      input.expectedHours === undefined ? undefined : minutesOf(input.expectedHours),
    updated_at: ctx.now(),
  });
}

/** Staff, or the contractor it was assigned to; someone else's work answers 404. */
export async function markAssignmentDone(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Assignment> {
  const row = await found(ctx, actor.workspaceId, id);
  if (actor.role === "contractor") {
    authorize(actor, "reports.write");
    if (row.contractor_id !== (await ownContractorId(ctx, actor))) {
      throw new NotFound("not_found", "Assignment not found");
    }
  } else authorize(actor, "work.manage");
  const now = ctx.now();
  return changeOpen(ctx, actor, id, { status: "done", finished_at: now, updated_at: now });
}

export async function cancelAssignment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Assignment> {
  authorize(actor, "work.manage");
  await found(ctx, actor.workspaceId, id);
  const now = ctx.now();
  return changeOpen(ctx, actor, id, { status: "cancelled", finished_at: now, updated_at: now });
}
