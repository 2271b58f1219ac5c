import type { LedgerAccountKind, LedgerTransactionKind } from "../db/tables.ts";
import { monthOf } from "../time/calendar.ts";

/**
 * The ledger's judgement, pure: which account a movement touches, that every movement
 * balances, and the entries each kind of movement makes. Amounts are integer minor units;
 * an entry's sign says whether it adds to (+) or takes from (−) its account.
 */

export interface AccountRef {
  kind: LedgerAccountKind;
  contractId?: string;
  contractorId?: string;
  barterId?: string;
}

export interface EntryLine {
  account: AccountRef;
  amount: number;
}

/** What each kind of account belongs to; the funds account belongs to the workspace itself. */
const ownerOf: Record<LedgerAccountKind, "contractId" | "contractorId" | "barterId" | null> = {
  funds: null,
  escrow: "contractId",
  payable: "contractorId",
  paid_out: "contractorId",
  barter_owed: "barterId",
  barter_given: "barterId",
  barter_received: "barterId",
};

/** The account's unique name within a workspace, e.g. "escrow:<contract id>:USD". */
export function accountKey(account: AccountRef, currency: string): string {
  const owner = ownerOf[account.kind];
  if (owner === null) return `${account.kind}:${currency}`;
  const ownerId = account[owner];
  if (!ownerId) throw new Error(`A ${account.kind} account needs its ${owner}`);
  return `${account.kind}:${ownerId}:${currency}`;
}

/**
 * Why a set of entries is not a valid movement of `amount`, or null when it is: at least two
 * entries, each a non-zero whole number, summing to zero, with `amount` the total moved.
 */
export function unbalancedReason(amount: number, entries: readonly EntryLine[]): string | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return "The amount moved must be positive";
  if (entries.length < 2) return "A movement has at least two entries";
  let sum = 0;
  let added = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amount) || entry.amount === 0) {
      return "Every entry is a non-zero whole number of minor units";
    }
    sum += entry.amount;
    if (entry.amount > 0) added += entry.amount;
  }
  if (sum !== 0) return `The entries sum to ${sum}, not zero`;
  if (added !== amount) return `The entries move ${added}, not ${amount}`;
  return null;
}

/** Money moved from one account to another, as the two entries it makes. */
function move(from: AccountRef, to: AccountRef, amount: number): EntryLine[] {
  return [
    { account: from, amount: -amount },
    { account: to, amount },
  ];
}

const funds: AccountRef = { kind: "funds" };
const escrow = (contractId: string): AccountRef => ({ kind: "escrow", contractId });
const payable = (contractorId: string): AccountRef => ({ kind: "payable", contractorId });
const paidOut = (contractorId: string): AccountRef => ({ kind: "paid_out", contractorId });

export const accounts = { funds, escrow, payable, paidOut };

export function fundEntries(contractId: string, amount: number): EntryLine[] {
  return move(funds, escrow(contractId), amount);
}

export function refundEntries(contractId: string, amount: number): EntryLine[] {
  return move(escrow(contractId), funds, amount);
}

/**
 * Releasing accepted work pays its whole amount into what the contractor is owed: from the
 * contract's escrow as far as it holds money, the rest straight from the business's funds.
 */
export function releaseSplit(
  amount: number,
  escrowHeld: number,
): { fromEscrow: number; fromFunds: number } {
  const fromEscrow = Math.max(0, Math.min(amount, escrowHeld));
  return { fromEscrow, fromFunds: amount - fromEscrow };
}

export function releaseEntries(
  contractId: string,
  contractorId: string,
  amount: number,
  escrowHeld: number,
): EntryLine[] {
  const { fromEscrow, fromFunds } = releaseSplit(amount, escrowHeld);
  return [
    ...(fromEscrow > 0 ? [{ account: escrow(contractId), amount: -fromEscrow }] : []),
    ...(fromFunds > 0 ? [{ account: funds, amount: -fromFunds }] : []),
    { account: payable(contractorId), amount },
  ];
}

export function payoutEntries(contractorId: string, amount: number): EntryLine[] {
  return move(payable(contractorId), paidOut(contractorId), amount);
}

export function bonusEntries(contractorId: string, amount: number): EntryLine[] {
  return move(funds, payable(contractorId), amount);
}

/** A correction: the same entries with their signs turned, so the two cancel out. */
export function reversalEntries(original: readonly EntryLine[]): EntryLine[] {
  return original.map((entry) => ({ account: entry.account, amount: -entry.amount }));
}

/** Payouts, bonuses and barter deliveries recorded by mistake are corrected by reversing them. */
export const reversibleKinds: readonly LedgerTransactionKind[] = ["payout", "bonus", "barter"];

/**
 * Accounts that hold money for a contract or a person never go below zero; the business's
 * funds may (it paid out more than it recorded putting in).
 */
export function mustStayCovered(kind: LedgerAccountKind): boolean {
  return kind === "escrow" || kind === "payable" || kind === "paid_out";
}

/** Money released plus bonuses given: what outsourcing cost, for the budget and analytics. */
export const spendKinds: readonly LedgerTransactionKind[] = ["release", "bonus"];

/** A time zone is at most 14 hours from UTC, so this window holds every instant of the month. */
const ZONE_MARGIN = 14 * 60 * 60 * 1000;

/** Instants that may fall in the calendar month YYYY-MM in some time zone. */
export function monthWindow(month: string): { from: number; to: number } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return {
    from: Date.UTC(year, monthNumber - 1, 1) - ZONE_MARGIN,
    to: Date.UTC(year, monthNumber, 1) + ZONE_MARGIN,
  };
}

/** What was spent in the calendar month, counting each movement in the zone's month it fell in. */
export function spendInMonth(
  movements: readonly { amount: number; at: number }[],
  month: string,
  timeZone: string,
): number {
  return movements
    .filter((movement) => monthOf(movement.at, timeZone) === month)
    .reduce((total, movement) => total + movement.amount, 0);
}
