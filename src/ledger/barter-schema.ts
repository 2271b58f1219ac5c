import { z } from "zod";
import { currencySchema } from "../money/currency.ts";
import { amountSchema } from "../money/schema.ts";
import { barterSides } from "./barter-rules.ts";

/**
 * Barter agreements and the deliveries on each side, kept in the ledger's barter accounts.
 * Deliveries are sent with an Idempotency-Key header. The web app imports these schemas.
 */

const id = z.uuid();

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const required = (max: number, label: string) =>
  text(max, label).min(1, `Enter ${label.toLowerCase()}`);
const value = (description: string) => amountSchema(description).min(1, "A value is more than 0");

export const barterStatuses = ["active", "closed"] as const;

export const barterInput = z.strictObject({
  partner: required(160, "Who you trade with"),
  contractorId: id
    .nullable()
    .default(null)
    .meta({ description: "The partner's directory record, when they are in it" }),
  gives: required(2000, "What you give"),
  gets: required(2000, "What you get"),
  givesValue: value("What what you give is worth"),
  getsValue: value("What what you get is worth"),
  currency: currencySchema.optional().meta({ description: "Defaults to the workspace currency" }),
  notes: text(5000, "The notes").default(""),
});
export type BarterInput = z.infer<typeof barterInput>;
export type BarterForm = z.input<typeof barterInput>;

export const barterFilter = z.strictObject({
  status: z.enum(barterStatuses).optional(),
});

export const deliveryInput = z.strictObject({
  side: z.enum(barterSides, { error: "Choose given or received" }).meta({
    description: "given: the business delivered to the partner; received: the partner delivered",
  }),
  value: value("What was delivered is worth"),
  currency: currencySchema.meta({ description: "Must be the agreement's currency" }),
  note: text(500, "The note").default(""),
  deliveredOn: z.iso.date("Use a date such as 2026-03-14"),
});
export type DeliveryInput = z.infer<typeof deliveryInput>;
export type DeliveryForm = z.input<typeof deliveryInput>;

export const barterBalanceSchema = z.object({
  given: z.number().int(),
  received: z.number().int(),
  /** Positive: the partner owes the business; negative: the business owes the partner. */
  owedToBusiness: z.number().int(),
  leftToGive: z.number().int(),
  leftToReceive: z.number().int(),
});

export const barterSchema = z.object({
  id: z.string(),
  partner: z.string(),
  contractorId: z.string().nullable(),
  contractorName: z.string().nullable(),
  gives: z.string(),
  gets: z.string(),
  givesValue: z.number().int(),
  getsValue: z.number().int(),
  currency: z.string(),
  notes: z.string(),
  status: z.enum(barterStatuses),
  balance: barterBalanceSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
});
export type Barter = z.infer<typeof barterSchema>;

export const deliverySchema = z.object({
  /** The ledger transaction that records it. */
  id: z.string(),
  side: z.enum(barterSides),
  value: z.number().int(),
  currency: z.string(),
  note: z.string(),
  deliveredOn: z.string(),
  createdAt: z.number().int(),
  /** When a reversal cancelled it; it then no longer counts in the balance. */
  reversedAt: z.number().int().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const barterDetailSchema = barterSchema.extend({
  deliveries: z.array(deliverySchema),
});
export type BarterDetail = z.infer<typeof barterDetailSchema>;
