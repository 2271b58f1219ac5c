import { z } from "zod";

/**
 * One guardrail tripped, said in the owner's words with the one thing to do about it. The
 * dashboard lists these; the guardrails page shows each kind in full.
 */
export const guardrailWarningSchema = z.object({
  kind: z.enum(["bench", "concentration", "slips"]),
  /** Stable across reads, so a list can key on it: the kind and what it is about. */
  key: z.string(),
  title: z.string(),
  reason: z.string(),
  /** An app path one click from acting on the warning. */
  action: z.object({ label: z.string(), href: z.string() }),
});
export type GuardrailWarning = z.infer<typeof guardrailWarningSchema>;

const actionSchema = guardrailWarningSchema.shape.action;
const ratioSchema = z.object({ count: z.number().int(), of: z.number().int() });

export const holdingSchema = z.object({
  key: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  /** Null for the share of all open contract value; else the share within this area. */
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  /** Minor units of the workspace currency. */
  held: z.number().int(),
  total: z.number().int(),
  shareBasisPoints: z.number().int(),
  reason: z.string(),
  action: actionSchema,
});
export type Holding = z.infer<typeof holdingSchema>;

export const replacementSchema = z.object({
  contractorId: z.string(),
  name: z.string(),
  rating: z.number().nullable(),
  openAssignments: z.number().int(),
  overlapMinutes: z.number().int(),
  words: z.string(),
});

export const slippingSchema = z.object({
  contractorId: z.string(),
  contractorName: z.string(),
  /** Each missed or late report and late milestone in the window, in words, oldest first. */
  evidence: z.array(z.string()),
  reason: z.string(),
  /** Per skill area of their work: who could take over, or a hiring opening when nobody can. */
  replacements: z.array(
    z.object({
      areaId: z.string(),
      areaName: z.string(),
      suggestions: z.array(replacementSchema),
      benchThin: z.boolean(),
      words: z.string(),
      openingId: z.string().nullable(),
    }),
  ),
  action: actionSchema,
});
export type Slipping = z.infer<typeof slippingSchema>;

export const reliablePersonSchema = z.object({
  contractorId: z.string(),
  contractorName: z.string(),
  reportsOnTime: ratioSchema,
  milestonesOnTime: ratioSchema,
  accepted: z.number().int(),
  rating: z.number().nullable(),
  reason: z.string(),
  action: actionSchema,
});
export type ReliablePerson = z.infer<typeof reliablePersonSchema>;

export const loyaltySchema = z.object({
  windowDays: z.number().int(),
  /** Best first, in the top performers' order: suggested first for new work and for a volume rate. */
  reliable: z.array(reliablePersonSchema),
});
export type Loyalty = z.infer<typeof loyaltySchema>;

export const guardrailsSchema = z.object({
  /** Every tripped guardrail with one action each, as the dashboard lists them. */
  warnings: z.array(guardrailWarningSchema),
  concentration: z.object({
    maxShareBasisPoints: z.number().int(),
    currency: z.string(),
    holdings: z.array(holdingSchema),
    /** Currencies of open contracts left out for want of an exchange rate. */
    unconverted: z.array(z.string()),
  }),
  slips: z.object({
    limit: z.number().int(),
    windowDays: z.number().int(),
    flagged: z.array(slippingSchema),
  }),
  loyalty: loyaltySchema,
});
export type Guardrails = z.infer<typeof guardrailsSchema>;
