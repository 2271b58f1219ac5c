import type { FunnelNumbers } from "../../src/metrics/rules.ts";
import type {
  Budget,
  Period,
  PeriodImportResult,
  Site,
  Summary,
} from "../../src/metrics/schema.ts";
import type { ApiClient } from "./client.ts";
import { bodyOf, read } from "./worth.ts";

export const periodHeader =
  "site,month,visitors,prospects,customers,revenue,traffic_cost,other_costs";

let siteCounter = 0;

export async function addSite(client: ApiClient, name?: string, url = ""): Promise<Site> {
  siteCounter += 1;
  const response = await client.post("/api/metrics/sites", {
    name: name ?? `Site ${siteCounter}`,
    url,
  });
  return bodyOf<Site>(response, 201);
}

export async function sites(client: ApiClient): Promise<Site[]> {
  return read<Site[]>(client, "/api/metrics/sites");
}

/** A month of plain numbers; every figure may be overridden. */
export function month(numbers: Partial<FunnelNumbers> = {}): FunnelNumbers {
  return {
    visitors: 1000,
    prospects: 100,
    customers: 10,
    revenue: 100_000,
    trafficCost: 20_000,
    otherCosts: 10_000,
    ...numbers,
  };
}

export async function putMonth(
  client: ApiClient,
  siteId: string,
  yearMonth: string,
  numbers: FunnelNumbers,
): Promise<Period> {
  return bodyOf<Period>(
    await client.put(`/api/metrics/sites/${siteId}/periods/${yearMonth}`, numbers),
  );
}

export async function periodsOf(client: ApiClient, siteId: string, query = ""): Promise<Period[]> {
  return read<Period[]>(client, `/api/metrics/sites/${siteId}/periods${query}`);
}

export async function summary(client: ApiClient, query = ""): Promise<Summary> {
  return read<Summary>(client, `/api/metrics/summary${query}`);
}

export async function budget(client: ApiClient): Promise<Budget> {
  return read<Budget>(client, "/api/budget");
}

/** PUT /api/budget; the fields not given take the API's defaults. */
export async function planBudget(
  client: ApiClient,
  plan: Record<string, unknown>,
): Promise<Budget> {
  return bodyOf<Budget>(await client.put("/api/budget", plan));
}

/** A periods CSV with the header line and the given data lines. */
export function periodsCsv(lines: readonly string[]): string {
  return [periodHeader, ...lines].join("\n") + "\n";
}

export async function importPeriods(
  client: ApiClient,
  csv: string,
  mode?: "all" | "valid",
): Promise<PeriodImportResult> {
  const query = mode ? `?mode=${mode}` : "";
  return bodyOf<PeriodImportResult>(
    await client.postCsv(`/api/metrics/periods/import${query}`, csv),
    201,
  );
}
