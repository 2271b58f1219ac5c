import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import { formatExpiry } from "../auth/emails.ts";
import { can, type Actor } from "../auth/rules.ts";
import type { Client } from "../auth/service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound, RuleViolation, type FieldProblems } from "../errors.ts";
import { queueEmail } from "../notify/service.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { rateToMillionths } from "../people/rules.ts";
import { getSettings as getPeopleSettings } from "../people/service.ts";
import { countOf } from "../words.ts";
import { contractFor } from "./access.ts";
import { documentBlocks } from "./blocks.ts";
import { contractDocument, documentHash, singleLine, type DocumentFacts } from "./document.ts";
import { contractAcceptedEmail, contractSentEmail } from "./emails.ts";
import { contractPdf } from "./pdf.ts";
import {
  afterEdit,
  contractValue,
  discountedToNothing,
  guardFlags,
  plannedAmounts,
  reasonRequired,
  refusal,
  sameFlags,
  sameName,
  samePlan,
  workOutstanding,
  type ContractStep,
  type GuardQuestion,
} from "./rules.ts";
import {
  DEFAULT_HUGE_CONTRACT_AMOUNT,
  DEFAULT_MAX_SHARE_BASIS_POINTS,
  MIN_GUARD_REASON,
  type Contract,
  type ContractDocument,
  type ContractFilter,
  type ContractInput,
  type ContractSettings,
  type ContractSummary,
  type ContractStatus,
  type ContractUpdate,
  type Guard,
  type GuardFlag,
} from "./schema.ts";
import * as store from "./store.ts";
import {
  contractView,
  discountOf,
  listAmountOf,
  storedFlags,
  summaryView,
  valuedTerms,
  type Audience,
  type ContractFacts,
} from "./views.ts";

type Db = AppContext["db"];

/**
 * Contracts: drafting, sending past the huge-project guard, the contractor's acceptance of
 * the exact text, completing or ending, and the document as text and PDF.
 */

function refuse(step: ContractStep, status: ContractStatus): void {
  const refused = refusal(step, status);
  if (refused) throw new RuleViolation(refused.code, refused.message);
}

function audienceOf(actor: Actor): Audience {
  return actor.role === "contractor" ? "contractor" : "staff";
}

function appLink(ctx: AppContext, path: string): string {
  return new URL(path, ctx.config.publicUrl).toString();
}

// Settings.

async function ensureSettings(ctx: AppContext, workspaceId: string) {
  const existing = await store.findSettings(ctx.db, workspaceId);
  if (existing) return existing;
  const row = {
    workspace_id: workspaceId,
    huge_contract_amount: DEFAULT_HUGE_CONTRACT_AMOUNT,
    max_share_basis_points: DEFAULT_MAX_SHARE_BASIS_POINTS,
    updated_at: ctx.now(),
  };
  await store.insertSettingsIfMissing(ctx.db, row);
  return (await store.findSettings(ctx.db, workspaceId)) ?? row;
}

async function requireWorkspace(db: Db, workspaceId: string) {
  const workspace = await store.findWorkspace(db, workspaceId);
  if (!workspace) throw new NotFound("not_found", "Workspace not found");
  return workspace;
}

export async function getContractSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<ContractSettings> {
  authorize(actor, "contracts.read");
  const [row, workspace] = await Promise.all([
    ensureSettings(ctx, actor.workspaceId),
    requireWorkspace(ctx.db, actor.workspaceId),
  ]);
  return {
    hugeContractAmount: row.huge_contract_amount,
    maxShareBasisPoints: row.max_share_basis_points,
    currency: workspace.currency,
  };
}

export async function updateContractSettings(
  ctx: AppContext,
  actor: Actor,
  input: { hugeContractAmount: number; maxShareBasisPoints: number },
): Promise<ContractSettings> {
  authorize(actor, "contracts.settings");
  await ensureSettings(ctx, actor.workspaceId);
  await store.updateSettings(ctx.db, actor.workspaceId, {
    huge_contract_amount: input.hugeContractAmount,
    max_share_basis_points: input.maxShareBasisPoints,
    updated_at: ctx.now(),
  });
  return getContractSettings(ctx, actor);
}

