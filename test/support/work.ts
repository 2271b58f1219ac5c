import type { Contract, ContractForm } from "../../src/contracts/schema.ts";
import { addDays } from "../../src/time/working-day.ts";
import { dateOf } from "../../src/time/calendar.ts";
import type { Assignment, Report } from "../../src/work/schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { activeContract, hourlyPayment } from "./contracts.ts";
import { bodyOf } from "./worth.ts";

/**
 * The work area for tests: an hourly contract (no milestone dates, so only reports move the
 * cadence), a report, an assignment due next week in the contractor's zone.
 */

export const reportBody = {
  done: "Rewrote the first two product pages.",
  next: "Product photos for the spring candles.",
  blockers: "",
  minutes: 150,
  links: ["https://docs.example.com/pages"],
};

export const blockedReport = { ...reportBody, blockers: "No access to the shop's admin yet." };

export async function hourlyContract(
  owner: ApiClient,
  contractor: ApiClient,
  overrides: Partial<ContractForm> = {},
): Promise<Contract> {
  return activeContract(owner, contractor, {
    title: "Shop upkeep",
    startDate: "2026-01-05",
    endDate: null,
    payment: hourlyPayment,
    ...overrides,
  });
}

export async function sendReport(
  contractor: ApiClient,
  body: object = reportBody,
): Promise<Report> {
  return bodyOf<Report>(await contractor.post("/api/reports", body), 201);
}

/** A date a week after today in the zone given (the contractor's). */
export function nextWeek(app: TestApp, timeZone: string): string {
  return addDays(dateOf(app.clock.now(), timeZone), 7);
}

export function assignmentBody(
  app: TestApp,
  contract: Contract,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    contractorId: contract.contractorId,
    contractId: contract.id,
    title: "Photograph the spring range",
    notes: "Daylight, white background.",
    dueDate: nextWeek(app, "Europe/Kyiv"),
    expectedHours: 3.5,
    ...overrides,
  };
}

export async function assign(
  app: TestApp,
  staffMember: ApiClient,
  contract: Contract,
  overrides: Record<string, unknown> = {},
): Promise<Assignment> {
  return bodyOf<Assignment>(
    await staffMember.post("/api/assignments", assignmentBody(app, contract, overrides)),
    201,
  );
}

/** Every work row of a workspace, as stored, to show a refused request changed nothing. */
export async function workRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const db = app.ctx.db;
  const tables = [
    "work_settings",
    "assignments",
    "progress_reports",
    "report_replies",
    "cadence_pins",
  ] as const;
  const rows: unknown[] = [];
  for (const table of tables) {
    rows.push(
      await db.selectFrom(table).selectAll().where("workspace_id", "=", workspaceId).execute(),
    );
  }
  return rows;
}
