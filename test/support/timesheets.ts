import type { ContractForm } from "../../src/contracts/schema.ts";
import type { TimeEntryInput, WeekEntries } from "../../src/contracts/timesheet-schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { contractUrl, hourlyPayment } from "./contracts.ts";
import { newKey, postMoney } from "./ledger.ts";
import { bodyOf, read } from "./worth.ts";

/** Moves the test clock to an instant (it keeps running from there). */
export function setClock(app: TestApp, instant: string): void {
  app.clock.advance(Date.parse(instant) - app.clock.now());
}

/** $25 an hour, at most 20 hours a week, for the second quarter of 2026. */
export const hourlyTerms: Partial<ContractForm> = {
  title: "Customer inbox",
  startDate: "2026-04-01",
  endDate: "2026-06-30",
  payment: hourlyPayment,
};

export const timeUrl = (contractId: string) => `${contractUrl(contractId)}/time-entries`;
export const timesheetsUrl = (contractId: string) => `${contractUrl(contractId)}/timesheets`;

export function entry(overrides: Partial<TimeEntryInput> = {}): TimeEntryInput {
  return {
    workDate: "2026-04-14",
    minutes: 150,
    description: "Answered the weekend's support emails",
    ...overrides,
  };
}

export function logTime(
  contractor: ApiClient,
  contractId: string,
  overrides: Partial<TimeEntryInput> = {},
) {
  return contractor.post(timeUrl(contractId), entry(overrides));
}

export function submitWeek(
  contractor: ApiClient,
  contractId: string,
  body: { week: string; note?: string },
  key: string = newKey(),
) {
  return postMoney(contractor, timesheetsUrl(contractId), body, key);
}

export async function weekOfEntries(
  client: ApiClient,
  contractId: string,
  week: string,
): Promise<WeekEntries> {
  return read<WeekEntries>(client, `${timeUrl(contractId)}?week=${week}`);
}

/** Logs the given minutes on the given day and submits that week; answers the submitted week. */
export async function submittedWeek(
  contractor: ApiClient,
  contractId: string,
  workDate: string,
  week: string,
  minutes = 150,
): Promise<WeekEntries> {
  bodyOf(await logTime(contractor, contractId, { workDate, minutes }), 201);
  return bodyOf<WeekEntries>(await submitWeek(contractor, contractId, { week }), 201);
}

/** Every row paying by the period writes, to show a refused request wrote nothing. */
export async function periodRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const db = app.ctx.db;
  const tables = ["time_entries", "milestones", "submissions", "ledger_transactions"] as const;
  const rows: unknown[] = [];
  for (const table of tables) {
    rows.push(
      await db
        .selectFrom(table)
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .orderBy("id")
        .execute(),
    );
  }
  return rows;
}
