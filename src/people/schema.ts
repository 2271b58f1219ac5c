import { z } from "zod";
import { emailSchema, personNameSchema } from "../auth/schema.ts";
import { currencySchema } from "../money/currency.ts";
import { MAX_AMOUNT } from "../money/schema.ts";
import { timeZoneSchema } from "../time/zone.ts";
import { countrySchema } from "./countries.ts";

/**
 * People: the contractor directory, channels, openings and the hiring pipeline, the
 * evidence on each candidate, bench strength and channel analytics. The web app imports
 * these same schemas.
 */

const id = z.uuid();
export const idParams = z.strictObject({ id });
export const evidenceParams = z.strictObject({ id, itemId: id });

export const MAX_SAMPLE_BYTES = 5 * 1024 * 1024;
/** What a sample file may be: documents and pictures that are safe to hand back as downloads. */
export const SAMPLE_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "text/plain",
] as const;

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const required = (max: number, label: string) =>
  text(max, label).min(1, `Enter ${label.toLowerCase()}`);

export const contractorStatuses = ["candidate", "active", "paused", "ended"] as const;
export const contactMethods = ["email", "phone", "chat"] as const;
export const pipelineStages = [
  "sourced",
  "screening",
  "interview",
  "test_project",
  "hired",
  "rejected",
] as const;
/** The stages a candidate moves through on the board before the outcome. */
export const openStages = ["sourced", "screening", "interview", "test_project"] as const;
export const scorecardCriteria = [
  "communication",
  "professionalism",
  "samples",
  "references",
  "reviews",
  "test_project",
] as const;

export const levelSchema = z
  .number({ error: "Choose a level from 1 to 5" })
  .int("Choose a level from 1 to 5")
  .min(1, "Choose a level from 1 to 5")
  .max(5, "Choose a level from 1 to 5");

export const scoreSchema = z
  .number({ error: "Score from 1 to 5" })
  .int("Score from 1 to 5")
  .min(1, "Score from 1 to 5")
  .max(5, "Score from 1 to 5");

/** "HH:MM", 24-hour clock. */
export const clockTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00")
  .meta({ description: "Time of day, HH:MM (24-hour)", example: "09:00" });

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const workingDaysSchema = z
  .array(z.number().int().min(1, "Days are 1 (Monday) to 7 (Sunday)").max(7, "Days are 1 to 7"))
  .min(1, "Choose at least one working day")
  .max(7)
  .refine((days) => new Set(days).size === days.length, "Each day once")
  .transform((days) => [...days].sort((a, b) => a - b));

/** A rate in minor units of the contractor's own currency. */
const rateSchema = (what: string) =>
  z
    .number({ error: "Enter a rate" })
    .int("Rates are whole minor units (cents); fractions of a cent are not allowed")
    .min(0, "A rate cannot be negative")
    .max(MAX_AMOUNT, "That rate is too large")
    .nullable()
    .default(null)
    .meta({ description: `${what}, in minor units of rateCurrency` });

export const skillInput = z.strictObject({
  areaId: id.meta({ description: "A task area from the audit" }),
  level: levelSchema,
  verified: z.boolean().default(false),
});

/** What a new directory record has until someone says otherwise. */
export const NEW_CONTRACTOR_DEFAULTS = {
  dayStart: "09:00",
  dayEnd: "17:00",
  workingDays: [1, 2, 3, 4, 5],
  contactMethod: "email",
} as const;

const contactFields = {
  contactMethod: z.enum(contactMethods).default(NEW_CONTRACTOR_DEFAULTS.contactMethod),
  phone: text(40, "A phone number").nullable().default(null),
  chatHandle: text(120, "A chat handle").nullable().default(null),
};

const workingHoursFields = {
  timeZone: timeZoneSchema,
  dayStart: clockTimeSchema.default(NEW_CONTRACTOR_DEFAULTS.dayStart),
  dayEnd: clockTimeSchema.default(NEW_CONTRACTOR_DEFAULTS.dayEnd),
  workingDays: workingDaysSchema.default(() => [...NEW_CONTRACTOR_DEFAULTS.workingDays]),
};

