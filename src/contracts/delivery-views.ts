import type { DeliveryMilestone, Submission } from "./delivery-schema.ts";
import type { NamedSubmissionRow } from "./delivery-store.ts";
import type { MilestoneRow } from "./store.ts";

export function submissionView(row: NamedSubmissionRow): Submission {
  return {
    id: row.id,
    note: row.note,
    links: JSON.parse(row.links) as string[],
    submittedAt: Number(row.submitted_at),
    submittedByName: row.submitted_by_name,
    decision: row.decision,
    feedback: row.feedback,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    decidedByName: row.decided_by_name,
  };
}

const instant = (value: number | null) => (value === null ? null : Number(value));

export function milestoneView(
  row: MilestoneRow,
  currency: string,
  facts: {
    latest: NamedSubmissionRow | undefined;
    escrowCovered: number;
    released: number | null;
  },
): DeliveryMilestone {
  return {
    id: row.id,
    contractId: row.contract_id,
    kind: row.kind,
    position: row.position,
    title: row.title,
    deliverable: row.deliverable,
    dueDate: row.due_date,
    period: row.period,
    minutes: row.minutes,
    amount: Number(row.amount),
    currency,
    status: row.status,
    submittedAt: instant(row.submitted_at),
    acceptedAt: instant(row.accepted_at),
    releasedAt: instant(row.released_at),
    latestSubmission: facts.latest ? submissionView(facts.latest) : null,
    money: { escrowCovered: facts.escrowCovered, released: facts.released },
  };
}
