import type { Transaction } from "kysely";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import { contractFor } from "../contracts/access.ts";
import type { ContractRow } from "../contracts/store.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/tables.ts";
import { Conflict, Invalid, NotFound, RuleViolation } from "../errors.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { withIdempotency, type IdempotentRequest } from "../http/idempotency.ts";
import { formatMoney } from "../money/amount.ts";
import { getContractor } from "../people/service.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { dateOf, monthOf } from "../time/calendar.ts";
import {
  accounts,
  bonusEntries,
  fundEntries,
  monthWindow,
  mustStayCovered,
  payoutEntries,
  refundEntries,
  releaseEntries,
  reversalEntries,
  reversibleKinds,
  spendInMonth,
  type AccountRef,
  type EntryLine,
} from "./rules.ts";
import {
  contractorVisibleKinds,
  type BonusInput,
  type ContractMoney,
  type EscrowFundInput,
  type EscrowRefundInput,
  type LedgerTransaction,
  type PaymentsFilter,
  type PaymentsPage,
  type PaymentsSummary,
  type PayoutInput,
  type PersonTotals,
  type ReverseInput,
} from "./schema.ts";
import * as store from "./store.ts";
import { transactionView } from "./views.ts";

type Trx = Transaction<Database>;

/**
 * Payments: escrow in and out, payouts, bonuses and their reversals, and what is held, owed
 * and paid. Money is released only through accepted work (see the contracts area's
 * delivery service, which calls `postRelease` here); there is no advance payment.
 */

/** Contracts escrow may be funded for: sent (waiting for acceptance) or running. */
const fundableStatuses: readonly ContractRow["status"][] = ["sent", "active"];

function requireContractCurrency(contract: ContractRow, currency: string): void {
  if (currency !== contract.currency) {
    throw new Invalid("payment.wrong_currency", `This contract is paid in ${contract.currency}`, {
      currency: `Use the contract's currency, ${contract.currency}`,
    });
  }
}

async function requireContractor(ctx: AppContext, actor: Actor, contractorId: string) {
  try {
    return await getContractor(ctx, actor, contractorId);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    throw new Invalid("payment.unknown_contractor", "That person is not in the directory", {
      contractorId: "Choose a person from the directory",
    });
  }
}

async function viewOf(db: AppContext["db"], actor: Actor, id: string): Promise<LedgerTransaction> {
  const row = await store.findTransaction(db, actor.workspaceId, id);
  if (!row) throw new NotFound("not_found", "Transaction not found");
  return transactionView(row, await store.entriesOf(db, actor.workspaceId, [id]), true);
}

/** The accounts a movement takes money from that must stay covered. */
function coveredTakes(entries: readonly EntryLine[]): EntryLine[] {
  return entries.filter((entry) => entry.amount < 0 && mustStayCovered(entry.account.kind));
}

/** Holds those accounts for the rest of the transaction, so their balances cannot move under us. */
async function holdTaken(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  currency: string,
  entries: readonly EntryLine[],
): Promise<void> {
  const taken = coveredTakes(entries).map((entry) => entry.account);
  await store.holdAccounts(trx, ctx.dbKind, actor.workspaceId, taken, currency, ctx.now());
}

/**
 * Refuses a movement that would take an account that must stay covered below zero; call it
 * once the accounts are held. `refusal` says which rule in the product's words.
 */
async function refuseUncovered(
  trx: Trx,
  actor: Actor,
  currency: string,
  entries: readonly EntryLine[],
  refusal: (account: AccountRef, balance: number) => RuleViolation,
): Promise<void> {
  for (const entry of coveredTakes(entries)) {
    const balance = await store.balanceOf(trx, actor.workspaceId, entry.account, currency);
    if (balance + entry.amount < 0) throw refusal(entry.account, balance);
  }
}

async function requireCovered(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  currency: string,
  entries: readonly EntryLine[],
  refusal: (account: AccountRef, balance: number) => RuleViolation,
): Promise<void> {
  await holdTaken(ctx, trx, actor, currency, entries);
  await refuseUncovered(trx, actor, currency, entries, refusal);
}

