import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  assignmentSchema,
  cadenceSchema,
  replySchema,
  reportPageSchema,
  reportSchema,
  type AssignmentForm,
  type Cadence,
  type ReportForm,
} from "../../../src/work/schema.ts";
import { api } from "../app/api.ts";

/** Assignments, progress reports and cadence, for the Work page and the contractor's portal. */

export const workKey = ["work"] as const;
const reportsKey = ["work", "reports"] as const;
const assignmentsKey = ["work", "assignments"] as const;
export const cadencesKey = ["work", "cadences"] as const;
export const ownCadenceKey = ["work", "own-cadence"] as const;

export function refreshWork(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: workKey });
}

export interface ReportFeedFilter {
  contractorId?: string;
  openBlockers?: boolean;
}

function queryText(filter: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "" && value !== false) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Reports newest first, a page at a time (see useInfiniteQuery). */
export function reportsQuery(filter: ReportFeedFilter, limit = 10) {
  return {
    queryKey: [...reportsKey, filter, limit] as const,
    queryFn: ({ pageParam }: { pageParam: string | null }) =>
      api.get(
        `/api/reports${queryText({ ...filter, limit, cursor: pageParam ?? undefined })}`,
        reportPageSchema,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page: z.infer<typeof reportPageSchema>) => page.nextCursor,
  };
}

export function assignmentsQuery(filter: { contractorId?: string; status?: string } = {}) {
  return {
    queryKey: [...assignmentsKey, filter] as const,
    queryFn: () => api.get(`/api/assignments${queryText(filter)}`, z.array(assignmentSchema)),
  };
}

export const cadencesQuery = {
  queryKey: cadencesKey,
  queryFn: () => api.get("/api/cadences", z.array(cadenceSchema)),
};

export const ownCadenceQuery = {
  queryKey: ownCadenceKey,
  queryFn: () => api.get("/api/portal/cadence", cadenceSchema),
};

export function sendReport(body: ReportForm) {
  return api.post("/api/reports", body, reportSchema);
}

export function replyToReport(id: string, body: string) {
  return api.post(`/api/reports/${encodeURIComponent(id)}/replies`, { body }, replySchema);
}

export function resolveBlocker(id: string) {
  return api.post(`/api/reports/${encodeURIComponent(id)}/resolve-blocker`, {}, reportSchema);
}

export function assignWork(body: AssignmentForm) {
  return api.post("/api/assignments", body, assignmentSchema);
}

export function markDone(id: string) {
  return api.post(`/api/assignments/${encodeURIComponent(id)}/done`, {}, assignmentSchema);
}

export function cancelWork(id: string) {
  return api.post(`/api/assignments/${encodeURIComponent(id)}/cancel`, {}, assignmentSchema);
}

export function pinCadence(contractorId: string, cadence: Cadence | null) {
  return api.put(
    `/api/contractors/${encodeURIComponent(contractorId)}/cadence-pin`,
    { cadence },
    cadenceSchema,
  );
}
