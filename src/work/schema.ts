import { z } from "zod";

/**
 * Running the work: settings, assignments, progress reports and replies, and each
 * contractor's reporting cadence. The web app imports these.
 */

const id = z.uuid();
export const idParams = z.strictObject({ id });

export const cadences = ["daily", "weekly"] as const;
export type Cadence = (typeof cadences)[number];
export const assignmentStatuses = ["open", "done", "cancelled"] as const;
export const MAX_REPORT_LINKS = 10;
/** A working day and then some: more in one report is a typo. */
export const MAX_REPORT_MINUTES = 24 * 60 * 7;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max.toLocaleString("en")} characters`);
const required = (max: number, label: string, missing: string) => text(max, label).min(1, missing);
const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} is a whole number` })
    .int(`${label} is a whole number`)
    .min(min, `${label} is at least ${min}`)
    .max(max, `${label} is at most ${max}`);

export const workSettingsSchema = z.object({
  relaxAfterDays: z.number().int().meta({
    description: "On-time working days in a row before daily reports relax to weekly",
  }),
  relaxAfterAccepted: z.number().int().meta({
    description: "Deliveries accepted without a send-back, also needed to relax",
  }),
  slipLimit: z.number().int().meta({
    description: "Missed reports and late milestones within the window that flag a contractor",
  }),
  slipWindowDays: z.number().int(),
  loyaltyWindowDays: z.number().int().meta({
    description: "How far back reliability is judged for the loyalty suggestion",
  }),
  updatedAt: z.number().int(),
});
export type WorkSettings = z.infer<typeof workSettingsSchema>;

export const workSettingsInput = z.strictObject({
  relaxAfterDays: count("The run of on-time days", 1, 60).optional(),
  relaxAfterAccepted: count("The number of accepted deliveries", 0, 20).optional(),
  slipLimit: count("The slip limit", 1, 50).optional(),
  slipWindowDays: count("The slip window", 1, 365).optional(),
  loyaltyWindowDays: count("The loyalty window", 7, 730).optional(),
});
export type WorkSettingsInput = z.infer<typeof workSettingsInput>;

const dueDate = z.iso.date({ error: "Use a date like 2026-03-10" }).meta({
  description: "YYYY-MM-DD in the contractor's time zone; due at the end of their working day",
});
const expectedHours = z
  .number({ error: "Enter the expected hours" })
  .positive("Expected hours are more than 0")
  .max(1000, "Expected hours are at most 1,000")
  .refine((hours) => Number.isInteger(hours * 4), "Use quarter hours, such as 1.25");

export const assignmentInput = z
  .strictObject({
    contractorId: id,
    contractId: id.meta({ description: "An active contract of this contractor's" }),
    taskId: id.nullable().default(null),
    sopId: id.nullable().default(null).meta({
      description: "A procedure to follow: its latest published version is kept with the work",
    }),
    title: required(200, "The title", "Say what the work is"),
    notes: text(5000, "The notes").default(""),
    dueDate,
    expectedHours,
  })
  .meta({ description: "Work for a contractor under one of their active contracts" });
export type AssignmentInput = z.infer<typeof assignmentInput>;
export type AssignmentForm = z.input<typeof assignmentInput>;

export const assignmentUpdate = z.strictObject({
  title: required(200, "The title", "Say what the work is").optional(),
  notes: text(5000, "The notes").optional(),
  dueDate: dueDate.optional(),
  expectedHours: expectedHours.optional(),
});
export type AssignmentUpdate = z.infer<typeof assignmentUpdate>;

export const assignmentFilter = z.strictObject({
  contractorId: id.optional(),
  status: z.enum(assignmentStatuses).optional(),
});
export type AssignmentFilter = z.infer<typeof assignmentFilter>;

export const assignmentSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  taskId: z.string().nullable(),
  taskName: z.string().nullable(),
  sopVersionId: z.string().nullable(),
  sopTitle: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  dueDate: z.string(),
  expectedMinutes: z.number().int(),
  status: z.enum(assignmentStatuses),
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

const link = z
  .url({ protocol: /^https?$/, error: "Use a web address starting with https://" })
  .max(2000, "A link is at most 2,000 characters");

export const reportInput = z.strictObject({
  done: required(5000, "What was done", "Say what you did"),
  next: required(5000, "What is next", "Say what you will do next"),
  blockers: text(5000, "Blockers").default(""),
  minutes: count("Minutes spent", 0, MAX_REPORT_MINUTES),
  links: z.array(link).max(MAX_REPORT_LINKS, `At most ${MAX_REPORT_LINKS} links`).default([]),
});
export type ReportInput = z.infer<typeof reportInput>;
export type ReportForm = z.input<typeof reportInput>;

const cursorSchema = z
  .string()
  .regex(/^\d{1,16}\.[0-9a-f-]{36}$/, "Use the nextCursor of the page before")
  .meta({ description: "The nextCursor of the previous page" });

export const reportFilter = z.strictObject({
  contractorId: id.optional(),
  openBlockers: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "Only reports with a blocker nobody has resolved yet" }),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReportFilter = z.infer<typeof reportFilter>;

export const replyInput = z.strictObject({
  body: required(5000, "The reply", "Write a reply"),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const replySchema = z.object({
  id: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.number().int(),
});
export type Reply = z.infer<typeof replySchema>;

export const reportSchema = z.object({
  id: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  done: z.string(),
  next: z.string(),
  blockers: z.string(),
  minutes: z.number().int(),
  links: z.array(z.string()),
  dueAt: z.number().int().nullable().meta({ description: "The due instant this report answers" }),
  submittedAt: z.number().int(),
  blockerResolvedAt: z.number().int().nullable(),
  replies: z.array(replySchema),
});
export type Report = z.infer<typeof reportSchema>;

export const reportPageSchema = z.object({
  reports: z.array(reportSchema),
  nextCursor: z.string().nullable(),
});
export type ReportPage = z.infer<typeof reportPageSchema>;

export const cadencePinInput = z.strictObject({
  cadence: z.enum(cadences).nullable().meta({ description: "null removes the pin" }),
});
export type CadencePinInput = z.infer<typeof cadencePinInput>;

export const cadenceChangeSchema = z.object({
  at: z.number().int(),
  from: z.enum(cadences),
  to: z.enum(cadences),
  kind: z.enum(["relaxed", "tightened", "pinned", "unpinned"]),
  words: z.string(),
});

export const cadenceSchema = z.object({
  contractorId: z.string(),
  contractorName: z.string(),
  timeZone: z.string(),
  /** False until one of their contracts is accepted: nothing is due before then. */
  reporting: z.boolean(),
  cadence: z.enum(cadences),
  pinned: z.boolean(),
  nextDue: z
    .object({
      at: z.number().int(),
      date: z.string().meta({ description: "The contractor's local date" }),
      time: z.string().meta({ description: "HH:MM on the contractor's clock" }),
    })
    .nullable(),
  explanation: z.string(),
  run: z.object({
    onTimeDays: z.number().int(),
    acceptedDeliveries: z.number().int(),
    onTimeDaysToRelax: z.number().int(),
    acceptedDeliveriesToRelax: z.number().int(),
  }),
  missedReports: z.number().int().meta({ description: "Reports missed or late so far" }),
  changes: z
    .array(cadenceChangeSchema)
    .meta({ description: "Every change of cadence, newest first" }),
});
export type CadenceView = z.infer<typeof cadenceSchema>;
