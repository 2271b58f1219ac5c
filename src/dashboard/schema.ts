import { z } from "zod";
import { guardrailWarningSchema } from "../guardrails/schema.ts";
import { cadences } from "../work/schema.ts";

/**
 * What needs the owner today and what is due from a contractor: short lists of things to act
 * on, each with the words to show and the app path one click from acting. The web app
 * imports these.
 */

const href = z.string().startsWith("/").meta({ description: "App path where it is acted on" });

export const dashboardItemSchema = z.object({
  key: z.string().meta({ description: "Stable for the same cause, for lists and tests" }),
  title: z.string(),
  reason: z.string(),
  href,
});

const dueItemSchema = dashboardItemSchema.extend({
  dueDate: z.iso.date(),
  overdue: z.boolean(),
});

export const budgetLeftSchema = z.object({
  currency: z.string(),
  month: z.string().meta({ description: "The current month in the workspace's time zone" }),
  monthlyBudget: z.number().int(),
  spent: z.number().int(),
  spendSource: z.enum(["actual", "plan"]).meta({
    description: "Actual: paid this month according to the ledger; plan: nothing paid yet",
  }),
  left: z.number().int().meta({ description: "Negative when over budget" }),
  reason: z.string(),
  href,
});

export const dashboardSchema = z.object({
  reportsMissing: z.array(dashboardItemSchema),
  milestonesDue: z.array(dueItemSchema).meta({
    description: "Due within two days or overdue, on the contractor's clock; overdue first",
  }),
  awaitingReview: z.array(dashboardItemSchema),
  awaitingAcceptance: z.array(dashboardItemSchema),
  budget: budgetLeftSchema.nullable().meta({ description: "Null while no monthly budget is set" }),
  guardrails: z.array(guardrailWarningSchema),
  gettingStarted: z.boolean().meta({
    description: "True while there is nobody to hand work to yet: no contractor at all",
  }),
});

const paymentsLineSchema = z.object({
  currency: z.string(),
  owed: z.number().int().meta({ description: "Accepted and released to them, not paid out yet" }),
  paid: z.number().int(),
});

export const portalTodaySchema = z.object({
  report: z
    .object({
      cadence: z.enum(cadences),
      dueAt: z.number().int(),
      dueDate: z.iso.date(),
      time: z.string().meta({ description: "Due time on their own clock, HH:MM" }),
      timeZone: z.string(),
      missedLast: z.boolean().meta({ description: "The latest report slot passed with none" }),
      explanation: z.string(),
    })
    .nullable()
    .meta({ description: "Null until a contract of theirs is accepted" }),
  milestones: z.array(dueItemSchema),
  assignments: z.array(dueItemSchema),
  sentBack: z.array(dashboardItemSchema),
  runs: z.array(dashboardItemSchema),
  payments: z.array(paymentsLineSchema),
});

export type DashboardItem = z.infer<typeof dashboardItemSchema>;
export type DueItem = z.infer<typeof dueItemSchema>;
export type BudgetLeft = z.infer<typeof budgetLeftSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type PortalToday = z.infer<typeof portalTodaySchema>;
