import type { QueryClient } from "@tanstack/react-query";
import type { AcceptInput, SendBackInput } from "../../../src/contracts/delivery-schema.ts";
import { runReviewsSchema } from "../../../src/sops/run-review-schema.ts";
import {
  ownFeedbackSchema,
  performanceSchema,
  topPerformersSchema,
} from "../../../src/work/performance-schema.ts";
import { api } from "../app/api.ts";

/** Reviews of checklist runs, each contractor's performance, top performers, own feedback. */

export const reviewsKey = ["reviews"] as const;
export const runReviewsKey = (runId: string) => ["reviews", "run", runId] as const;

const runPath = (runId: string) => `/api/runs/${encodeURIComponent(runId)}`;

export function refreshReviews(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: reviewsKey });
}

export function runReviewsQuery(runId: string) {
  return {
    queryKey: runReviewsKey(runId),
    queryFn: () => api.get(`${runPath(runId)}/reviews`, runReviewsSchema),
  };
}

export function acceptRun({ runId, ...body }: AcceptInput & { runId: string }) {
  return api.post(`${runPath(runId)}/accept`, body, runReviewsSchema);
}

export function sendBackRun({ runId, ...body }: SendBackInput & { runId: string }) {
  return api.post(`${runPath(runId)}/send-back`, body, runReviewsSchema);
}

export function performanceQuery(contractorId: string) {
  return {
    queryKey: ["reviews", "performance", contractorId] as const,
    queryFn: () =>
      api.get(
        `/api/contractors/${encodeURIComponent(contractorId)}/performance`,
        performanceSchema,
      ),
  };
}

export const topPerformersQuery = {
  queryKey: ["reviews", "top"] as const,
  queryFn: () => api.get("/api/performance/top", topPerformersSchema),
};

export const ownFeedbackQuery = {
  queryKey: ["reviews", "own-feedback"] as const,
  queryFn: () => api.get("/api/portal/feedback", ownFeedbackSchema),
};
