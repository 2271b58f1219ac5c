import { z } from "zod";
import { currencySchema } from "../money/currency.ts";
import { amountSchema } from "../money/schema.ts";

/**
 * Contracts: the written deal with one contractor, its payment terms and planned milestones,
 * the acceptance record and the huge-project guard. The web app imports these same schemas.
 */

const id = z.uuid();
export const idParams = z.strictObject({ id });

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const required = (max: number, label: string) =>
  text(max, label).min(1, `Enter ${label.toLowerCase()}`);
const dateSchema = z.iso.date("Use a date such as 2026-03-14");
const positiveAmount = (description: string) =>
  amountSchema(description).min(1, "An amount is more than 0");

export const contractStatuses = ["draft", "sent", "active", "completed", "ended"] as const;
export type ContractStatus = (typeof contractStatuses)[number];
export const paymentKinds = ["fixed", "hourly", "retainer"] as const;
export type PaymentKind = (typeof paymentKinds)[number];
export const reportCadences = ["daily", "weekly"] as const;
export const milestoneStatuses = [
  "open",
  "submitted",
  "sent_back",
  "accepted",
  "released",
] as const;

export const MAX_MILESTONES = 50;
export const MAX_PROCEDURES = 20;
/** A written reason for going on despite the guard's flags is at least this long. */
export const MIN_GUARD_REASON = 10;

export const DEFAULT_WORK_OWNERSHIP =
  "The business owns everything the contractor makes under this contract once it has paid for it. " +
  "Until then the contractor keeps it. The contractor may show the work in a portfolio only with the business's written permission.";
export const DEFAULT_CONFIDENTIALITY =
  "The contractor keeps confidential everything they learn about the business, its customers and its " +
  "suppliers while working under this contract, uses it only for this work, and returns or deletes it when the " +
  "contract ends. This duty lasts two years after the contract ends.";
export const DEFAULT_NOTICE_DAYS = 14;

export const milestoneInput = z.strictObject({
  title: required(160, "A milestone title"),
  deliverable: required(2000, "What is delivered"),
  dueDate: dateSchema,
  amount: positiveAmount("The milestone's list amount, before any volume discount"),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const paymentInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("fixed"),
    total: positiveAmount("The fixed price"),
    milestones: z
      .array(milestoneInput)
      .min(1, "Add at least one milestone")
      .max(MAX_MILESTONES, `At most ${MAX_MILESTONES} milestones`),
  }),
  z.strictObject({
    kind: z.literal("hourly"),
    hourlyRate: positiveAmount("The hourly rate"),
    weeklyCapMinutes: z
      .number({ error: "Enter the weekly cap" })
      .int("Whole minutes")
      .min(60, "The weekly cap is at least 1 hour")
      .max(10_080, "A week has 168 hours")
      .meta({ description: "The most time paid in one week, in minutes" }),
  }),
  z.strictObject({
    kind: z.literal("retainer"),
    monthlyAmount: positiveAmount("The amount per month"),
  }),
]);
export type PaymentInput = z.infer<typeof paymentInput>;

export const volumeDiscountSchema = z.strictObject({
  after: z
    .number({ error: "Enter after how many" })
    .int("A whole number")
    .min(1, "At least 1")
    .max(100_000, "That is too many")
    .meta({
      description: "After this many hours (hourly), months (retainer) or milestones (fixed)",
    }),
  basisPoints: z
    .number({ error: "Enter the discount" })
    .int("Whole hundredths of a percent")
    .min(1, "A discount is more than 0 %")
    .max(9999, "A discount is less than 100 %")
    .meta({ description: "How much less is paid from then on, in hundredths of a percent" }),
});
export type VolumeDiscount = z.infer<typeof volumeDiscountSchema>;

const contractTerms = {
  contractorId: z.uuid({ error: "Choose the contractor" }),
  areaId: id.nullable().default(null).meta({ description: "The task area, for the guard" }),
  title: required(160, "A title"),
  scope: required(20_000, "The scope and expectations"),
  deliverables: required(20_000, "The deliverables"),
  startDate: dateSchema,
  endDate: dateSchema.nullable().default(null),
  workOwnership: required(5000, "Who owns the work").default(DEFAULT_WORK_OWNERSHIP),
  confidentiality: required(5000, "The confidentiality clause").default(DEFAULT_CONFIDENTIALITY),
  reportCadence: z.enum(reportCadences).default("daily"),
  noticeDays: z
    .number({ error: "Enter the notice in days" })
    .int("Whole days")
    .min(0, "Notice cannot be negative")
    .max(365, "At most 365 days")
    .default(DEFAULT_NOTICE_DAYS),
  procedureIds: z
    .array(id)
    .max(MAX_PROCEDURES, `At most ${MAX_PROCEDURES} procedures`)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, "Each procedure once"),
  currency: currencySchema.optional().meta({ description: "Defaults to the workspace currency" }),
  payment: paymentInput,
  volumeDiscount: volumeDiscountSchema.nullable().default(null),
};

