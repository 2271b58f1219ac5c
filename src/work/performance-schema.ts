import { z } from "zod";

/**
 * Reviews, ratings and performance: the ratings an accept carries, each contractor's
 * numbers and trend, top performers, and the feedback a contractor reads. The web app
 * imports these.
 */

const rating = (label: string) =>
  z
    .number({ error: `Rate ${label} from 1 to 5` })
    .int(`Rate ${label} with a whole number from 1 to 5`)
    .min(1, `Rate ${label} from 1 to 5`)
    .max(5, `Rate ${label} from 1 to 5`);

export const RATING_SIDES = ["quality", "timeliness", "communication"] as const;
export type RatingSide = (typeof RATING_SIDES)[number];

export const ratingsInput = z
  .strictObject({
    quality: rating("quality"),
    timeliness: rating("timeliness"),
    communication: rating("communication"),
  })
  .meta({ description: "Each 1–5, given when work is accepted" });
export type RatingsInput = z.infer<typeof ratingsInput>;

export const ratingsSchema = z.object({
  quality: z.number().int(),
  timeliness: z.number().int(),
  communication: z.number().int(),
});

const ratio = z.object({
  count: z.number().int(),
  of: z.number().int(),
  percent: z.number().int().nullable().meta({ description: "null when nothing was counted" }),
});
export type RatioView = z.infer<typeof ratio>;

export const ratingAveragesSchema = z.object({
  quality: z.number().nullable(),
  timeliness: z.number().nullable(),
  communication: z.number().nullable(),
  overall: z.number().nullable().meta({ description: "The three together, to one decimal" }),
  rated: z.number().int().meta({ description: "How many deliveries were rated" }),
});
export type RatingAveragesView = z.infer<typeof ratingAveragesSchema>;

export const performanceNumbersSchema = z.object({
  onTime: ratio.meta({ description: "Reports and milestones due, delivered on time" }),
  reportsOnTime: ratio,
  milestonesOnTime: ratio,
  sentBack: ratio.meta({ description: "Deliveries sent back, of every decision" }),
  accepted: z.number().int(),
  ratings: ratingAveragesSchema,
});
export type PerformanceNumbers = z.infer<typeof performanceNumbersSchema>;

export const trendPointSchema = z.object({
  weekEnding: z.iso.date().meta({ description: "The week's last day, in the contractor's zone" }),
  onTimePercent: z.number().int().nullable(),
  averageRating: z.number().nullable(),
  reviewed: z.number().int(),
});
export type TrendPointView = z.infer<typeof trendPointSchema>;

export const performanceSchema = z.object({
  contractorId: z.string(),
  contractorName: z.string(),
  /** False until a contract is accepted: nothing is judged before then. */
  reporting: z.boolean(),
  numbers: performanceNumbersSchema,
  trend: z.array(trendPointSchema).meta({ description: "The last 12 weeks, oldest first" }),
});
export type PerformanceView = z.infer<typeof performanceSchema>;

export const rewardKinds = ["more_work", "raise", "bonus"] as const;

export const topPerformerSchema = z.object({
  rank: z.number().int(),
  contractorId: z.string(),
  contractorName: z.string(),
  numbers: performanceNumbersSchema,
  why: z.string().meta({ description: "The record the ranking rests on, in words" }),
  suggestion: z.object({ kind: z.enum(rewardKinds), words: z.string() }),
});
export type TopPerformerView = z.infer<typeof topPerformerSchema>;

export const topPerformersSchema = z.object({
  windowDays: z.number().int(),
  performers: z.array(topPerformerSchema),
});
export type TopPerformers = z.infer<typeof topPerformersSchema>;

export const feedbackItemSchema = z.object({
  kind: z.enum(["milestone", "run"]),
  /** The milestone or checklist run decided. */
  deliveryId: z.string(),
  title: z.string(),
  decision: z.enum(["accepted", "sent_back"]),
  feedback: z.string().nullable(),
  ratings: ratingsSchema.nullable(),
  decidedAt: z.number().int(),
});
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

export const ownFeedbackSchema = z.object({
  averages: ratingAveragesSchema,
  sentBack: ratio,
  items: z.array(feedbackItemSchema).meta({ description: "Newest first" }),
});
export type OwnFeedback = z.infer<typeof ownFeedbackSchema>;
