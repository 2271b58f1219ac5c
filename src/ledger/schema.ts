import { z } from "zod";
import { currencySchema } from "../money/currency.ts";
import { amountSchema } from "../money/schema.ts";

/**
 * Payments and the ledger: escrow, payouts, bonuses, reversals, and what is held, owed and
 * paid. Every movement is sent with an Idempotency-Key header. The web app imports these.
 */

const id = z.uuid();
export const idParams = z.strictObject({ id });

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const required = (max: number, label: string) =>
  text(max, label).min(1, `Enter ${label.toLowerCase()}`);
const positiveAmount = (description: string) =>
  amountSchema(description).min(1, "An amount is more than 0");

export const transactionKinds = [
  "fund",
  "release",
  "payout",
  "refund",
  "bonus",
  "barter",
  "reversal",
] as const;
export type TransactionKind = (typeof transactionKinds)[number];

/** The kinds a contractor sees: money released to them, paid to them, or given as a bonus. */
/** Reversals too, so a contractor sees a corrected payout or bonus taken back, not just the original. */
export const contractorVisibleKinds = ["release", "payout", "bonus", "reversal"] as const;

export const payoutMethods = [
  "bank_transfer",
  "paypal",
  "wise",
  "freelance_site",
  "cash",
  "other",
] as const;
export type PayoutMethod = (typeof payoutMethods)[number];

export const escrowFundInput = z.strictObject({
  amount: positiveAmount("How much to put in escrow"),
  currency: currencySchema,
  milestoneId: id.optional().meta({ description: "The milestone this money is meant for" }),
});
export type EscrowFundInput = z.infer<typeof escrowFundInput>;

export const escrowRefundInput = z.strictObject({
  amount: positiveAmount("How much to take back out of escrow"),
  currency: currencySchema,
});
export type EscrowRefundInput = z.infer<typeof escrowRefundInput>;

export const payoutInput = z.strictObject({
  contractorId: id,
  amount: positiveAmount("How much was paid"),
  currency: currencySchema,
  method: z.enum(payoutMethods, { error: "Choose how the money was sent" }),
  reference: text(200, "The reference").default("").meta({
    description: "The bank, PayPal or site reference, so the payment can be found again",
  }),
  paidOn: z.iso.date("Use a date such as 2026-03-14"),
});
export type PayoutInput = z.infer<typeof payoutInput>;
export type PayoutForm = z.input<typeof payoutInput>;

export const bonusInput = z.strictObject({
  contractorId: id,
  amount: positiveAmount("The bonus"),
  currency: currencySchema,
  reason: required(500, "The reason for the bonus"),
});
export type BonusInput = z.infer<typeof bonusInput>;

export const reverseInput = z.strictObject({
  reason: required(500, "Why this is reversed"),
});
export type ReverseInput = z.infer<typeof reverseInput>;

const cursorSchema = z
  .string()
  .regex(/^\d{1,16}\.[0-9a-f-]{36}$/, "Use the nextCursor of the page before")
  .meta({ description: "The nextCursor of the previous page" });

export const paymentsFilter = z.strictObject({
  contractorId: id.optional(),
  contractId: id.optional(),
  kind: z.enum(transactionKinds).optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PaymentsFilter = z.infer<typeof paymentsFilter>;

export const entrySchema = z.object({
  account: z.enum([
    "funds",
    "escrow",
    "payable",
    "paid_out",
    "barter_owed",
    "barter_given",
    "barter_received",
  ]),
  contractId: z.string().nullable(),
  contractorId: z.string().nullable(),
  barterId: z.string().nullable(),
  /** Positive adds to the account, negative takes from it. */
  amount: z.number().int(),
});

export const transactionSchema = z.object({
  id: z.string(),
  kind: z.enum(transactionKinds),
  currency: z.string(),
  amount: z.number().int(),
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  milestoneId: z.string().nullable(),
  milestoneTitle: z.string().nullable(),
  contractorId: z.string().nullable(),
  contractorName: z.string().nullable(),
  barterId: z.string().nullable(),
  memo: z.string(),
  method: z.enum(payoutMethods).nullable(),
  reference: z.string().nullable(),
  paidOn: z.string().nullable(),
  reversesId: z.string().nullable(),
  /** The reversal that undid this movement, if any. */
  reversedById: z.string().nullable(),
  /** Payouts and bonuses not yet reversed may be reversed (by the owner). */
  reversible: z.boolean(),
  createdAt: z.number().int(),
  /** The accounts it moved money between; empty for a contractor, who sees no escrow or funds. */
  entries: z.array(entrySchema),
});
export type LedgerTransaction = z.infer<typeof transactionSchema>;

export const paymentsPageSchema = z.object({
  items: z.array(transactionSchema),
  nextCursor: z.string().nullable(),
});
export type PaymentsPage = z.infer<typeof paymentsPageSchema>;

export const currencyTotalsSchema = z.object({
  currency: z.string(),
  /** Money put aside in escrow across contracts, not yet released or refunded. */
  escrowHeld: z.number().int(),
  /** Accepted work and bonuses not yet paid out. */
  owed: z.number().int(),
  paidOut: z.number().int(),
  /** Released work plus bonuses, less reversed bonuses, in the workspace's current month. */
  spentThisMonth: z.number().int(),
});

export const personTotalsSchema = z.object({
  contractorId: z.string(),
  contractorName: z.string(),
  currency: z.string(),
  owed: z.number().int(),
  paid: z.number().int(),
});
export type PersonTotals = z.infer<typeof personTotalsSchema>;

export const paymentsSummarySchema = z.object({
  /** The workspace's current month, YYYY-MM, in its time zone. */
  month: z.string().nullable(),
  currencies: z.array(currencyTotalsSchema),
  people: z.array(personTotalsSchema),
});
export type PaymentsSummary = z.infer<typeof paymentsSummarySchema>;

export const contractMoneySchema = z.object({
  contractId: z.string(),
  currency: z.string(),
  escrowHeld: z.number().int(),
  funded: z.number().int(),
  refunded: z.number().int(),
  released: z.number().int(),
  /** Accepted milestones, timesheets and retainer months not yet released. */
  acceptedAwaitingRelease: z.number().int(),
});
export type ContractMoney = z.infer<typeof contractMoneySchema>;