/** Phone and chat need the number or handle they refer to; a working day must end after it starts. */
function contactAndHours<
  T extends {
    contactMethod?: string;
    phone?: string | null;
    chatHandle?: string | null;
    dayStart?: string;
    dayEnd?: string;
  },
>(value: T, ctx: z.RefinementCtx) {
  if (value.contactMethod === "phone" && !value.phone) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter the phone number to use" });
  }
  if (value.contactMethod === "chat" && !value.chatHandle) {
    ctx.addIssue({ code: "custom", path: ["chatHandle"], message: "Enter the chat handle to use" });
  }
  if (value.dayStart && value.dayEnd && value.dayEnd <= value.dayStart) {
    ctx.addIssue({ code: "custom", path: ["dayEnd"], message: "The day ends after it starts" });
  }
}

export const contractorInput = z
  .strictObject({
    name: personNameSchema,
    email: emailSchema,
    country: countrySchema.nullable().default(null),
    ...workingHoursFields,
    ...contactFields,
    hourlyRate: rateSchema("Hourly rate"),
    projectRate: rateSchema("Typical per-project rate"),
    rateCurrency: currencySchema,
    channelId: id.nullable().default(null),
    notes: text(5000, "Notes").default(""),
    status: z.enum(contractorStatuses).default("candidate"),
    skills: z
      .array(skillInput)
      .max(50)
      .default([])
      .refine(
        (skills) => new Set(skills.map((s) => s.areaId)).size === skills.length,
        "Each skill area once",
      ),
  })
  .superRefine(contactAndHours);
export type ContractorInput = z.infer<typeof contractorInput>;

/** What contractors keep up to date themselves in the portal. */
export const ownProfileInput = z
  .strictObject({
    country: countrySchema.nullable().default(null),
    ...workingHoursFields,
    ...contactFields,
  })
  .superRefine(contactAndHours);
export type OwnProfileInput = z.infer<typeof ownProfileInput>;

export const contractorFilter = z.strictObject({
  q: z.string().trim().max(200).optional(),
  areaId: id.optional(),
  minLevel: z.coerce.number().int().min(1).max(5).optional(),
  status: z.enum(contractorStatuses).optional(),
  channelId: id.optional(),
  /** At least this many hours of the working day shared with the owner's. */
  minOverlapHours: z.coerce.number().min(0).max(24).optional(),
});
export type ContractorFilter = z.infer<typeof contractorFilter>;

const skillSchema = z.object({
  areaId: z.string(),
  areaName: z.string(),
  level: z.number().int(),
  verified: z.boolean(),
});

const moneySchema = z.object({ amount: z.number().int(), currency: z.string() });

export const rateSchemaOut = z.object({
  hourly: moneySchema.nullable(),
  project: moneySchema.nullable(),
  /** The same rates in the workspace currency, when the rates differ in currency and a rate is set. */
  hourlyInWorkspace: moneySchema.nullable(),
  projectInWorkspace: moneySchema.nullable(),
  /** Why there is no workspace-currency figure, e.g. no exchange rate recorded. */
  conversionNote: z.string().nullable(),
});

export const portalStatuses = ["none", "invited", "joined"] as const;

export const contractorSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  country: z.string().nullable(),
  countryName: z.string().nullable(),
  timeZone: z.string(),
  dayStart: z.string(),
  dayEnd: z.string(),
  workingDays: z.array(z.number().int()),
  contactMethod: z.enum(contactMethods),
  phone: z.string().nullable(),
  chatHandle: z.string().nullable(),
  hourlyRate: z.number().int().nullable(),
  projectRate: z.number().int().nullable(),
  rateCurrency: z.string(),
  rates: rateSchemaOut,
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  notes: z.string(),
  status: z.enum(contractorStatuses),
  skills: z.array(skillSchema),
  /** Hours of the contractor's working day that fall inside the owner's, on a typical weekday. */
  overlapHours: z.number(),
  portal: z.object({
    status: z.enum(portalStatuses),
    inviteId: z.string().nullable(),
    userId: z.string().nullable(),
  }),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Contractor = z.infer<typeof contractorSchema>;

