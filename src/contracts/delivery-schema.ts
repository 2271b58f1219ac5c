import { z } from "zod";
import { MIN_SEND_BACK_FEEDBACK } from "./delivery-rules.ts";
import { ratingsInput } from "../work/performance-schema.ts";
import { milestoneStatuses } from "./schema.ts";

/** Handing in work, reviewing it and paying for it. The web app imports these. */

export const milestoneKinds = ["milestone", "timesheet", "retainer"] as const;
export const MAX_LINKS = 10;

const link = z
  .url({ protocol: /^https?$/, error: "Use a web address starting with https://" })
  .max(2000, "A link is at most 2,000 characters");

export const submitInput = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, "Say what you are handing in")
    .max(5000, "The note is at most 5,000 characters"),
  links: z.array(link).max(MAX_LINKS, `At most ${MAX_LINKS} links`).default([]),
});
export type SubmitInput = z.infer<typeof submitInput>;
export type SubmitForm = z.input<typeof submitInput>;

export const acceptInput = z.strictObject({
  feedback: z.string().trim().max(5000, "Feedback is at most 5,000 characters").default(""),
  /** Optional here so automation may accept; the web app always asks for them. */
  ratings: ratingsInput.optional(),
});
export type AcceptInput = z.infer<typeof acceptInput>;

export const sendBackInput = z.strictObject({
  feedback: z
    .string()
    .trim()
    .min(
      MIN_SEND_BACK_FEEDBACK,
      `Say what to change in at least ${MIN_SEND_BACK_FEEDBACK} characters`,
    )
    .max(5000, "Feedback is at most 5,000 characters"),
});
export type SendBackInput = z.infer<typeof sendBackInput>;

export const submissionSchema = z.object({
  id: z.string(),
  note: z.string(),
  links: z.array(z.string()),
  submittedAt: z.number().int(),
  submittedByName: z.string(),
  decision: z.enum(["accepted", "sent_back"]).nullable(),
  feedback: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const deliveryMilestoneSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  kind: z.enum(milestoneKinds),
  position: z.number().int(),
  title: z.string(),
  deliverable: z.string(),
  dueDate: z.string().nullable(),
  /** Timesheet: the week's Monday; retainer: the month. */
  period: z.string().nullable(),
  minutes: z.number().int().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(milestoneStatuses),
  submittedAt: z.number().int().nullable(),
  acceptedAt: z.number().int().nullable(),
  releasedAt: z.number().int().nullable(),
  latestSubmission: submissionSchema.nullable(),
  money: z.object({
    /** How much of it the contract's escrow covers, earliest unpaid work first. */
    escrowCovered: z.number().int(),
    /** What was released for it; null until it is paid. */
    released: z.number().int().nullable(),
  }),
});
export type DeliveryMilestone = z.infer<typeof deliveryMilestoneSchema>;

export const milestoneDetailSchema = deliveryMilestoneSchema.extend({
  contractTitle: z.string(),
  /** Every hand-in, newest first, with its decision. */
  submissions: z.array(submissionSchema),
});
export type MilestoneDetail = z.infer<typeof milestoneDetailSchema>;

export const releaseResultSchema = z.object({
  milestone: deliveryMilestoneSchema,
  transactionId: z.string(),
});
export type ReleaseResult = z.infer<typeof releaseResultSchema>;