export async function fundEscrow(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: EscrowFundInput,
  request: IdempotentRequest,
): Promise<LedgerTransaction> {
  authorize(actor, "payments.manage");
  const contract = await contractFor(ctx, actor, contractId, "manage");
  if (!fundableStatuses.includes(contract.status)) {
    throw new RuleViolation(
      "payment.contract_not_open",
      "Escrow is funded for a contract that is sent or active",
    );
  }
  requireContractCurrency(contract, input.currency);
  const milestone = input.milestoneId
    ? await store.milestoneOfContract(ctx.db, actor.workspaceId, contract.id, input.milestoneId)
    : undefined;
  if (input.milestoneId && !milestone) {
    throw new Invalid("payment.unknown_milestone", "That milestone is not on this contract", {
      milestoneId: "Choose a milestone of this contract",
    });
  }
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const row = await store.postTransaction(trx, {
      workspaceId: actor.workspaceId,
      kind: "fund",
      currency: contract.currency,
      amount: input.amount,
      contractId: contract.id,
      milestoneId: milestone?.id ?? null,
      contractorId: contract.contractor_id,
      memo: milestone ? `Escrow for “${milestone.title}”` : "Escrow for the contract",
      createdBy: actor.userId,
      createdAt: ctx.now(),
      entries: fundEntries(contract.id, input.amount),
    });
    return viewOf(trx, actor, row.id);
  });
}

export async function refundEscrow(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  input: EscrowRefundInput,
  request: IdempotentRequest,
): Promise<LedgerTransaction> {
  authorize(actor, "payments.manage");
  const contract = await contractFor(ctx, actor, contractId, "manage");
  requireContractCurrency(contract, input.currency);
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const entries = refundEntries(contract.id, input.amount);
    await requireCovered(
      ctx,
      trx,
      actor,
      contract.currency,
      entries,
      (_account, held) =>
        new RuleViolation(
          "payment.exceeds_escrow",
          `Escrow holds ${formatMoney(held, contract.currency)}; no more can be refunded`,
          { amount: `At most ${formatMoney(held, contract.currency)}` },
        ),
    );
    const row = await store.postTransaction(trx, {
      workspaceId: actor.workspaceId,
      kind: "refund",
      currency: contract.currency,
      amount: input.amount,
      contractId: contract.id,
      contractorId: contract.contractor_id,
      memo: "Escrow refunded to the business",
      createdBy: actor.userId,
      createdAt: ctx.now(),
      entries,
    });
    return viewOf(trx, actor, row.id);
  });
}

/**
 * Pays accepted work into what the contractor is owed, inside the caller's transaction: from
 * the contract's escrow as far as it holds money, the rest from the business's funds. The
 * delivery service calls it only after it has moved the milestone from accepted to released.
 */
export async function postRelease(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  contract: ContractRow,
  milestone: { id: string; title: string; amount: number },
): Promise<store.LedgerTransactionRow> {
  authorize(actor, "payments.manage");
  const escrow = accounts.escrow(contract.id);
  await store.holdAccounts(
    trx,
    ctx.dbKind,
    actor.workspaceId,
    [escrow],
    contract.currency,
    ctx.now(),
  );
  const held = await store.balanceOf(trx, actor.workspaceId, escrow, contract.currency);
  return store.postTransaction(trx, {
    workspaceId: actor.workspaceId,
    kind: "release",
    currency: contract.currency,
    amount: milestone.amount,
    contractId: contract.id,
    milestoneId: milestone.id,
    contractorId: contract.contractor_id,
    memo: `Released for accepted work: “${milestone.title}”`,
    createdBy: actor.userId,
    createdAt: ctx.now(),
    entries: releaseEntries(contract.id, contract.contractor_id, milestone.amount, held),
  });
}

function requireNotFuture(paidOn: string, today: string): void {
  if (paidOn > today) {
    throw new Invalid("payment.paid_in_future", "A payout is recorded once the money is sent", {
      paidOn: `On or before today, ${today}`,
    });
  }
}

export async function recordPayout(
  ctx: AppContext,
  actor: Actor,
  input: PayoutInput,
  request: IdempotentRequest,
): Promise<LedgerTransaction> {
  authorize(actor, "payments.manage");
  const workspace = await getWorkspace(ctx, actor);
  // A day ahead of the workspace's date, so a payout dated in the payee's later zone is accepted.
  requireNotFuture(input.paidOn, dateOf(ctx.now() + 24 * 60 * 60 * 1000, workspace.timeZone));
  const person = await requireContractor(ctx, actor, input.contractorId);
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const entries = payoutEntries(person.id, input.amount);
    await requireCovered(
      ctx,
      trx,
      actor,
      input.currency,
      entries,
      (_account, owed) =>
        new RuleViolation(
          "payment.exceeds_payable",
          `${person.name} is owed ${formatMoney(owed, input.currency)}; a payout cannot be more than what accepted work and bonuses earned`,
          { amount: `At most ${formatMoney(owed, input.currency)}` },
        ),
    );
    const row = await store.postTransaction(trx, {
      workspaceId: actor.workspaceId,
      kind: "payout",
      currency: input.currency,
      amount: input.amount,
      contractorId: person.id,
      memo: `Paid to ${person.name}`,
      method: input.method,
      reference: input.reference,
      paidOn: input.paidOn,
      createdBy: actor.userId,
      createdAt: ctx.now(),
      entries,
    });
    return viewOf(trx, actor, row.id);
  });
}