export const rateChangeSchema = z.object({
  id: z.string(),
  hourlyRate: z.number().int().nullable(),
  projectRate: z.number().int().nullable(),
  currency: z.string(),
  changedAt: z.number().int(),
  changedByName: z.string().nullable(),
});
export type RateChange = z.infer<typeof rateChangeSchema>;

export const candidacySummarySchema = z.object({
  id: z.string(),
  openingId: z.string(),
  openingTitle: z.string(),
  stage: z.enum(pipelineStages),
  score: z.number().nullable(),
});

/** The owner's full view of one person: the record, its rate history and their candidacies. */
export const contractorDetailSchema = contractorSchema.extend({
  rateHistory: z.array(rateChangeSchema),
  candidacies: z.array(candidacySummarySchema),
});
export type ContractorDetail = z.infer<typeof contractorDetailSchema>;

/** What a contractor sees of their own record: never notes, scores or rate history. */
export const ownProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  country: z.string().nullable(),
  timeZone: z.string(),
  dayStart: z.string(),
  dayEnd: z.string(),
  workingDays: z.array(z.number().int()),
  contactMethod: z.enum(contactMethods),
  phone: z.string().nullable(),
  chatHandle: z.string().nullable(),
  skills: z.array(skillSchema.omit({ verified: true })),
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

export const csvImportResult = z.object({ created: z.number().int(), updated: z.number().int() });

/** A decimal exchange rate with at most six places, e.g. "1.08". */
export const exchangeRateInput = z.strictObject({
  currency: currencySchema,
  rate: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,6})?$/, "Use a decimal such as 1.08 (at most six places)")
    .refine((value) => Number(value) > 0, "A rate is more than 0"),
});

export const peopleSettingsInput = z
  .strictObject({
    minSkillLevel: levelSchema,
    ownerDayStart: clockTimeSchema,
    ownerDayEnd: clockTimeSchema,
    exchangeRates: z
      .array(exchangeRateInput)
      .max(100)
      .refine(
        (rates) => new Set(rates.map((r) => r.currency)).size === rates.length,
        "Each currency once",
      ),
  })
  .partial()
  .superRefine((value, ctx) => {
    if (value.ownerDayStart && value.ownerDayEnd && value.ownerDayEnd <= value.ownerDayStart) {
      ctx.addIssue({
        code: "custom",
        path: ["ownerDayEnd"],
        message: "The day ends after it starts",
      });
    }
  });

export const peopleSettingsSchema = z.object({
  minSkillLevel: z.number().int(),
  ownerDayStart: z.string(),
  ownerDayEnd: z.string(),
  /** The workspace's time zone, in which the owner's day is meant. */
  ownerTimeZone: z.string(),
  workspaceCurrency: z.string(),
  exchangeRates: z.array(z.object({ currency: z.string(), rate: z.string() })),
});
export type PeopleSettings = z.infer<typeof peopleSettingsSchema>;

export const channelInput = z.strictObject({
  name: required(60, "A channel name"),
  feeBasisPoints: z
    .number({ error: "Enter the fee as a percentage" })
    .int("Whole hundredths of a percent")
    .min(0, "A fee cannot be negative")
    .max(10_000, "A fee is at most 100 %")
    .default(0)
    .meta({ description: "Fee the channel charges, in hundredths of a percent (1000 = 10 %)" }),
  archived: z.boolean().default(false),
});

export const channelSchema = z.object({
  id: z.string(),
  name: z.string(),
  feeBasisPoints: z.number().int(),
  position: z.number().int(),
  archived: z.boolean(),
  /** People who came through it; a channel in use is archived rather than deleted. */
  people: z.number().int(),
});
export type Channel = z.infer<typeof channelSchema>;