// Reading contracts with the names they refer to.

async function factsFor(
  db: Db,
  workspaceId: string,
  rows: readonly store.ContractRow[],
): Promise<ContractFacts> {
  const ids = rows.map((row) => row.id);
  const [contractors, areas, links, planned, acceptances] = await Promise.all([
    store.contractorsById(db, workspaceId, [...new Set(rows.map((row) => row.contractor_id))]),
    store.areasById(db, workspaceId, [
      ...new Set(rows.flatMap((row) => (row.area_id ? [row.area_id] : []))),
    ]),
    store.listProcedureLinks(db, workspaceId, ids),
    store.listMilestones(db, workspaceId, ids, "milestone"),
    store.latestAcceptances(db, workspaceId, ids),
  ]);
  const titles = await store.proceduresById(db, workspaceId, [
    ...new Set(links.map((link) => link.sop_id)),
  ]);
  const group = <T extends { contract_id: string }, V>(
    items: readonly T[],
    view: (item: T) => V,
  ) => {
    const grouped = new Map<string, V[]>();
    for (const item of items) {
      grouped.set(item.contract_id, [...(grouped.get(item.contract_id) ?? []), view(item)]);
    }
    return grouped;
  };
  return {
    contractors: new Map(contractors.map((c) => [c.id, { name: c.name, email: c.email }])),
    areas: new Map(areas.map((area) => [area.id, area.name])),
    procedures: group(links, (link) => ({ id: link.sop_id, title: titles.get(link.sop_id) ?? "" })),
    planned: group(planned, (milestone) => milestone),
    acceptances,
  };
}

async function viewOf(ctx: AppContext, actor: Actor, row: store.ContractRow): Promise<Contract> {
  return contractView(row, await factsFor(ctx.db, actor.workspaceId, [row]), audienceOf(actor));
}

export async function listContracts(
  ctx: AppContext,
  actor: Actor,
  filter: ContractFilter = {},
): Promise<ContractSummary[]> {
  let rows: store.ContractRow[];
  if (can(actor, "contracts.read")) {
    rows = await store.listContracts(ctx.db, actor.workspaceId, filter);
  } else {
    authorize(actor, "contracts.respond");
    const own = await ownContractorId(ctx, actor);
    rows = own
      ? await store.listContracts(ctx.db, actor.workspaceId, {
          status: filter.status,
          contractorId: own,
          withoutDrafts: true,
        })
      : [];
  }
  const facts = await factsFor(ctx.db, actor.workspaceId, rows);
  return rows.map((row) => summaryView(row, facts, audienceOf(actor)));
}

export async function getContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<Contract> {
  return viewOf(ctx, actor, await contractFor(ctx, actor, contractId, "read"));
}

// Writing a draft or a sent contract.

/** The people, area and procedures the input names must be this workspace's. */
async function checkReferences(db: Db, workspaceId: string, input: ContractInput): Promise<void> {
  const [contractors, areas, procedures] = await Promise.all([
    store.contractorsById(db, workspaceId, [input.contractorId]),
    store.areasById(db, workspaceId, input.areaId ? [input.areaId] : []),
    store.proceduresById(db, workspaceId, input.procedureIds),
  ]);
  const problems: FieldProblems = {};
  if (contractors.length === 0) problems.contractorId = "Choose a person from the directory";
  if (input.areaId && areas.length === 0) problems.areaId = "Choose an area from the task audit";
  const missing = input.procedureIds.findIndex((id) => !procedures.has(id));
  if (missing >= 0) problems[`procedureIds.${missing}`] = "No such procedure in this workspace";
  if (Object.keys(problems).length > 0) {
    throw new Invalid("contract.unknown_reference", "Some fields need attention", problems);
  }
}

/** A volume discount may lower what is paid, never to nothing. */
function checkDiscount(input: ContractInput): void {
  const field = discountedToNothing(input.payment, input.volumeDiscount);
  if (field) {
    throw new Invalid("contract.discounted_to_nothing", "The discount leaves nothing to pay", {
      [field]:
        "After the volume discount this pays nothing: lower the discount or raise the amount",
    });
  }
}

