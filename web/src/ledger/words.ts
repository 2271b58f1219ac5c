import type { PayoutMethod, TransactionKind } from "../../../src/ledger/schema.ts";

/** The ledger's kinds of movement and payout methods, as people read them. */

export const kindLabels: Record<TransactionKind, string> = {
  fund: "Escrow funded",
  release: "Released for accepted work",
  payout: "Paid out",
  refund: "Escrow refunded",
  bonus: "Bonus",
  barter: "Barter",
  reversal: "Reversal",
};

/** Dark shades, as elsewhere in the app, so the badges' words keep a 4.5:1 contrast. */
export const kindColors: Record<TransactionKind, string> = {
  fund: "blue.9",
  release: "teal.9",
  payout: "cyan.9",
  refund: "gray.7",
  bonus: "grape.9",
  barter: "pink.9",
  reversal: "red.9",
};

export const methodLabels: Record<PayoutMethod, string> = {
  bank_transfer: "Bank transfer",
  paypal: "PayPal",
  wise: "Wise",
  freelance_site: "Freelance site",
  cash: "Cash",
  other: "Other",
};

export const accountLabels = {
  funds: "Business funds",
  escrow: "Escrow",
  payable: "Owed",
  paid_out: "Paid out",
  barter_owed: "Barter owed",
  barter_given: "Barter given",
  barter_received: "Barter received",
} as const;
