import { z } from "zod";
import { ratingsSchema } from "../work/performance-schema.ts";
import { runStatuses } from "./schema.ts";

/**
 * A checklist run as a delivery: handed in, then accepted (with ratings) or sent back with
 * feedback, which reopens it. The inputs are the delivery's own (src/contracts/delivery-schema.ts).
 */

export const runReviewSchema = z.object({
  id: z.string(),
  decision: z.enum(["accepted", "sent_back"]),
  feedback: z.string().nullable(),
  ratings: ratingsSchema.nullable(),
  /** The hand-in decided. */
  submittedAt: z.number().int(),
  decidedAt: z.number().int(),
  decidedByName: z.string(),
});
export type RunReview = z.infer<typeof runReviewSchema>;

export const runReviewsSchema = z.object({
  runId: z.string(),
  status: z.enum(runStatuses),
  /** Handed in and not decided yet. */
  awaitingReview: z.boolean(),
  /** Every decision, newest first. */
  reviews: z.array(runReviewSchema),
});
export type RunReviews = z.infer<typeof runReviewsSchema>;
