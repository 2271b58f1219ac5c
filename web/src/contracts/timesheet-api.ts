import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  timeEntrySchema,
  timesheetWeekSchema,
  weekEntriesSchema,
  type TimeEntryInput,
} from "../../../src/contracts/timesheet-schema.ts";
import { api } from "../app/api.ts";

/** Hourly contracts: a week's time entries, the weekly timesheets and submitting a week. */

const contractPath = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;

// Under the contract's key, so a review of a week in the milestone list refreshes these too.
const timesheetsKey = (contractId: string) => ["contracts", contractId, "timesheets"] as const;
const weekKey = (contractId: string, week: string | null) =>
  [...timesheetsKey(contractId), "week", week ?? "this"] as const;

export function weekQuery(contractId: string, week: string | null) {
  const query = week ? `?week=${encodeURIComponent(week)}` : "";
  return {
    queryKey: weekKey(contractId, week),
    queryFn: () => api.get(`${contractPath(contractId)}/time-entries${query}`, weekEntriesSchema),
  };
}

export function timesheetsQuery(contractId: string) {
  return {
    queryKey: timesheetsKey(contractId),
    queryFn: () => api.get(`${contractPath(contractId)}/timesheets`, z.array(timesheetWeekSchema)),
  };
}

export function logTime({ contractId, ...input }: TimeEntryInput & { contractId: string }) {
  return api.post(`${contractPath(contractId)}/time-entries`, input, timeEntrySchema);
}

export function removeTimeEntry(entryId: string) {
  return api.command("DELETE", `/api/time-entries/${encodeURIComponent(entryId)}`);
}

export function submitWeek(input: {
  contractId: string;
  week: string;
  note: string;
  idempotencyKey: string;
}) {
  return api.postWithKey(
    `${contractPath(input.contractId)}/timesheets`,
    { week: input.week, note: input.note },
    weekEntriesSchema,
    input.idempotencyKey,
  );
}

/**
 * After time or a timesheet changes: every week of the contract, and the contract's other
 * panels (its milestones and money) that a submitted week shows up in.
 */
export async function refreshTimesheets(queryClient: QueryClient, contractId: string) {
  await queryClient.invalidateQueries({ queryKey: ["contracts", contractId] });
}
