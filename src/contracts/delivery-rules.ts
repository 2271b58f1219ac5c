import type { ContractStatus } from "./schema.ts";
import type { MilestoneKind, MilestoneStatus } from "../db/tables.ts";

/**
 * Delivery: the contractor hands in work, the owner or manager accepts it or sends it back
 * with feedback, and only accepted work is released for payment. Pure.
 */

/** Feedback on work sent back says enough to act on. */
export const MIN_SEND_BACK_FEEDBACK = 10;

/** What the send-back box starts with, so feedback is specific and constructive. */
export const FEEDBACK_TEMPLATE = "What worked: …\nWhat to change: …\nBy when: …";

export type Refusal =
  | { kind: "rule"; code: string; message: string }
  | { kind: "conflict"; code: string; message: string };

const statusWords: Record<MilestoneStatus, string> = {
  open: "not handed in yet",
  submitted: "waiting for review",
  sent_back: "sent back for changes",
  accepted: "already accepted",
  released: "already accepted and paid",
};

/** Why the contractor may not hand in this milestone now, or null when they may. */
export function submitRefusal(
  contractStatus: ContractStatus,
  milestone: { kind: MilestoneKind; status: MilestoneStatus },
): Refusal | null {
  if (contractStatus !== "active") {
    return {
      kind: "rule",
      code: "milestone.contract_not_active",
      message: "Work is handed in on an active contract",
    };
  }
  if (milestone.kind !== "milestone") {
    return {
      kind: "rule",
      code: "milestone.submit_elsewhere",
      message:
        milestone.kind === "timesheet"
          ? "A week's time is handed in from the timesheet"
          : "A retainer month is handed in from the retainer",
    };
  }
  if (milestone.status !== "open" && milestone.status !== "sent_back") {
    return {
      kind: "conflict",
      code: "milestone.not_open",
      message: `This milestone is ${statusWords[milestone.status]}`,
    };
  }
  return null;
}

/** Why handed-in work cannot be accepted or sent back now, or null when it can. */
export function reviewRefusal(status: MilestoneStatus): Refusal | null {
  if (status === "submitted") return null;
  return {
    kind: "conflict",
    code: "milestone.not_submitted",
    message: `Only work waiting for review is accepted or sent back; this is ${statusWords[status]}`,
  };
}

/** Money is released only for accepted work, and only once. */
export function releaseRefusal(status: MilestoneStatus): Refusal | null {
  if (status === "accepted") return null;
  if (status === "released") {
    return {
      kind: "conflict",
      code: "payment.already_released",
      message: "This work was already paid",
    };
  }
  return {
    kind: "rule",
    code: "payment.not_accepted",
    message: "Only accepted work is paid; review and accept it first",
  };
}

/**
 * How much of each unpaid milestone the contract's escrow covers, in the contract's order:
 * escrow is one pot per contract, so it covers the earliest unpaid work first.
 */
export function escrowCoverage(
  milestones: readonly { id: string; amount: number; status: MilestoneStatus }[],
  escrowHeld: number,
): Map<string, number> {
  const covered = new Map<string, number>();
  let left = Math.max(0, escrowHeld);
  for (const milestone of milestones) {
    if (milestone.status === "released") continue;
    const share = Math.min(milestone.amount, left);
    covered.set(milestone.id, share);
    left -= share;
  }
  return covered;
}

/** Accepted work not yet paid: what the owner still has to release. */
export function awaitingRelease(
  milestones: readonly { amount: number; status: MilestoneStatus }[],
): number {
  return milestones
    .filter((milestone) => milestone.status === "accepted")
    .reduce((total, milestone) => total + milestone.amount, 0);
}
