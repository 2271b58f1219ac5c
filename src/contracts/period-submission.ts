import { uuidv7 } from "uuidv7";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { Conflict, RuleViolation } from "../errors.ts";
import type { MilestoneKind } from "../db/tables.ts";
import { insertSubmission } from "./delivery-store.ts";
import * as store from "./period-store.ts";
import type { ContractRow, MilestoneRow } from "./store.ts";
import type { Refusal } from "./timesheet-rules.ts";

/** Refusals from the rules as the errors the API answers with. */
export function refuse(refusal: Refusal | null): void {
  if (!refusal) return;
  const fields = { [refusal.field]: refusal.message };
  throw refusal.kind === "conflict"
    ? new Conflict(refusal.code, refusal.message, fields)
    : new RuleViolation(refusal.code, refusal.message, fields);
}

/**
 * Submitting a period's work, a timesheet week or a retainer month: the period becomes a
 * milestone waiting for review (the same one again after a send-back), with a submission
 * row the owner accepts or sends back like any other delivery. The caller has checked who
 * may and whether the period is open, inside the transaction it passes as `db`.
 */
export async function submitPeriod(
  db: AppContext["db"],
  actor: Actor,
  input: {
    contract: ContractRow;
    kind: Extract<MilestoneKind, "timesheet" | "retainer">;
    period: string;
    existing: MilestoneRow | undefined;
    title: string;
    deliverable: string;
    minutes: number | null;
    amount: number;
    note: string;
    links: readonly string[];
    now: number;
  },
): Promise<string> {
  const { contract, existing, now } = input;
  let milestoneId: string;
  if (existing) {
    milestoneId = existing.id;
    await store.updateMilestone(db, actor.workspaceId, existing.id, {
      minutes: input.minutes,
      amount: input.amount,
      status: "submitted",
      submitted_at: now,
      updated_at: now,
    });
  } else {
    milestoneId = uuidv7();
    await store.insertMilestone(db, {
      id: milestoneId,
      workspace_id: actor.workspaceId,
      contract_id: contract.id,
      kind: input.kind,
      position: await store.nextMilestonePosition(db, actor.workspaceId, contract.id),
      title: input.title,
      deliverable: input.deliverable,
      due_date: null,
      period: input.period,
      minutes: input.minutes,
      amount: input.amount,
      status: "submitted",
      submitted_at: now,
      accepted_at: null,
      released_at: null,
      created_at: now,
      updated_at: now,
    });
  }
  await insertSubmission(db, {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    contract_id: contract.id,
    milestone_id: milestoneId,
    note: input.note,
    links: JSON.stringify(input.links),
    submitted_by: actor.userId,
    submitted_at: now,
    decision: null,
    feedback: null,
    decided_by: null,
    decided_at: null,
  });
  return milestoneId;
}