// Hiring: openings, the pipeline and the evidence on each candidate.

export const openingInput = z.strictObject({
  title: required(120, "A title"),
  areaId: id.nullable().default(null),
  sopId: id.nullable().default(null),
  jobPost: text(20_000, "The job post").default(""),
});

export const openingUpdate = z
  .strictObject({
    title: required(120, "A title"),
    areaId: id.nullable(),
    jobPost: text(20_000, "The job post"),
    status: z.enum(["open", "closed"]),
  })
  .partial();

const stageCounts = z.object(
  Object.fromEntries(pipelineStages.map((stage) => [stage, z.number().int()])) as Record<
    (typeof pipelineStages)[number],
    z.ZodNumber
  >,
);

export const openingSchema = z.object({
  id: z.string(),
  title: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  sopId: z.string().nullable(),
  sopTitle: z.string().nullable(),
  jobPost: z.string(),
  status: z.enum(["open", "closed"]),
  counts: stageCounts,
  createdAt: z.number().int(),
  closedAt: z.number().int().nullable(),
});
export type Opening = z.infer<typeof openingSchema>;

export const newCandidateInput = z.union([
  z.strictObject({ contractorId: id }),
  z.strictObject({
    person: z.strictObject({
      name: personNameSchema,
      email: emailSchema,
      timeZone: timeZoneSchema,
      country: countrySchema.nullable().default(null),
      channelId: id.nullable().default(null),
    }),
  }),
]);

export const stageMove = z
  .strictObject({
    stage: z.enum(pipelineStages),
    /** Place in the target column, 0 = top; at the bottom when left out. */
    position: z.number().int().min(0).optional(),
    reason: text(1000, "The reason").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.stage === "rejected" && !value.reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why, so the decision can be looked back on",
      });
    }
  });

export const missingCheckSchema = z.object({
  check: z.enum(["samples", "references", "reviews", "interview", "test_project", "scorecard"]),
  message: z.string(),
});

export const candidacySchema = z.object({
  id: z.string(),
  openingId: z.string(),
  contractor: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    country: z.string().nullable(),
    timeZone: z.string(),
    channelName: z.string().nullable(),
    status: z.enum(contractorStatuses),
  }),
  stage: z.enum(pipelineStages),
  position: z.number().int(),
  rejectionReason: z.string().nullable(),
  stageChangedAt: z.number().int(),
  hiredAt: z.number().int().nullable(),
  /** The weighted scorecard, 1–5 with two decimals; null until something is scored. */
  score: z.number().nullable(),
  missingChecks: z.array(missingCheckSchema),
  createdAt: z.number().int(),
});
export type Candidacy = z.infer<typeof candidacySchema>;

export const sampleLinkInput = z.strictObject({
  title: required(200, "A title"),
  url: z.url({ protocol: /^https?$/, error: "Enter a web address starting with http(s)://" }),
});

export const sampleSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  createdAt: z.number().int(),
});

export const referenceInput = z.strictObject({
  name: required(120, "Who the reference is"),
  contact: text(200, "How to reach them").default(""),
  contacted: z.boolean().default(false),
  said: text(5000, "What they said").default(""),
});

export const referenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  contacted: z.boolean(),
  said: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const reviewCheckInput = z.strictObject({
  source: required(200, "Where the reviews were read"),
  summary: required(5000, "A summary"),
});

export const reviewCheckSchema = z.object({
  id: z.string(),
  source: z.string(),
  summary: z.string(),
  createdAt: z.number().int(),
});

export const interviewInput = z.strictObject({
  heldOn: z.iso.date("Use a date such as 2026-03-14"),
  questions: z
    .array(
      z.strictObject({
        question: required(500, "The question"),
        answer: text(5000, "The answer").default(""),
      }),
    )
    .max(50)
    .default([]),
  notes: text(10_000, "Notes").default(""),
});