type TermsColumns = Omit<
  store.ContractRow,
  | "id"
  | "workspace_id"
  | "status"
  | "version"
  | "guard_flags"
  | "guard_reason"
  | "end_reason"
  | "sent_at"
  | "accepted_at"
  | "finished_at"
  | "created_by"
  | "created_at"
  | "updated_at"
>;

function termsColumns(input: ContractInput, currency: string): TermsColumns {
  const { payment } = input;
  return {
    contractor_id: input.contractorId,
    area_id: input.areaId,
    title: input.title,
    scope: input.scope,
    deliverables: input.deliverables,
    start_date: input.startDate,
    end_date: input.endDate,
    work_ownership: input.workOwnership,
    confidentiality: input.confidentiality,
    report_cadence: input.reportCadence,
    notice_days: input.noticeDays,
    payment_kind: payment.kind,
    currency,
    total_amount: payment.kind === "fixed" ? payment.total : null,
    hourly_rate: payment.kind === "hourly" ? payment.hourlyRate : null,
    weekly_cap_minutes: payment.kind === "hourly" ? payment.weeklyCapMinutes : null,
    retainer_amount: payment.kind === "retainer" ? payment.monthlyAmount : null,
    discount_after: input.volumeDiscount?.after ?? null,
    discount_basis_points: input.volumeDiscount?.basisPoints ?? null,
  };
}

function plannedRows(
  workspaceId: string,
  contractId: string,
  input: ContractInput,
  now: number,
): store.PricedMilestoneRow[] {
  if (input.payment.kind !== "fixed") return [];
  const { milestones } = input.payment;
  const amounts = plannedAmounts(milestones, input.volumeDiscount);
  return milestones.map((milestone, position) => ({
    id: uuidv7(),
    workspace_id: workspaceId,
    contract_id: contractId,
    kind: "milestone",
    position,
    title: milestone.title,
    deliverable: milestone.deliverable,
    due_date: milestone.dueDate,
    period: null,
    minutes: null,
    amount: amounts[position]!.amount,
    list_amount: amounts[position]!.listAmount,
    status: "open",
    submitted_at: null,
    accepted_at: null,
    released_at: null,
    created_at: now,
    updated_at: now,
  }));
}

/**
 * Writes a new contract (seen: null) or changes one still where it was seen. Planned
 * milestones given as null stay as they are.
 */
async function writeTerms(
  db: Db,
  row: store.ContractRow,
  input: ContractInput,
  planned: readonly store.PricedMilestoneRow[] | null,
  seen: store.SeenAt | null,
): Promise<void> {
  if (!seen) {
    await store.insertContract(db, row);
  } else {
    const { id: _id, workspace_id: _ws, created_by: _by, created_at: _at, ...changes } = row;
    if (!(await store.updateContract(db, row.workspace_id, row.id, seen, changes))) {
      throw new Conflict("contract.moved", "Someone else changed this contract just now");
    }
  }
  await store.replaceProcedureLinks(
    db,
    row.workspace_id,
    row.id,
    input.procedureIds.map((sopId) => ({ id: uuidv7(), sopId })),
  );
  if (planned) await store.replacePlannedMilestones(db, row.workspace_id, row.id, planned);
}