export async function giveBonus(
  ctx: AppContext,
  actor: Actor,
  input: BonusInput,
  request: IdempotentRequest,
): Promise<LedgerTransaction> {
  authorize(actor, "payments.manage");
  const person = await requireContractor(ctx, actor, input.contractorId);
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const row = await store.postTransaction(trx, {
      workspaceId: actor.workspaceId,
      kind: "bonus",
      currency: input.currency,
      amount: input.amount,
      contractorId: person.id,
      memo: `Bonus: ${input.reason}`,
      createdBy: actor.userId,
      createdAt: ctx.now(),
      entries: bonusEntries(person.id, input.amount),
    });
    return viewOf(trx, actor, row.id);
  });
}

function alreadyReversed(): Conflict {
  return new Conflict("payment.already_reversed", "This movement was already reversed");
}

/**
 * Undoes a payout or barter delivery recorded by mistake, or a bonus, with a new movement in the opposite
 * direction; the original stays. Releases are not reversed (the work was accepted), and
 * escrow is taken back with a refund.
 */
export async function reverseTransaction(
  ctx: AppContext,
  actor: Actor,
  transactionId: string,
  input: ReverseInput,
  request: IdempotentRequest,
): Promise<LedgerTransaction> {
  authorize(actor, "payments.manage");
  const original = await store.findTransaction(ctx.db, actor.workspaceId, transactionId);
  if (!original) throw new NotFound("not_found", "Transaction not found");
  if (!reversibleKinds.includes(original.kind)) {
    throw new RuleViolation(
      "payment.not_reversible",
      original.kind === "fund"
        ? "Money put in escrow is taken back with a refund"
        : "Only a payout, a bonus or a barter delivery can be reversed",
    );
  }
  try {
    return await withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
      const entries = reversalEntries(
        (await store.entriesOf(trx, actor.workspaceId, [original.id])).map((entry) => ({
          account: {
            kind: entry.kind,
            contractId: entry.contract_id ?? undefined,
            contractorId: entry.contractor_id ?? undefined,
            barterId: entry.barter_id ?? undefined,
          },
          amount: entry.amount,
        })),
      );
      await holdTaken(ctx, trx, actor, original.currency, entries);
      // Read once the accounts are held, so a reversal that just committed is seen.
      const current = await store.findTransaction(trx, actor.workspaceId, original.id);
      if (current?.reversed_by_id) throw alreadyReversed();
      await refuseUncovered(
        trx,
        actor,
        original.currency,
        entries,
        (account) =>
          new RuleViolation(
            "payment.reversal_uncovered",
            account.kind === "payable"
              ? "This bonus was already paid out; reverse the payout first"
              : "Reversing this would leave an account below zero",
          ),
      );
      const row = await store.postTransaction(trx, {
        workspaceId: actor.workspaceId,
        kind: "reversal",
        currency: original.currency,
        amount: Number(original.amount),
        contractId: original.contract_id,
        milestoneId: original.milestone_id,
        contractorId: original.contractor_id,
        barterId: original.barter_id,
        memo: `Reversed ${original.kind}: ${input.reason}`,
        reversesId: original.id,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        entries,
      });
      return viewOf(trx, actor, row.id);
    });
  } catch (error) {
    // The one-reversal-per-movement index: another reversal won a race.
    if (isUniqueViolation(error)) throw alreadyReversed();
    throw error;
  }
}

function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [createdAt, id] = cursor.split(".") as [string, string];
  return { createdAt: Number(createdAt), id };
}

/**
 * The ledger's movements, newest first, a page at a time. A contractor sees only what was
 * released to them, paid to them or given to them as a bonus, without the accounts behind.
 */
