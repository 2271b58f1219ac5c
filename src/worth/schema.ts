import { z } from "zod";
import { amountSchema } from "../money/schema.ts";
import { hoursSchema } from "../time/hours.ts";

const idSchema = z.uuid();
export const worthIdParams = z.strictObject({ id: idSchema });

const rating = (what: string) =>
  z
    .number({ error: "Choose 1 to 5" })
    .int("Choose 1 to 5")
    .min(1, "Choose 1 to 5")
    .max(5, "Choose 1 to 5")
    .meta({ description: what });

export const earningsInput = z.discriminatedUnion("basis", [
  z.strictObject({
    basis: z.literal("hours"),
    profitPerYear: amountSchema("Profit per year"),
    targetProfitPerYear: amountSchema("The profit the owner aims for").nullable().default(null),
    hoursPerYear: z
      .number({ error: "Enter hours per year" })
      .int("Whole hours")
      .min(1, "At least 1 hour")
      .max(8784, "A year has at most 8,784 hours")
      .default(2080),
  }),
  z.strictObject({
    basis: z.literal("days"),
    profitPerYear: amountSchema("Profit per year"),
    targetProfitPerYear: amountSchema("The profit the owner aims for").nullable().default(null),
    daysPerYear: z
      .number({ error: "Enter working days per year" })
      .int("Whole days")
      .min(1, "At least 1 day")
      .max(366, "A year has at most 366 days"),
    hoursPerDay: hoursSchema(24, "Working hours per day").refine((h) => h > 0, "More than 0 hours"),
  }),
]);

export const hourlyValueSchema = z.object({
  perHour: z.number().int(),
  perDay: z.number().int(),
  working: z.array(z.string()),
});

export const worthSchema = z.object({
  currency: z.string(),
  earnings: z
    .object({
      basis: z.enum(["hours", "days"]),
      profitPerYear: z.number().int(),
      targetProfitPerYear: z.number().int().nullable(),
      hoursPerYear: z.number().int(),
      daysPerYear: z.number().int(),
      hoursPerDay: z.number(),
    })
    .nullable(),
  hourlyValue: hourlyValueSchema.nullable(),
  targetHourlyValue: hourlyValueSchema.nullable(),
});

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  defaultRate: z.number().int().nullable(),
  taskCount: z.number().int(),
});

export const areaInput = z.strictObject({
  name: z.string().trim().min(1, "Name the area").max(40, "At most 40 characters"),
  defaultRate: amountSchema("Estimated market rate per hour").nullable(),
});

export const barterSkillSchema = z.object({ id: z.string(), name: z.string() });

export const barterSkillInput = z.strictObject({
  name: z.string().trim().min(1, "Name the skill").max(60, "At most 60 characters"),
});

export const recommendationSchema = z.enum(["keep", "delegate", "barter", "eliminate"]);

const taskFields = {
  name: z.string().trim().min(1, "Name the task").max(120, "At most 120 characters"),
  areaId: idSchema,
  hoursPerWeek: hoursSchema(168, "Hours a week the owner spends on it"),
  skill: rating("How good the owner is at it, 1–5"),
  enjoyment: rating("How much the owner likes it, 1–5"),
  strategic: z.boolean().meta({ description: "Only the owner can do it" }),
  needed: z.boolean().meta({ description: "The business still needs it done" }),
  marketRate: amountSchema("What an hour of it costs to have done")
    .nullable()
    .meta({ description: "Per hour; null to use the area's estimate" }),
};

export const taskInput = z.strictObject({
  ...taskFields,
  strategic: taskFields.strategic.default(false),
  needed: taskFields.needed.default(true),
  marketRate: taskFields.marketRate.default(null),
});

/**
 * Built from the fields without their defaults: zod applies a default even inside
 * .partial(), which would reset every field the owner did not send.
 */
export const taskUpdateInput = z
  .strictObject(taskFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Change at least one field");

export const auditTaskSchema = z.object({
  id: z.string(),
  name: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  hoursPerWeek: z.number(),
  skill: z.number().int(),
  enjoyment: z.number().int(),
  strategic: z.boolean(),
  needed: z.boolean(),
  marketRate: z.number().int().nullable().meta({ description: "As entered for this task" }),
  effectiveRate: z
    .number()
    .int()
    .nullable()
    .meta({ description: "This task's rate, or its area's estimate" }),
  rateIsEstimate: z.boolean(),
  recommendation: recommendationSchema,
  reason: z.string(),
  weeklyCost: z.number().int(),
});

export const auditSchema = z.object({
  currency: z.string(),
  hourlyValue: z.number().int().nullable(),
  tasks: z.array(auditTaskSchema),
  totals: z.object({
    freeableHoursPerWeek: z.number(),
    monthlyDelegationCost: z.number().int(),
    weeklyCostOfLowValueWork: z.number().int(),
  }),
});

export const importResultSchema = z.object({ imported: z.number().int() });

export type EarningsInput = z.infer<typeof earningsInput>;
export type Worth = z.infer<typeof worthSchema>;
export type Area = z.infer<typeof areaSchema>;
export type BarterSkill = z.infer<typeof barterSkillSchema>;
export type TaskInput = z.infer<typeof taskInput>;
export type AuditTask = z.infer<typeof auditTaskSchema>;
export type Audit = z.infer<typeof auditSchema>;
