import { z } from "zod";
import { submitInput } from "./delivery-schema.ts";
import { milestoneStatuses } from "./schema.ts";

/**
 * Monthly retainers: each month's work is submitted, accepted and then paid. The web app
 * imports these same schemas.
 */

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month such as 2026-03")
  .meta({ description: "The month (YYYY-MM), in the contractor's time zone", example: "2026-03" });

/** A month's work is handed in like any milestone's, with a note and links, for one month. */
export const retainerInput = submitInput.extend({ month: monthSchema });

export const retainerMonthSchema = z.object({
  month: z.string(),
  /** Submitted months: what the owner pays; the others: what the month would be paid. */
  amount: z.number().int(),
  currency: z.string(),
  /** "open" until first submitted, then its milestone's status. */
  status: z.enum(milestoneStatuses),
  /** The retainer milestone the owner accepts and releases; null until first submitted. */
  milestoneId: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  /** The owner's feedback when the month was sent back. */
  feedback: z.string().nullable(),
});
export type RetainerMonth = z.infer<typeof retainerMonthSchema>;

export const retainerMonthsSchema = z.object({
  months: z.array(retainerMonthSchema),
  /** This month in the contractor's time zone, so the form can offer it. */
  currentMonth: z.string(),
});
export type RetainerMonths = z.infer<typeof retainerMonthsSchema>;