export async function createContract(
  ctx: AppContext,
  actor: Actor,
  input: ContractInput,
): Promise<Contract> {
  authorize(actor, "contracts.manage");
  checkDiscount(input);
  await checkReferences(ctx.db, actor.workspaceId, input);
  const workspace = await requireWorkspace(ctx.db, actor.workspaceId);
  const now = ctx.now();
  const id = uuidv7();
  const row: store.ContractRow = {
    id,
    workspace_id: actor.workspaceId,
    ...termsColumns(input, input.currency ?? workspace.currency),
    status: "draft",
    version: 1,
    guard_flags: "[]",
    guard_reason: null,
    end_reason: null,
    sent_at: null,
    accepted_at: null,
    finished_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  const planned = plannedRows(actor.workspaceId, id, input, now);
  await ctx.db.transaction().execute((trx) => writeTerms(trx, row, input, planned, null));
  return getContract(ctx, actor, id);
}

/**
 * Changes a draft, or a sent contract before it is accepted. A sent one whose text changes
 * gets a new version the contractor must accept again, and is weighed by the guard again.
 */
export async function updateContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: ContractUpdate,
): Promise<Contract> {
  const current = await contractFor(ctx, actor, contractId, "manage");
  refuse("edit", current.status);
  if (current.status === "sent" && input.contractorId !== current.contractor_id) {
    throw new RuleViolation(
      "contract.contractor_fixed",
      "A sent contract stays with the person it was sent to",
      { contractorId: "End this contract and write a new one for someone else" },
    );
  }
  checkDiscount(input);
  await checkReferences(ctx.db, actor.workspaceId, input);
  const workspace = await requireWorkspace(ctx.db, actor.workspaceId);
  const now = ctx.now();
  const changed: store.ContractRow = {
    ...current,
    ...termsColumns(input, input.currency ?? workspace.currency),
    updated_at: now,
  };
  const planned = plannedRows(actor.workspaceId, contractId, input, now);
  const sent = current.status === "sent";
  let next = changed;
  if (sent) {
    const before = await factsFor(ctx.db, actor.workspaceId, [current]);
    const after = await factsWith(ctx, actor, changed, planned, input.procedureIds);
    const textChanged =
      (await documentText(ctx.db, current, before)) !==
      (await documentText(ctx.db, changed, after));
    const { flags } = await weigh(ctx, actor, changed, after);
    // A reason answers the flags it was written for; other flags need the owner's fresh reason.
    const carried = sameFlags(storedFlags(current), flags) ? current.guard_reason : null;
    const reason = input.guardReason?.trim() || carried || undefined;
    if (reasonRequired(flags, reason)) throw reasonNeeded(flags);
    next = {
      ...changed,
      version: textChanged ? afterEdit(current.status, current.version) : current.version,
      guard_flags: JSON.stringify(flags),
      guard_reason: reason ?? null,
    };
  }
  const emailed = await ctx.db.transaction().execute(async (trx) => {
    const plan = await planToWrite(trx, current, next, planned);
    await writeTerms(trx, next, input, plan, { status: current.status, version: current.version });
    if (!sent || next.version === current.version) return false;
    return emailContractor(ctx, trx, next, true);
  });
  if (emailed) ctx.wakeMail();
  return getContract(ctx, actor, contractId);
}

/**
 * Money the ledger holds against a contract pins what it was for: its currency, and the
 * planned milestones escrow names. The plan to write, or null to keep the current one when
 * it is unchanged, so its milestones, and the money naming them, stay as they are.
 */
async function planToWrite(
  trx: Db,
  current: store.ContractRow,
  next: store.ContractRow,
  planned: readonly store.PricedMilestoneRow[],
): Promise<readonly store.PricedMilestoneRow[] | null> {
  const [hold, plan] = await Promise.all([
    store.ledgerHoldOnContract(trx, current.workspace_id, current.id),
    store.listMilestones(trx, current.workspace_id, [current.id], "milestone"),
  ]);
  if (hold.transactions > 0 && next.currency !== current.currency) {
    throw new Conflict(
      "contract.currency_locked",
      `Money has already moved on this contract in ${current.currency}, so its currency stays`,
      { currency: `Keep ${current.currency}, or end this contract and write a new one` },
    );
  }
  if (samePlan(plan, planned)) return null;
  if (plan.some((milestone) => hold.milestoneIds.has(milestone.id))) {
    throw new Conflict(
      "contract.milestone_funded",
      "Money in escrow is meant for a milestone of this contract, so its milestones stay as they are",
      { "payment.milestones": "Keep the milestones, or refund the escrow first" },
    );
  }
  return planned;
}