export const interviewSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  questions: z.array(z.object({ question: z.string(), answer: z.string() })),
  notes: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const scorecardInput = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion: z.enum(scorecardCriteria),
        score: scoreSchema,
        note: text(2000, "A note").default(""),
      }),
    )
    .max(scorecardCriteria.length)
    .refine(
      (scores) => new Set(scores.map((s) => s.criterion)).size === scores.length,
      "Each criterion once",
    ),
});

export const scorecardSchema = z.object({
  criteria: z.array(
    z.object({
      criterion: z.enum(scorecardCriteria),
      label: z.string(),
      /** Share of the total, in percent; the weights sum to 100. */
      weight: z.number().int(),
      score: z.number().int().nullable(),
      note: z.string(),
    }),
  ),
  score: z.number().nullable(),
});

export const evaluationSchema = z.object({
  candidacy: candidacySchema,
  opening: z.object({
    id: z.string(),
    title: z.string(),
    areaName: z.string().nullable(),
    /** Evidence is written only while the opening is open. */
    status: z.enum(["open", "closed"]),
  }),
  samples: z.array(sampleSchema),
  references: z.array(referenceSchema),
  reviewChecks: z.array(reviewCheckSchema),
  interviews: z.array(interviewSchema),
  scorecard: scorecardSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** An opening with its candidacies in board order: column by column, top to bottom. */
export const openingDetailSchema = openingSchema.extend({ candidacies: z.array(candidacySchema) });
export type OpeningDetail = z.infer<typeof openingDetailSchema>;

/** An uploaded sample's title and file name travel in the query; the body is the file itself. */
export const sampleFileQuery = z.strictObject({
  title: required(200, "A title"),
  // A control character would end or split the download's Content-Disposition header.
  fileName: required(200, "The file name").regex(
    /^\P{Cc}*$/u,
    "A file name cannot contain control characters",
  ),
});

export const hireInput = z
  .strictObject({
    /**
     * The hired person's level in the opening's skill area, recorded on their directory
     * record so the bench counts them; left out when the opening has no area.
     */
    skill: z
      .strictObject({ level: levelSchema, verified: z.boolean().default(false) })
      .nullable()
      .default(null),
  })
  .nullish()
  .transform((value) => value ?? { skill: null });

export const hireResult = z.object({
  candidacy: candidacySchema,
  contractor: contractorSchema,
  /** True when the person has no portal account or pending invite yet: the page offers one. */
  canInvite: z.boolean(),
});

// Bench strength and channel analytics.

export const benchAreaSchema = z.object({
  areaId: z.string(),
  areaName: z.string(),
  /** Active people at or above the minimum level. */
  qualified: z.number().int(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.number().int(),
      verified: z.boolean(),
    }),
  ),
  /** Why the area is in use: tasks, procedures and people that need or have it. */
  usedBy: z.object({
    tasks: z.number().int(),
    procedures: z.number().int(),
    people: z.number().int(),
  }),
  warning: z.string().nullable(),
  /** An open hiring opening for this area, if there is one. */
  openingId: z.string().nullable(),
});

export const benchSchema = z.object({
  minLevel: z.number().int(),
  required: z.number().int(),
  areas: z.array(benchAreaSchema),
});
export type Bench = z.infer<typeof benchSchema>;

export const channelStatsSchema = z.object({
  channelId: z.string().nullable(),
  name: z.string(),
  feeBasisPoints: z.number().int(),
  candidates: z.number().int(),
  hires: z.number().int(),
  /** Hires ÷ candidates, 0–1; null with no candidates. */
  hireRate: z.number().nullable(),
  averageScore: z.number().nullable(),
  /** Average rating of delivered work; null until work reviews exist. */
  averageRating: z.number().nullable(),
  /** Fees and test-project spend per hire, in the workspace currency; null until payments exist. */
  costPerHire: z.number().int().nullable(),
});

export const channelAnalyticsSchema = z.object({
  currency: z.string(),
  channels: z.array(channelStatsSchema),
  /** What is not counted yet and why, in words. */
  notes: z.array(z.string()),
});
export type ChannelAnalytics = z.infer<typeof channelAnalyticsSchema>;
