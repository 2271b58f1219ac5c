import { z } from "zod";
import { amountSchema } from "../money/schema.ts";
import { hasAtMostDecimals } from "../numbers.ts";
import { isMonth } from "./rules.ts";

export const monthSchema = z
  .string()
  .refine(isMonth, "Use a month like 2026-03 (YYYY-MM)")
  .meta({ description: "Calendar month, YYYY-MM", example: "2026-03" });

const count = (what: string) =>
  z
    .number({ error: `Enter the number of ${what}` })
    .int("Use a whole number")
    .min(0, "Cannot be negative")
    .max(1_000_000_000_000, "That number is too large")
    .meta({ description: `Number of ${what}` });

export const siteIdParams = z.strictObject({ id: z.uuid() });
export const periodParams = z.strictObject({ id: z.uuid(), month: monthSchema });
export const rangeQuery = z.strictObject({
  from: monthSchema.optional(),
  to: monthSchema.optional(),
});

export const siteInput = z.strictObject({
  name: z.string().trim().min(1, "Name the site").max(80, "At most 80 characters"),
  url: z
    .string()
    .trim()
    .max(300, "At most 300 characters")
    .refine(
      (value) => value === "" || /^https?:\/\/\S+$/.test(value),
      "Use a web address starting with https://",
    )
    .default(""),
});

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  months: z.number().int(),
});

const funnelFields = {
  visitors: count("visitors"),
  prospects: count("prospects (opt-ins)"),
  customers: count("customers"),
  revenue: amountSchema("Revenue"),
  trafficCost: amountSchema("Traffic cost"),
  otherCosts: amountSchema("Other costs"),
};

/** A month's numbers; opt-ins and customers are people who visited, so neither exceeds visitors. */
export const periodInput = z
  .strictObject(funnelFields)
  .refine((period) => period.prospects <= period.visitors, {
    message: "Prospects cannot exceed visitors",
    path: ["prospects"],
  })
  .refine((period) => period.customers <= period.visitors, {
    message: "Customers cannot exceed visitors",
    path: ["customers"],
  });

export const figureSchema = z.object({
  value: z.number().nullable(),
  reason: z.string().nullable().meta({ description: "Why there is no value (e.g. no visitors)" }),
});

export const figuresSchema = z.object({
  visitorToProspect: figureSchema.meta({ description: "Percent" }),
  visitorToCustomer: figureSchema.meta({ description: "Percent" }),
  prospectToCustomer: figureSchema.meta({ description: "Percent" }),
  valuePerVisitor: figureSchema.meta({ description: "Minor units" }),
  costPerVisitor: figureSchema.meta({ description: "Minor units" }),
  breakEvenCostPerVisitor: figureSchema.meta({ description: "Minor units" }),
  profit: z.number().int(),
  margin: figureSchema.meta({ description: "Percent" }),
});

const numbersSchema = z.object({
  visitors: z.number().int(),
  prospects: z.number().int(),
  customers: z.number().int(),
  revenue: z.number().int(),
  trafficCost: z.number().int(),
  otherCosts: z.number().int(),
});

export const periodSchema = numbersSchema.extend({
  siteId: z.string(),
  month: z.string(),
  figures: figuresSchema,
});

export const summarySchema = z.object({
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  months: z.number().int(),
  totals: numbersSchema.extend({ figures: figuresSchema }),
  sites: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      totals: numbersSchema,
      figures: figuresSchema,
    }),
  ),
  trend: z.array(
    z.object({
      month: z.string(),
      revenue: z.number().int(),
      profit: z.number().int(),
      visitors: z.number().int(),
    }),
  ),
  monthlyProfit: z.number().int().meta({ description: "Average per month over the range" }),
  monthlyRevenue: z.number().int(),
  maxAffordableSpend: z.number().int().meta({ description: "Per month, keeping the profit floor" }),
});

export const budgetInput = z.strictObject({
  monthlyBudget: amountSchema("Monthly outsourcing budget"),
  minMonthlyProfit: amountSchema("The least monthly profit to keep").nullable().default(null),
  minMarginPercent: z
    .number()
    .min(0, "Between 0 and 100")
    .max(100, "Between 0 and 100")
    .refine((value) => hasAtMostDecimals(value, 2), "Use at most two decimals")
    .nullable()
    .default(null),
  reinvestPercent: z
    .number()
    .int("Whole percent")
    .min(0, "Between 0 and 100")
    .max(100, "Between 0 and 100")
    .default(50),
  extraProfitOverride: amountSchema("Extra monthly profit the owner expects, typed in")
    .nullable()
    .default(null),
});

export const budgetSchema = z.object({
  currency: z.string(),
  plan: z.object({
    monthlyBudget: z.number().int(),
    minMonthlyProfit: z.number().int().nullable(),
    minMarginPercent: z.number().nullable(),
    reinvestPercent: z.number().int(),
    extraProfitOverride: z.number().int().nullable(),
  }),
  month: z.string().meta({ description: "The current month in the workspace's time zone" }),
  plannedSpend: z
    .number()
    .int()
    .meta({ description: "Monthly cost of delegating the audit's delegate tasks" }),
  actualSpend: z.number().int().nullable().meta({
    description: "Paid this month, from the payments ledger; null until payments are recorded",
  }),
  budgetLeft: z.number().int(),
  roi: z.object({
    currentMonthlyProfit: z.number().int(),
    profitSource: z.enum(["metrics", "earnings", "none"]),
    spend: z.number().int(),
    spendSource: z.enum(["actual", "budget", "plan"]),
    extraProfit: z.number().int(),
    extraProfitSource: z.enum(["freed-hours", "typed"]),
    freedHoursPerWeek: z.number(),
    resultingProfit: z.number().int(),
  }),
  maxAffordableSpend: z.number().int().nullable(),
});

export const periodImportQuery = z.strictObject({
  mode: z.enum(["all", "valid"]).default("all").meta({
    description: "all: write nothing unless every line is valid; valid: import the valid lines",
  }),
});

export const periodImportResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
});

export type SiteInput = z.infer<typeof siteInput>;
export type Site = z.infer<typeof siteSchema>;
export type PeriodInput = z.infer<typeof periodInput>;
export type Period = z.infer<typeof periodSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type BudgetInput = z.infer<typeof budgetInput>;
export type Budget = z.infer<typeof budgetSchema>;
export type PeriodImportResult = z.infer<typeof periodImportResultSchema>;