/** Facts for a contract that is not written yet: its planned milestones and procedures as given. */
async function factsWith(
  ctx: AppContext,
  actor: Actor,
  row: store.ContractRow,
  planned: readonly store.PricedMilestoneRow[],
  procedureIds: readonly string[],
): Promise<ContractFacts> {
  const facts = await factsFor(ctx.db, actor.workspaceId, [row]);
  const titles = await store.proceduresById(ctx.db, actor.workspaceId, procedureIds);
  return {
    ...facts,
    planned: new Map([[row.id, planned]]),
    procedures: new Map([
      [row.id, procedureIds.map((id) => ({ id, title: titles.get(id) ?? "" }))],
    ]),
  };
}

export async function deleteContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<void> {
  const row = await contractFor(ctx, actor, contractId, "manage");
  refuse("delete", row.status);
  await ctx.db
    .transaction()
    .execute((trx) => store.deleteDraft(trx, actor.workspaceId, contractId));
}

// The huge-project guard.

function weighed(item: store.ContractRow, planned: readonly store.PricedMilestoneRow[]) {
  return {
    id: item.id,
    contractorId: item.contractor_id,
    areaId: item.area_id,
    currency: item.currency,
    value: contractValue(valuedTerms(item, planned)).amount,
  };
}

/**
 * The sent and active contracts with their values, and the limits and exchange rates they
 * are weighed by: what the guard reads before a contract goes out, and the concentration
 * guardrail reads at any time.
 */
export async function openContractWeights(
  ctx: AppContext,
  actor: Actor,
): Promise<Omit<GuardQuestion, "contract">> {
  authorize(actor, "contracts.read");
  const [settings, people, open] = await Promise.all([
    ensureSettings(ctx, actor.workspaceId),
    getPeopleSettings(ctx, actor),
    store.listContracts(ctx.db, actor.workspaceId, { statuses: ["sent", "active"] }),
  ]);
  const openPlanned = await store.listMilestones(
    ctx.db,
    actor.workspaceId,
    open.map((item) => item.id),
    "milestone",
  );
  return {
    open: open.map((item) =>
      weighed(
        item,
        openPlanned.filter((milestone) => milestone.contract_id === item.id),
      ),
    ),
    settings: {
      hugeContractAmount: settings.huge_contract_amount,
      maxShareBasisPoints: settings.max_share_basis_points,
    },
    workspaceCurrency: people.workspaceCurrency,
    rates: Object.fromEntries(
      people.exchangeRates.map((rate) => [rate.currency, rateToMillionths(rate.rate)]),
    ),
  };
}

async function weigh(
  ctx: AppContext,
  actor: Actor,
  row: store.ContractRow,
  facts: ContractFacts,
): Promise<{ flags: GuardFlag[]; value: number | null; currency: string }> {
  const weights = await openContractWeights(ctx, actor);
  const planned = facts.planned.get(row.id) ?? [];
  const value = contractValue(valuedTerms(row, planned));
  const result = guardFlags({
    ...weights,
    contract: {
      ...weighed(row, planned),
      contractorName: facts.contractors.get(row.contractor_id)?.name ?? "This person",
      areaName: row.area_id ? (facts.areas.get(row.area_id) ?? null) : null,
      valueNote: value.note,
    },
  });
  return { ...result, currency: weights.workspaceCurrency };
}

function reasonNeeded(flags: readonly GuardFlag[]): RuleViolation {
  return new RuleViolation(
    "contract.guard_reason_required",
    `${flags.map((flag) => flag.message).join(" ")} To go on anyway, write down why.`,
    { guardReason: `Write why you go on anyway, in at least ${MIN_GUARD_REASON} characters` },
  );
}

