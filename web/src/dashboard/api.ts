import { dashboardSchema, portalTodaySchema } from "../../../src/dashboard/schema.ts";
import { api } from "../app/api.ts";

/**
 * "What needs you today" and the contractor's "due from you". Both are read fresh on every
 * visit: they gather what other pages change, so nothing there has to know about them.
 */

export const dashboardQuery = {
  queryKey: ["dashboard"] as const,
  queryFn: () => api.get("/api/dashboard", dashboardSchema),
  staleTime: 0,
};

export const portalTodayQuery = {
  queryKey: ["portal", "today"] as const,
  queryFn: () => api.get("/api/portal/today", portalTodaySchema),
  staleTime: 0,
};
