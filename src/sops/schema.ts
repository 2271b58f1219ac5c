import { z } from "zod";

export const MAX_STEPS = 60;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

const id = z.uuid();
export const sopParams = z.strictObject({ id });
export const versionParams = z.strictObject({ id, number: z.coerce.number().int().min(1) });
export const shareParams = z.strictObject({ id, userId: id });
export const imageParams = z.strictObject({ imageId: id });
export const runStatuses = ["open", "submitted", "accepted"] as const;
export const runParams = z.strictObject({ id });
export const runStepParams = z.strictObject({
  id,
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_STEPS - 1),
});
export const questionParams = z.strictObject({ id, questionId: id });
export const diffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);

export const stepInput = z.strictObject({
  instruction: z
    .string()
    .trim()
    .min(1, "Write the step as one short instruction")
    .max(300, "A step's instruction is at most 300 characters; move the rest to its detail"),
  detail: text(5000, "A step's detail").default("").meta({ description: "Markdown" }),
  check: text(200, "A check").default("").meta({ description: "What the worker confirms" }),
  imageId: id.nullable().default(null),
});

export const draftInput = z.strictObject({
  title: z.string().trim().min(1, "Give the procedure a title").max(120, "At most 120 characters"),
  purpose: text(1000, "The purpose").default(""),
  definitionOfDone: text(1000, "The definition of done").default(""),
  tools: z
    .array(z.string().trim().min(1).max(80, "A tool name is at most 80 characters"))
    .max(30, "At most 30 tools")
    .default([])
    .meta({ description: "Names only; never passwords or keys" }),
  steps: z.array(stepInput).max(MAX_STEPS, `At most ${MAX_STEPS} steps`).default([]),
});

export const linkInput = z.strictObject({
  taskId: id.nullable().meta({ description: "The task-audit task this blueprints" }),
  areaId: id.nullable().meta({ description: "The skill area" }),
});

export const publishInput = z.strictObject({
  overrideReason: text(1000, "The reason").nullable().default(null),
});

/** A written reason to hand over a hard-to-follow version: at least a short sentence. */
export const MIN_OVERRIDE_REASON = 10;

export const overrideInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(MIN_OVERRIDE_REASON, "Explain in a sentence why it may go out as it is")
    .max(1000),
});

export const shareInput = z.strictObject({
  versionNumber: z.number().int().min(1),
  contractorIds: z.array(id).min(1, "Choose at least one contractor").max(50),
});

export const settingsInput = z.strictObject({
  minReadingEase: z.number().int().min(0).max(100),
  jargon: z.array(z.string().trim().toLowerCase().min(2).max(40)).max(200),
});

export const templateInput = z.strictObject({ template: z.string().min(1).max(60) });

const readabilitySchema = z.object({
  readingEase: z.number().nullable(),
  gradeLevel: z.number().nullable(),
  longSentences: z.array(z.string()),
  longWords: z.array(z.string()),
});

export const scoreSchema = z.object({
  whole: readabilitySchema,
  steps: z.array(z.object({ readability: readabilitySchema, flags: z.array(z.string()) })),
  passivePhrases: z.array(z.string()),
  jargon: z.array(z.string()),
  hardToFollow: z.boolean(),
  reasons: z.array(z.string()),
});

export const stepSchema = z.object({
  instruction: z.string(),
  detail: z.string(),
  detailHtml: z.string().meta({ description: "The detail rendered from Markdown and sanitised" }),
  check: z.string(),
  imageId: z.string().nullable(),
});

export const versionSchema = z.object({
  sopId: z.string(),
  number: z.number().int().nullable().meta({ description: "Null for the draft" }),
  title: z.string(),
  purpose: z.string(),
  definitionOfDone: z.string(),
  tools: z.array(z.string()),
  steps: z.array(stepSchema),
  score: scoreSchema,
  overrideReason: z.string().nullable(),
  mayHandOver: z.boolean(),
  publishedAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
});

export const versionSummarySchema = z.object({
  number: z.number().int(),
  title: z.string(),
  publishedAt: z.number().int(),
  readingEase: z.number().nullable(),
  hardToFollow: z.boolean(),
  overrideReason: z.string().nullable(),
});

