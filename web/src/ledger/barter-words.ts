import type { Barter } from "../../../src/ledger/barter-schema.ts";
import { formatMoney } from "../app/money.ts";

/** Who owes whom: "Juniper Studio owes you" and "$500", "You owe Juniper Studio" …, or even. */
export function balanceParts(barter: Barter): { who: string; amount: string } {
  const owed = barter.balance.owedToBusiness;
  const amount = formatMoney(Math.abs(owed), barter.currency);
  if (owed > 0) return { who: `${barter.partner} owes you`, amount };
  if (owed < 0) return { who: `You owe ${barter.partner}`, amount };
  return { who: "Neither side owes the other", amount: "Even" };
}

/** The balance in one phrase: "Juniper Studio owes you $500", or "Even". */
export function balanceText(barter: Barter): string {
  const { who, amount } = balanceParts(barter);
  return barter.balance.owedToBusiness === 0 ? amount : `${who} ${amount}`;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** "2026-11-20" → "Nov 20, 2026". */
export function formatDay(date: string): string {
  return dayFormat.format(Date.parse(`${date}T00:00:00Z`));
}

/** "$1,200 of $2,000". */
export function deliveredText(delivered: number, agreed: number, currency: string): string {
  return `${formatMoney(delivered, currency)} of ${formatMoney(agreed, currency)}`;
}
