import { z } from "zod";
import { milestoneStatuses } from "./schema.ts";
import { isMonday, MAX_MINUTES_PER_ENTRY } from "./timesheet-rules.ts";

/**
 * Hourly contracts: time entries and the weekly timesheets the owner accepts and pays.
 * The web app imports these same schemas.
 */

const dateSchema = z.iso.date("Use a date such as 2026-03-14");
const mondaySchema = dateSchema
  .refine(isMonday, "Use the Monday the week starts on")
  .meta({ description: "The Monday (YYYY-MM-DD) the week starts on", example: "2026-03-09" });

export const timeEntryInput = z.strictObject({
  workDate: dateSchema.meta({ description: "The day worked, in the contractor's time zone" }),
  minutes: z
    .number({ error: "Enter the time worked" })
    .int("Whole minutes")
    .min(1, "At least 1 minute")
    .max(MAX_MINUTES_PER_ENTRY, "A day has 24 hours")
    .meta({ description: "Time worked, in minutes" }),
  description: z
    .string()
    .trim()
    .min(1, "Say what was done")
    .max(500, "What was done is at most 500 characters"),
});
export type TimeEntryInput = z.infer<typeof timeEntryInput>;

export const weekQuery = z.strictObject({
  week: dateSchema
    .optional()
    .meta({ description: "Any day of the week; defaults to this week in the contractor's zone" }),
});

export const timesheetInput = z.strictObject({
  week: mondaySchema,
  note: z.string().trim().max(2000, "The note is at most 2000 characters").default(""),
});

export const timeEntrySchema = z.object({
  id: z.string(),
  contractId: z.string(),
  workDate: z.string(),
  minutes: z.number().int(),
  description: z.string(),
  createdAt: z.number().int(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const timesheetWeekSchema = z.object({
  week: z.string().meta({ description: "The week's Monday" }),
  minutes: z.number().int(),
  capMinutes: z.number().int(),
  minutesLeft: z.number().int(),
  /** Submitted weeks: what the owner pays; open weeks: what the time would be paid now. */
  amount: z.number().int(),
  currency: z.string(),
  /** "open" until first submitted, then its milestone's status. */
  status: z.enum(milestoneStatuses),
  /** The timesheet milestone the owner accepts and releases; null until first submitted. */
  milestoneId: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  /** The owner's feedback when the week was sent back. */
  feedback: z.string().nullable(),
});
export type TimesheetWeek = z.infer<typeof timesheetWeekSchema>;

export const weekEntriesSchema = timesheetWeekSchema.extend({
  entries: z.array(timeEntrySchema),
  /** Today in the contractor's time zone, so the form can offer it. */
  today: z.string(),
});
export type WeekEntries = z.infer<typeof weekEntriesSchema>;