export const sopSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  taskId: z.string().nullable(),
  areaId: z.string().nullable(),
  latestVersion: z.number().int().nullable(),
  hasDraft: z.boolean(),
  hardToFollow: z.boolean().nullable().meta({ description: "Of the latest version" }),
  updatedAt: z.number().int(),
});

export const shareSchema = z.object({
  userId: z.string(),
  name: z.string(),
  versionNumber: z.number().int(),
  sharedAt: z.number().int(),
});

export const sopSchema = sopSummarySchema.extend({
  draft: versionSchema.nullable(),
  versions: z.array(versionSummarySchema),
  shares: z.array(shareSchema),
});

export const diffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  lines: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })),
});

export const settingsSchema = z.object({
  minReadingEase: z.number().int(),
  jargon: z.array(z.string()),
});

export const templateSchema = z.object({
  key: z.string(),
  title: z.string(),
  purpose: z.string(),
  steps: z.number().int(),
});

export const imageSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});

export const jobPostSchema = z.object({
  variants: z.array(
    z.object({
      channel: z.enum(["referral", "network", "upwork", "guru", "peopleperhour", "fiverr"]),
      label: z.string(),
      markdown: z.string(),
      text: z.string(),
    }),
  ),
});

/** A version shared with the signed-in contractor. */
export const sharedSopSchema = z.object({
  sopId: z.string(),
  title: z.string(),
  versionNumber: z.number().int(),
  sharedAt: z.number().int(),
});

export const runInput = z.strictObject({
  sopId: id,
  versionNumber: z.number().int().min(1),
  contractorId: id,
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01")
    // Date.parse rolls 2026-02-30 over to March 2, so the date must read back the same.
    .refine((value) => {
      const instant = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(instant) && new Date(instant).toISOString().startsWith(value);
    }, "Not a real date")
    .meta({ description: "Due by the end of this day in the contractor's time zone" }),
});

export const checkInput = z.strictObject({
  note: text(2000, "A note").default(""),
  link: z
    .string()
    .trim()
    .max(500)
    .refine(
      (value) => value === "" || /^https?:\/\/\S+$/.test(value),
      "Use a web address starting with https://",
    )
    .default(""),
});

export const questionInput = z.strictObject({
  question: z.string().trim().min(1, "Ask your question").max(2000),
});

export const answerInput = z.strictObject({
  answer: z.string().trim().min(1, "Write the answer").max(2000),
});

export const questionSchema = z.object({
  id: z.string(),
  stepIndex: z.number().int(),
  question: z.string(),
  askedAt: z.number().int(),
  answer: z.string().nullable(),
  answeredAt: z.number().int().nullable(),
});

export const runStepSchema = z.object({
  index: z.number().int(),
  checkedAt: z.number().int().nullable(),
  note: z.string(),
  link: z.string(),
  /** Minutes from the previous check (or the start) to this one. */
  minutes: z.number().nullable(),
});

export const runSummarySchema = z.object({
  id: z.string(),
  sopId: z.string(),
  title: z.string(),
  versionNumber: z.number().int(),
  contractorId: z.string(),
  contractorName: z.string(),
  dueDate: z.string(),
  timeZone: z.string(),
  status: z.enum(runStatuses),
  stepsDone: z.number().int(),
  stepCount: z.number().int(),
  openQuestions: z.number().int(),
  startedAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
});

export const runSchema = runSummarySchema.extend({
  version: versionSchema,
  steps: z.array(runStepSchema),
  questions: z.array(questionSchema),
});

export const stuckSchema = z.array(
  z.object({
    versionNumber: z.number().int(),
    stepIndex: z.number().int(),
    instruction: z.string(),
    runs: z.number().int(),
    questions: z.number().int(),
    medianMinutes: z.number().nullable(),
    stuck: z.boolean(),
    why: z.string().nullable(),
  }),
);

export type SharedSop = z.infer<typeof sharedSopSchema>;
export type DraftInput = z.infer<typeof draftInput>;
export type Version = z.infer<typeof versionSchema>;
export type Sop = z.infer<typeof sopSchema>;
export type SopSummary = z.infer<typeof sopSummarySchema>;
export type Run = z.infer<typeof runSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type JobPost = z.infer<typeof jobPostSchema>;
export type Stuck = z.infer<typeof stuckSchema>;