export async function previewGuard(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<Guard> {
  const row = await contractFor(ctx, actor, contractId, "manage");
  return weigh(ctx, actor, row, await factsFor(ctx.db, actor.workspaceId, [row]));
}

// Sending, accepting, completing and ending.

async function emailContractor(
  ctx: AppContext,
  trx: Db,
  row: store.ContractRow,
  changed: boolean,
): Promise<boolean> {
  const [contractor] = await store.contractorsById(trx, row.workspace_id, [row.contractor_id]);
  const [workspace, owner] = await Promise.all([
    requireWorkspace(trx, row.workspace_id),
    store.findOwner(trx, row.workspace_id),
  ]);
  if (!contractor) return false;
  return queueEmail(ctx, trx, {
    workspaceId: row.workspace_id,
    to: contractor.email,
    ...contractSentEmail({
      contractorName: contractor.name,
      ownerName: owner?.name ?? workspace.name,
      workspaceName: workspace.name,
      title: row.title,
      link: appLink(ctx, `/portal/contracts/${row.id}`),
      changed,
    }),
  });
}

export async function sendContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: { guardReason?: string | undefined },
): Promise<Contract> {
  const row = await contractFor(ctx, actor, contractId, "manage");
  refuse("send", row.status);
  const { flags } = await weigh(ctx, actor, row, await factsFor(ctx.db, actor.workspaceId, [row]));
  const reason = input.guardReason?.trim() || undefined;
  if (reasonRequired(flags, reason)) throw reasonNeeded(flags);
  const now = ctx.now();
  const emailed = await ctx.db.transaction().execute(async (trx) => {
    const moved = await store.moveContract(trx, actor.workspaceId, contractId, "draft", {
      status: "sent",
      guard_flags: JSON.stringify(flags),
      guard_reason: reason ?? null,
      sent_at: now,
      updated_at: now,
    });
    if (!moved) throw new Conflict("contract.moved", "Someone else changed this contract just now");
    return emailContractor(ctx, trx, row, false);
  });
  if (emailed) ctx.wakeMail();
  return getContract(ctx, actor, contractId);
}

export async function acceptContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: { typedName: string; textHash: string },
  client: Client,
): Promise<Contract> {
  await contractFor(ctx, actor, contractId, "respond");
  const now = ctx.now();
  const emailed = await ctx.db.transaction().execute(async (trx) => {
    // Read again here and move only the version read: the text hashed is the text accepted,
    // even when the owner edits at the same moment.
    const row = await store.findContract(trx, actor.workspaceId, contractId);
    if (!row) throw new NotFound("not_found", "Contract not found");
    refuse("accept", row.status);
    const facts = await factsFor(trx, actor.workspaceId, [row]);
    const name = facts.contractors.get(row.contractor_id)?.name ?? "";
    if (!sameName(input.typedName, name)) {
      throw new Invalid("contract.name_mismatch", "Type your name as the contract gives it", {
        typedName: `Type your full name as the contract gives it: ${name}`,
      });
    }
    const text = await documentText(trx, row, facts);
    const textHash = documentHash(text);
    if (input.textHash !== textHash) {
      throw new Conflict(
        "contract.changed",
        "The contract changed after you opened it. Read the new version, then accept that.",
      );
    }
    const moved = await store.moveContract(
      trx,
      actor.workspaceId,
      contractId,
      { status: "sent", version: row.version },
      { status: "active", accepted_at: now, updated_at: now },
    );
    if (!moved) throw new Conflict("contract.moved", "This contract changed just now");
    await store.insertAcceptance(trx, {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      contract_id: contractId,
      version: row.version,
      user_id: actor.userId,
      typed_name: input.typedName.trim().replace(/\s+/g, " "),
      document: text,
      text_hash: textHash,
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 500),
      accepted_at: now,
    });
    const owner = await store.findOwner(trx, actor.workspaceId);
    if (!owner) return false;
    return queueEmail(ctx, trx, {
      workspaceId: actor.workspaceId,
      to: owner.email,
      ...contractAcceptedEmail({
        ownerName: owner.name,
        contractorName: name,
        title: row.title,
        version: row.version,
        acceptedOn: formatExpiry(now, owner.time_zone),
        link: appLink(ctx, `/contracts/${row.id}`),
      }),
    });
  });
  if (emailed) ctx.wakeMail();
  return getContract(ctx, actor, contractId);
}

