import type { LedgerAccountKind } from "../db/tables.ts";
import type { AccountRef, EntryLine } from "./rules.ts";

/**
 * Barter: work traded for work, valued in money but never paid in it. Each agreement has
 * its own three accounts, apart from the cash ones: what the business has given, what it
 * has received, and the difference the partner owes (negative: what the business owes).
 * Pure.
 */

export const barterSides = ["given", "received"] as const;
export type BarterSide = (typeof barterSides)[number];

export const barterAccountKinds = [
  "barter_owed",
  "barter_given",
  "barter_received",
] as const satisfies readonly LedgerAccountKind[];

const account = (kind: (typeof barterAccountKinds)[number], barterId: string): AccountRef => ({
  kind,
  barterId,
});

/**
 * Giving moves value out of the business's "given" account into what the partner owes;
 * receiving settles what they owe into the "received" account.
 */
export function deliveryEntries(barterId: string, side: BarterSide, value: number): EntryLine[] {
  const [from, to] =
    side === "given"
      ? [account("barter_given", barterId), account("barter_owed", barterId)]
      : [account("barter_owed", barterId), account("barter_received", barterId)];
  return [
    { account: from, amount: -value },
    { account: to, amount: value },
  ];
}

/** Which side a delivery was, read back from the account its entries credited. */
export function sideOf(creditedKind: LedgerAccountKind): BarterSide {
  return creditedKind === "barter_received" ? "received" : "given";
}

interface BarterBalance {
  /** Value the business has delivered to the partner. */
  given: number;
  /** Value the partner has delivered to the business. */
  received: number;
  /** Positive: the partner owes the business this much; negative: the business owes them. */
  owedToBusiness: number;
  /** What each side still has to deliver of the value agreed (never below zero). */
  leftToGive: number;
  leftToReceive: number;
}

/** The running balance, from the sums of the agreement's three accounts. */
export function barterBalance(
  sums: Partial<Record<LedgerAccountKind, number>>,
  agreed: { givesValue: number; getsValue: number },
): BarterBalance {
  const given = 0 - (sums.barter_given ?? 0);
  const received = sums.barter_received ?? 0;
  return {
    given,
    received,
    owedToBusiness: sums.barter_owed ?? 0,
    leftToGive: Math.max(0, agreed.givesValue - given),
    leftToReceive: Math.max(0, agreed.getsValue - received),
  };
}
