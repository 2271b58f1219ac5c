import type { Contract, ContractForm } from "../../../src/contracts/schema.ts";
import type { TimeEntry } from "../../../src/contracts/timesheet-schema.ts";
import { addDays, weekOf } from "../../../src/contracts/timesheet-rules.ts";
import { dateOf } from "../../../src/time/calendar.ts";
import { newDevice } from "../../support/accounts.ts";
import { activeContract, hourlyPayment, retainerPayment } from "../../support/contracts.ts";
import { newKey } from "../../support/ledger.ts";
import {
  staffOfFirstWorkspace,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import { entry, timesheetsUrl, timeUrl } from "../../support/timesheets.ts";
import { bodyOf } from "../../support/worth.ts";

/**
 * Time and retainers: staff and the contract's contractor read; only the contractor logs
 * time and submits weeks and months. Staff are refused (403), as is another workspace's
 * owner, who may not log time anywhere; reading another workspace's contract finds nothing.
 * That a refused write leaves everything as it was is shown in timesheets.test.ts and
 * retainers.test.ts: here the contractor's own write succeeds on the same rows.
 */

/** Readable by staff and by the contract's own contractor. */
const readers = (status: number): Record<Caller, number> => ({
  ...staffOfFirstWorkspace(status),
  contractor: status,
});

const contractorOnly = (status: number): Record<Caller, number> => ({
  owner: 403,
  manager: 403,
  contractor: status,
  stranger: 403,
  anonymous: 401,
});

/** A day two weeks back in the contractor's zone (Kyiv), so its week has begun and is open. */
const pastDay = (setting: RowSetting) =>
  addDays(dateOf(setting.app.clock.now(), "Europe/Kyiv"), -14);

/** An active contract of the world's contractor, started sixty days ago. */
async function freshContract(
  setting: RowSetting,
  payment: ContractForm["payment"],
): Promise<{ contract: Contract; contractor: Awaited<ReturnType<typeof newDevice>> }> {
  const contractor = await newDevice(setting.app, setting.world.contractor);
  const contract = await activeContract(await setting.ownerDevice(), contractor, {
    title: "Row contract",
    startDate: addDays(pastDay(setting), -46),
    endDate: null,
    payment,
  });
  return { contract, contractor };
}

const hourlyContract = (setting: RowSetting) => freshContract(setting, hourlyPayment);

/** An hourly contract with an entry logged in a past week, ready to submit. */
async function withEntry(setting: RowSetting): Promise<{ contract: Contract; entry: TimeEntry }> {
  const { contract, contractor } = await hourlyContract(setting);
  const logged = bodyOf<TimeEntry>(
    await contractor.post(timeUrl(contract.id), entry({ workDate: pastDay(setting) })),
    201,
  );
  return { contract, entry: logged };
}

export const timeRows: PermissionRow[] = [
  {
    method: "GET",
    route: "/api/contracts/:id/time-entries",
    request: async (setting) => ({
      path: timeUrl((await hourlyContract(setting)).contract.id),
    }),
    expect: readers(200),
  },
  {
    method: "POST",
    route: "/api/contracts/:id/time-entries",
    request: async (setting) => ({
      path: timeUrl((await hourlyContract(setting)).contract.id),
      body: entry({ workDate: pastDay(setting) }),
    }),
    expect: contractorOnly(201),
  },
  {
    method: "DELETE",
    route: "/api/time-entries/:id",
    request: async (setting) => ({
      path: `/api/time-entries/${(await withEntry(setting)).entry.id}`,
    }),
    expect: { ...contractorOnly(204), stranger: 404 },
  },
  {
    method: "GET",
    route: "/api/contracts/:id/timesheets",
    request: async (setting) => ({
      path: timesheetsUrl((await withEntry(setting)).contract.id),
    }),
    expect: readers(200),
  },
  {
    method: "POST",
    route: "/api/contracts/:id/timesheets",
    request: async (setting) => ({
      path: timesheetsUrl((await withEntry(setting)).contract.id),
      body: { week: weekOf(pastDay(setting)), note: "All logged" },
      headers: { "idempotency-key": newKey() },
    }),
    expect: contractorOnly(201),
  },
  {
    method: "GET",
    route: "/api/contracts/:id/retainer-months",
    request: async (setting) => ({
      path: `/api/contracts/${(await freshContract(setting, retainerPayment)).contract.id}/retainer-months`,
    }),
    expect: readers(200),
  },
  {
    method: "POST",
    route: "/api/contracts/:id/retainer-months",
    request: async (setting) => ({
      path: `/api/contracts/${(await freshContract(setting, retainerPayment)).contract.id}/retainer-months`,
      body: { month: pastDay(setting).slice(0, 7), note: "The month's books are done" },
      headers: { "idempotency-key": newKey() },
    }),
    expect: contractorOnly(201),
  },
];