/** Cross-field checks: dates in order, milestones summing to the total and due within the contract. */
function checkTerms(value: z.infer<z.ZodObject<typeof contractTerms>>, ctx: z.RefinementCtx): void {
  if (value.endDate !== null && value.endDate < value.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "The end is on or after the start",
    });
  }
  if (value.payment.kind !== "fixed") return;
  const { milestones, total } = value.payment;
  const sum = milestones.reduce((acc, milestone) => acc + milestone.amount, 0);
  if (sum !== total) {
    ctx.addIssue({
      code: "custom",
      path: ["payment", "milestones"],
      message: "The milestones must add up exactly to the total",
    });
  }
  milestones.forEach((milestone, index) => {
    const path = ["payment", "milestones", index, "dueDate"];
    if (milestone.dueDate < value.startDate) {
      ctx.addIssue({ code: "custom", path, message: "Due on or after the start date" });
    } else if (value.endDate !== null && milestone.dueDate > value.endDate) {
      ctx.addIssue({ code: "custom", path, message: "Due on or before the end date" });
    }
  });
  if (value.volumeDiscount && value.volumeDiscount.after >= milestones.length) {
    ctx.addIssue({
      code: "custom",
      path: ["volumeDiscount", "after"],
      message: `The discount starts after a milestone; there are ${milestones.length}`,
    });
  }
}

export const contractInput = z.strictObject(contractTerms).superRefine(checkTerms);
export type ContractInput = z.infer<typeof contractInput>;

const guardReason = text(2000, "The reason")
  .optional()
  .meta({ description: "Why to go on although the huge-project guard flags the contract" });

/** A sent contract that changes is weighed again: new flags need the owner's reason too. */
export const contractUpdate = z
  .strictObject({ ...contractTerms, guardReason })
  .superRefine(checkTerms);
export type ContractUpdate = z.infer<typeof contractUpdate>;
/** What the editor form holds before defaults are applied. */
export type ContractForm = z.input<typeof contractInput>;

export const contractFilter = z.strictObject({
  status: z.enum(contractStatuses).optional(),
  contractorId: id.optional(),
});
export type ContractFilter = z.infer<typeof contractFilter>;

export const guardFlagKinds = [
  "huge_value",
  "contractor_share",
  "area_share",
  "no_exchange_rate",
] as const;
export type GuardFlagKind = (typeof guardFlagKinds)[number];

/** One reason to think twice before sending; amounts are in the workspace currency. */
export const guardFlagSchema = z.object({
  kind: z.enum(guardFlagKinds),
  /** The sentence shown to the owner, with the suggestion. */
  message: z.string(),
  /** The contract value, or what the person would hold. */
  amount: z.number().int().nullable(),
  /** The threshold, or the open value it is a share of. */
  limit: z.number().int().nullable(),
  shareBasisPoints: z.number().int().nullable(),
  maxShareBasisPoints: z.number().int().nullable(),
  currency: z.string(),
});
export type GuardFlag = z.infer<typeof guardFlagSchema>;

export const guardSchema = z.object({
  flags: z.array(guardFlagSchema),
  /** The contract value in the workspace currency, or null when it cannot be converted. */
  value: z.number().int().nullable(),
  currency: z.string(),
});
export type Guard = z.infer<typeof guardSchema>;

export const acceptanceSchema = z.object({
  typedName: z.string(),
  acceptedAt: z.number().int(),
  version: z.number().int(),
  textHash: z.string(),
  ip: z.string(),
  userAgent: z.string(),
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const plannedMilestoneSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  deliverable: z.string(),
  dueDate: z.string().nullable(),
  /** What is paid for it: the list amount less any volume discount. */
  amount: z.number().int(),
  listAmount: z.number().int(),
  status: z.enum(milestoneStatuses),
});
export type PlannedMilestone = z.infer<typeof plannedMilestoneSchema>;

const paymentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("fixed"),
    total: z.number().int(),
    milestones: z.array(
      z.object({
        title: z.string(),
        deliverable: z.string(),
        dueDate: z.string(),
        amount: z.number().int(),
      }),
    ),
  }),
  z.object({
    kind: z.literal("hourly"),
    hourlyRate: z.number().int(),
    weeklyCapMinutes: z.number().int(),
  }),
  z.object({ kind: z.literal("retainer"), monthlyAmount: z.number().int() }),
]);
export type Payment = z.infer<typeof paymentSchema>;

const contractFields = {
  id: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  currency: z.string(),
  status: z.enum(contractStatuses),
  version: z.number().int(),
  /** The value the guard weighs, in the contract's currency (see valueNote for assumptions). */
  value: z.number().int(),
  valueNote: z.string().nullable(),
  sentAt: z.number().int().nullable(),
  acceptedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
};

export const contractSummarySchema = z.object({
  ...contractFields,
  paymentKind: z.enum(paymentKinds),
  guardFlagCount: z.number().int(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

export const contractSchema = z.object({
  ...contractFields,
  scope: z.string(),
  deliverables: z.string(),
  workOwnership: z.string(),
  confidentiality: z.string(),
  reportCadence: z.enum(reportCadences),
  noticeDays: z.number().int(),
  procedureIds: z.array(z.string()),
  procedures: z.array(z.object({ id: z.string(), title: z.string() })),
  payment: paymentSchema,
  volumeDiscount: z.object({ after: z.number().int(), basisPoints: z.number().int() }).nullable(),
  guardFlags: z.array(guardFlagSchema),
  guardReason: z.string().nullable(),
  endReason: z.string().nullable(),
  acceptance: acceptanceSchema.nullable(),
  milestones: z.array(plannedMilestoneSchema),
});
export type Contract = z.infer<typeof contractSchema>;

export const sendInput = z.strictObject({ guardReason });

export const acceptInput = z.strictObject({
  typedName: required(120, "Your full name"),
  textHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "The fingerprint of the text you read")
    .meta({ description: "SHA-256 (hex) of the document text the contractor read" }),
});

export const endInput = z.strictObject({
  reason: required(2000, "Why the contract ends early"),
});

export const textRunSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  code: z.boolean().optional(),
  link: z.string().optional(),
});
export type TextRun = z.infer<typeof textRunSchema>;

const runs = z.array(textRunSchema);

/** The document's Markdown as structure the page and the PDF draw alike. */
export const documentBlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heading"), level: z.number().int(), runs }),
  z.object({ kind: z.literal("paragraph"), runs }),
  z.object({ kind: z.literal("quote"), runs }),
  z.object({
    kind: z.literal("list"),
    ordered: z.boolean(),
    start: z.number().int(),
    items: z.array(z.object({ runs, depth: z.number().int() })),
  }),
  z.object({
    kind: z.literal("table"),
    align: z.array(z.enum(["left", "center", "right"])),
    header: z.array(runs),
    rows: z.array(z.array(runs)),
  }),
  z.object({ kind: z.literal("code"), text: z.string() }),
  z.object({ kind: z.literal("rule") }),
]);
export type DocumentBlock = z.infer<typeof documentBlockSchema>;

export const documentSchema = z.object({
  /** The exact Markdown text; its SHA-256 is textHash. */
  text: z.string(),
  textHash: z.string(),
  version: z.number().int(),
  blocks: z.array(documentBlockSchema),
});
export type ContractDocument = z.infer<typeof documentSchema>;

export const DEFAULT_HUGE_CONTRACT_AMOUNT = 500_000;
export const DEFAULT_MAX_SHARE_BASIS_POINTS = 5000;

export const contractSettingsInput = z.strictObject({
  hugeContractAmount: positiveAmount("A contract above this value is flagged before it is sent"),
  maxShareBasisPoints: z
    .number({ error: "Enter the share as a percentage" })
    .int("Whole hundredths of a percent")
    .min(1000, "At least 10 %")
    .max(10_000, "At most 100 %")
    .meta({ description: "The most of the open contract value one person should hold" }),
});

export const contractSettingsSchema = z.object({
  hugeContractAmount: z.number().int(),
  maxShareBasisPoints: z.number().int(),
  /** The workspace currency the threshold is in. */
  currency: z.string(),
});
export type ContractSettings = z.infer<typeof contractSettingsSchema>;