export async function completeContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<Contract> {
  const row = await contractFor(ctx, actor, contractId, "manage");
  refuse("complete", row.status);
  const outstanding = workOutstanding(
    await store.listMilestones(ctx.db, actor.workspaceId, [contractId]),
  );
  if (outstanding > 0) {
    throw new RuleViolation(
      "contract.work_outstanding",
      `${countOf(outstanding, "milestone")} of this contract ${outstanding === 1 ? "is" : "are"} not accepted and paid yet`,
    );
  }
  const now = ctx.now();
  const moved = await store.moveContract(ctx.db, actor.workspaceId, contractId, "active", {
    status: "completed",
    finished_at: now,
    updated_at: now,
  });
  if (!moved) throw new Conflict("contract.moved", "Someone else changed this contract just now");
  return getContract(ctx, actor, contractId);
}

export async function endContract(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: { reason: string },
): Promise<Contract> {
  const row = await contractFor(ctx, actor, contractId, "manage");
  refuse("end", row.status);
  const now = ctx.now();
  const moved = await store.moveContract(ctx.db, actor.workspaceId, contractId, row.status, {
    status: "ended",
    end_reason: input.reason,
    finished_at: now,
    updated_at: now,
  });
  if (!moved) throw new Conflict("contract.moved", "Someone else changed this contract just now");
  return getContract(ctx, actor, contractId);
}

// The document.

async function documentFacts(
  db: Db,
  row: store.ContractRow,
  facts: ContractFacts,
): Promise<DocumentFacts> {
  const [workspace, owner] = await Promise.all([
    requireWorkspace(db, row.workspace_id),
    store.findOwner(db, row.workspace_id),
  ]);
  const contractor = facts.contractors.get(row.contractor_id) ?? { name: "", email: "" };
  const planned = facts.planned.get(row.id) ?? [];
  const payment = valuedTerms(row, planned).payment;
  return {
    title: row.title,
    version: row.version,
    business: { name: workspace.name, ownerName: owner?.name ?? "" },
    contractor,
    scope: row.scope,
    deliverables: row.deliverables,
    procedures: (facts.procedures.get(row.id) ?? []).map((procedure) => procedure.title),
    startDate: row.start_date,
    endDate: row.end_date,
    currency: row.currency,
    payment:
      payment.kind === "fixed"
        ? {
            kind: "fixed",
            milestones: planned.map((milestone) => ({
              title: milestone.title,
              deliverable: milestone.deliverable,
              dueDate: milestone.due_date,
              listAmount: listAmountOf(milestone),
              amount: milestone.amount,
            })),
          }
        : payment,
    volumeDiscount: discountOf(row),
    workOwnership: row.work_ownership,
    confidentiality: row.confidentiality,
    reportCadence: row.report_cadence,
    noticeDays: row.notice_days,
  };
}

/** Once accepted, the document is the exact text accepted; before, it is made from the terms. */
async function documentText(db: Db, row: store.ContractRow, facts: ContractFacts): Promise<string> {
  const accepted = facts.acceptances.get(row.id);
  if (accepted && accepted.version === row.version) return accepted.document;
  return contractDocument(await documentFacts(db, row, facts));
}

export async function getDocument(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<ContractDocument> {
  const row = await contractFor(ctx, actor, contractId, "read");
  const text = await documentText(ctx.db, row, await factsFor(ctx.db, actor.workspaceId, [row]));
  return { text, textHash: documentHash(text), version: row.version, blocks: documentBlocks(text) };
}

export async function getDocumentPdf(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const row = await contractFor(ctx, actor, contractId, "read");
  const facts = await factsFor(ctx.db, actor.workspaceId, [row]);
  const text = await documentText(ctx.db, row, facts);
  const acceptance = facts.acceptances.get(row.id);
  const workspace = await requireWorkspace(ctx.db, row.workspace_id);
  const pdf = await contractPdf({
    title: singleLine(row.title),
    blocks: documentBlocks(text),
    textHash: documentHash(text),
    version: row.version,
    acceptance:
      acceptance && acceptance.version === row.version
        ? {
            typedName: acceptance.typed_name,
            acceptedOn: formatExpiry(acceptance.accepted_at, workspace.time_zone),
            ip: acceptance.ip,
            textHash: acceptance.text_hash,
          }
        : null,
  });
  const slug = row.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return { fileName: `contract-${slug || "document"}-v${row.version}.pdf`, pdf };
}
