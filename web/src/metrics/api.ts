import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  budgetSchema,
  periodSchema,
  siteSchema,
  summarySchema,
} from "../../../src/metrics/schema.ts";
import { api } from "../app/api.ts";

export interface SiteForm {
  name: string;
  url: string;
}

export interface PeriodForm {
  visitors: number;
  prospects: number;
  customers: number;
  revenue: number;
  trafficCost: number;
  otherCosts: number;
}

export interface BudgetForm {
  monthlyBudget: number;
  minMonthlyProfit: number | null;
  minMarginPercent: number | null;
  reinvestPercent: number;
  extraProfitOverride: number | null;
}

export interface MonthRange {
  from: string;
  to: string;
}

export const metricsKey = ["metrics"] as const;
export const sitesKey = ["metrics", "sites"] as const;
export const periodsKey = (siteId: string) => ["metrics", "periods", siteId] as const;
export const summaryKey = (range: MonthRange | null) =>
  ["metrics", "summary", range?.from ?? "", range?.to ?? ""] as const;
export const budgetKey = ["budget"] as const;

export const periodsCsvUrl = "/api/metrics/periods.csv";
export const periodsImportUrl = "/api/metrics/periods/import";

/** After any change to sites or months: summaries, and the budget (profit comes from them). */
export function refreshMetrics(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: metricsKey });
  void queryClient.invalidateQueries({ queryKey: budgetKey });
}

export function fetchSites() {
  return api.get("/api/metrics/sites", z.array(siteSchema));
}

export function createSite(input: SiteForm) {
  return api.post("/api/metrics/sites", input, siteSchema);
}

export function updateSite({ id, ...input }: SiteForm & { id: string }) {
  return api.put(`/api/metrics/sites/${encodeURIComponent(id)}`, input, siteSchema);
}

export function deleteSite(id: string) {
  return api.command("DELETE", `/api/metrics/sites/${encodeURIComponent(id)}`);
}

export function fetchPeriods(siteId: string) {
  return api.get(`/api/metrics/sites/${encodeURIComponent(siteId)}/periods`, z.array(periodSchema));
}

export function savePeriod({
  siteId,
  month,
  ...input
}: PeriodForm & { siteId: string; month: string }) {
  return api.put(
    `/api/metrics/sites/${encodeURIComponent(siteId)}/periods/${encodeURIComponent(month)}`,
    input,
    periodSchema,
  );
}

export function deletePeriod({ siteId, month }: { siteId: string; month: string }) {
  return api.command(
    "DELETE",
    `/api/metrics/sites/${encodeURIComponent(siteId)}/periods/${encodeURIComponent(month)}`,
  );
}

export function fetchSummary(range: MonthRange | null) {
  const query = range ? `?${new URLSearchParams({ from: range.from, to: range.to })}` : "";
  return api.get(`/api/metrics/summary${query}`, summarySchema);
}

export function fetchBudget() {
  return api.get("/api/budget", budgetSchema);
}

export function saveBudget(input: BudgetForm) {
  return api.put("/api/budget", input, budgetSchema);
}
