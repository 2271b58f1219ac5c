import { contractValue, type ValuedTerms } from "./rules.ts";
import type {
  Acceptance,
  Contract,
  ContractSummary,
  GuardFlag,
  Payment,
  PlannedMilestone,
} from "./schema.ts";
import type { AcceptanceRow, ContractRow, PricedMilestoneRow } from "./store.ts";

/** Everything a contract's view needs besides its own row, read once for a page of rows. */
export interface ContractFacts {
  contractors: ReadonlyMap<string, { name: string; email: string }>;
  areas: ReadonlyMap<string, string>;
  procedures: ReadonlyMap<string, readonly { id: string; title: string }[]>;
  /** Each contract's planned (fixed-price) milestones, in order. */
  planned: ReadonlyMap<string, readonly PricedMilestoneRow[]>;
  acceptances: ReadonlyMap<string, AcceptanceRow>;
}

/** Who is looking: a contractor never sees the owner's guard flags or reason. */
export type Audience = "staff" | "contractor";

export function listAmountOf(row: PricedMilestoneRow): number {
  return row.list_amount ?? row.amount;
}

export function paymentOf(row: ContractRow, planned: readonly PricedMilestoneRow[]): Payment {
  if (row.payment_kind === "hourly") {
    return {
      kind: "hourly",
      hourlyRate: row.hourly_rate ?? 0,
      weeklyCapMinutes: row.weekly_cap_minutes ?? 0,
    };
  }
  if (row.payment_kind === "retainer") {
    return { kind: "retainer", monthlyAmount: row.retainer_amount ?? 0 };
  }
  return {
    kind: "fixed",
    total: row.total_amount ?? 0,
    milestones: planned.map((milestone) => ({
      title: milestone.title,
      deliverable: milestone.deliverable,
      dueDate: milestone.due_date ?? row.start_date,
      amount: listAmountOf(milestone),
    })),
  };
}

export function discountOf(row: ContractRow) {
  return row.discount_after !== null && row.discount_basis_points !== null
    ? { after: row.discount_after, basisPoints: row.discount_basis_points }
    : null;
}

/** The terms the contract's value is reckoned from: planned milestones at what they pay. */
export function valuedTerms(row: ContractRow, planned: readonly PricedMilestoneRow[]): ValuedTerms {
  const payment = paymentOf(row, planned);
  return {
    startDate: row.start_date,
    endDate: row.end_date,
    currency: row.currency,
    volumeDiscount: discountOf(row),
    payment:
      payment.kind === "fixed"
        ? { kind: "fixed", milestones: planned.map((milestone) => ({ amount: milestone.amount })) }
        : payment,
  };
}

export function plannedView(row: PricedMilestoneRow): PlannedMilestone {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    deliverable: row.deliverable,
    dueDate: row.due_date,
    amount: row.amount,
    listAmount: listAmountOf(row),
    status: row.status,
  };
}

export function acceptanceView(row: AcceptanceRow): Acceptance {
  return {
    typedName: row.typed_name,
    acceptedAt: row.accepted_at,
    version: row.version,
    textHash: row.text_hash,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

export function storedFlags(row: ContractRow): GuardFlag[] {
  return JSON.parse(row.guard_flags) as GuardFlag[];
}

function commonView(row: ContractRow, facts: ContractFacts) {
  const planned = facts.planned.get(row.id) ?? [];
  const value = contractValue(valuedTerms(row, planned));
  return {
    id: row.id,
    contractorId: row.contractor_id,
    contractorName: facts.contractors.get(row.contractor_id)?.name ?? "",
    areaId: row.area_id,
    areaName: row.area_id === null ? null : (facts.areas.get(row.area_id) ?? null),
    title: row.title,
    startDate: row.start_date,
    endDate: row.end_date,
    currency: row.currency,
    status: row.status,
    version: row.version,
    value: value.amount,
    valueNote: value.note,
    sentAt: row.sent_at,
    acceptedAt: row.accepted_at,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function summaryView(
  row: ContractRow,
  facts: ContractFacts,
  audience: Audience,
): ContractSummary {
  return {
    ...commonView(row, facts),
    paymentKind: row.payment_kind,
    guardFlagCount: audience === "staff" ? storedFlags(row).length : 0,
  };
}

export function contractView(row: ContractRow, facts: ContractFacts, audience: Audience): Contract {
  const planned = facts.planned.get(row.id) ?? [];
  const procedures = facts.procedures.get(row.id) ?? [];
  const acceptance = facts.acceptances.get(row.id);
  return {
    ...commonView(row, facts),
    scope: row.scope,
    deliverables: row.deliverables,
    workOwnership: row.work_ownership,
    confidentiality: row.confidentiality,
    reportCadence: row.report_cadence,
    noticeDays: row.notice_days,
    procedureIds: procedures.map((procedure) => procedure.id),
    procedures: [...procedures],
    payment: paymentOf(row, planned),
    volumeDiscount: discountOf(row),
    guardFlags: audience === "staff" ? storedFlags(row) : [],
    guardReason: audience === "staff" ? row.guard_reason : null,
    endReason: row.end_reason,
    acceptance: acceptance ? acceptanceView(acceptance) : null,
    milestones: planned.map(plannedView),
  };
}