export async function listPayments(
  ctx: AppContext,
  actor: Actor,
  filter: PaymentsFilter,
): Promise<PaymentsPage> {
  const staff = actor.role !== "contractor";
  authorize(actor, staff ? "payments.read" : "portal.use");
  const own = staff ? null : await ownContractorId(ctx, actor);
  const contractorId = staff ? filter.contractorId : own;
  const kinds = staff
    ? filter.kind && [filter.kind]
    : contractorVisibleKinds.filter((kind) => !filter.kind || kind === filter.kind);
  const hidden = !staff && (!own || (filter.contractorId && filter.contractorId !== own));
  if (hidden || kinds?.length === 0) return { items: [], nextCursor: null };
  const rows = await store.listTransactions(ctx.db, actor.workspaceId, {
    contractorId: contractorId ?? undefined,
    contractId: filter.contractId,
    kinds,
    before: parseCursor(filter.cursor),
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const entries = staff
    ? await store.entriesOf(
        ctx.db,
        actor.workspaceId,
        page.map((row) => row.id),
      )
    : [];
  const last = page.at(-1);
  return {
    items: page.map((row) => transactionView(row, entries, staff)),
    nextCursor: rows.length > filter.limit && last ? `${Number(last.created_at)}.${last.id}` : null,
  };
}

function personTotals(
  rows: readonly store.AccountBalanceRow[],
  names: ReadonlyMap<string, string>,
): PersonTotals[] {
  const byPerson = new Map<string, PersonTotals>();
  for (const row of rows) {
    if (!row.contractor_id) continue;
    const key = `${row.contractor_id}:${row.currency}`;
    const totals = byPerson.get(key) ?? {
      contractorId: row.contractor_id,
      contractorName: names.get(row.contractor_id) ?? "",
      currency: row.currency,
      owed: 0,
      paid: 0,
    };
    if (row.kind === "payable") totals.owed += row.balance;
    if (row.kind === "paid_out") totals.paid += row.balance;
    byPerson.set(key, totals);
  }
  return [...byPerson.values()].sort(
    (a, b) =>
      b.owed - a.owed ||
      a.contractorName.localeCompare(b.contractorName) ||
      a.currency.localeCompare(b.currency),
  );
}

/**
 * Per currency, what escrow holds, what is owed and paid out and what was spent this month,
 * and per person what they are owed and were paid. A contractor gets only their own line.
 */
export async function paymentsSummary(ctx: AppContext, actor: Actor): Promise<PaymentsSummary> {
  if (actor.role === "contractor") {
    authorize(actor, "portal.use");
    const own = await ownContractorId(ctx, actor);
    if (!own) return { month: null, currencies: [], people: [] };
    const rows = await store.accountBalances(ctx.db, actor.workspaceId, {
      kinds: ["payable", "paid_out"],
      contractorId: own,
    });
    const names = await store.contractorNames(ctx.db, actor.workspaceId, [own]);
    return { month: null, currencies: [], people: personTotals(rows, names) };
  }
  authorize(actor, "payments.read");
  const workspace = await getWorkspace(ctx, actor);
  const month = monthOf(ctx.now(), workspace.timeZone);
  const rows = await store.accountBalances(ctx.db, actor.workspaceId, {
    kinds: ["escrow", "payable", "paid_out"],
  });
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  const totals = await Promise.all(
    currencies.map(async (currency) => {
      const sum = (kind: store.AccountBalanceRow["kind"]) =>
        rows
          .filter((row) => row.currency === currency && row.kind === kind)
          .reduce((total, row) => total + row.balance, 0);
      const spend = await store.spendBetween(
        ctx.db,
        actor.workspaceId,
        currency,
        monthWindow(month),
      );
      return {
        currency,
        escrowHeld: sum("escrow"),
        owed: sum("payable"),
        paidOut: sum("paid_out"),
        spentThisMonth: spendInMonth(
          spend.map((row) => ({ amount: row.amount, at: row.created_at })),
          month,
          workspace.timeZone,
        ),
      };
    }),
  );
  const names = await store.contractorNames(
    ctx.db,
    actor.workspaceId,
    rows.flatMap((row) => (row.contractor_id ? [row.contractor_id] : [])),
  );
  return { month, currencies: totals, people: personTotals(rows, names) };
}

/** What moved on one contract; awaiting release is the delivery service's to add. */
export interface ContractLedger {
  money: Omit<ContractMoney, "acceptedAwaitingRelease">;
  releasedByMilestone: Map<string, number>;
}

/**
 * Escrow held, put in, refunded and released on one contract, for a caller that reached it
 * through `contractFor`; `db` may be the caller's transaction.
 */
export async function contractLedger(
  db: AppContext["db"],
  contract: ContractRow,
): Promise<ContractLedger> {
  const [held, totals, releases] = await Promise.all([
    store.balanceOf(db, contract.workspace_id, accounts.escrow(contract.id), contract.currency),
    store.contractTotals(db, contract.workspace_id, contract.id, contract.currency),
    store.releasesOfContract(db, contract.workspace_id, contract.id),
  ]);
  return {
    money: {
      contractId: contract.id,
      currency: contract.currency,
      escrowHeld: held,
      funded: totals.fund ?? 0,
      refunded: totals.refund ?? 0,
      released: totals.release ?? 0,
    },
    releasedByMilestone: new Map(
      releases.flatMap((row) => (row.milestone_id ? [[row.milestone_id, Number(row.amount)]] : [])),
    ),
  };
}
