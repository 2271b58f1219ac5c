import type { Contract } from "../../../src/contracts/schema.ts";
import { newDevice } from "../../support/accounts.ts";
import { contractorIdOf } from "../../support/contracts.ts";
import {
  ownerOnly,
  signedIn,
  staff,
  staffOfFirstWorkspace,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import {
  assign,
  assignmentBody,
  blockedReport,
  hourlyContract,
  reportBody,
  sendReport,
  workRowsOf,
} from "../../support/work.ts";

/**
 * The work area: staff run it (assign, reply, resolve, pin), the owner alone changes its
 * settings, and only a contractor sends progress reports. The contractor reads and marks
 * done only their own work; another workspace finds none of it (404). That refusals write
 * nothing is checked with `unchanged` here and in work.test.ts.
 */

const unchanged = (setting: RowSetting) => workRowsOf(setting.app, setting.world.workspaceId);

/** Staff, and the contractor whose report or work it is. */
const staffAndOwnContractor = (status: number): Record<Caller, number> => ({
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

/** An active hourly contract of the world's contractor, and their own device. */
async function running(setting: RowSetting) {
  const contractor = await newDevice(setting.app, setting.world.contractor);
  const contract: Contract = await hourlyContract(await setting.ownerDevice(), contractor);
  return { contract, contractor };
}

async function openWork(setting: RowSetting) {
  const { contract } = await running(setting);
  return assign(setting.app, await setting.ownerDevice(), contract);
}

async function blockedReportOf(setting: RowSetting) {
  const { contractor } = await running(setting);
  return sendReport(contractor, blockedReport);
}

export const workRows: PermissionRow[] = [
  {
    method: "GET",
    route: "/api/work-settings",
    expect: staff(200),
  },
  {
    method: "PUT",
    route: "/api/work-settings",
    request: async () => ({ path: "/api/work-settings", body: { relaxAfterDays: 12 } }),
    expect: ownerOnly(200, 200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/assignments",
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/api/assignments",
    request: async (setting) => ({
      path: "/api/assignments",
      body: assignmentBody(setting.app, (await running(setting)).contract),
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged,
  },
  {
    method: "PUT",
    route: "/api/assignments/:id",
    request: async (setting) => ({
      path: `/api/assignments/${(await openWork(setting)).id}`,
      body: { title: "Photograph the summer range" },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/assignments/:id/done",
    request: async (setting) => ({ path: `/api/assignments/${(await openWork(setting)).id}/done` }),
    expect: staffAndOwnContractor(200),
  },
  {
    method: "POST",
    route: "/api/assignments/:id/cancel",
    request: async (setting) => ({
      path: `/api/assignments/${(await openWork(setting)).id}/cancel`,
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/reports",
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/api/reports",
    request: async (setting) => {
      await running(setting);
      return { path: "/api/reports", body: reportBody };
    },
    expect: contractorOnly(201),
  },
  {
    method: "GET",
    route: "/api/reports/:id",
    request: async (setting) => ({ path: `/api/reports/${(await blockedReportOf(setting)).id}` }),
    expect: staffAndOwnContractor(200),
  },
  {
    method: "POST",
    route: "/api/reports/:id/replies",
    request: async (setting) => ({
      path: `/api/reports/${(await blockedReportOf(setting)).id}/replies`,
      body: { body: "Access is on its way." },
    }),
    expect: staffAndOwnContractor(201),
  },
  {
    method: "POST",
    route: "/api/reports/:id/resolve-blocker",
    request: async (setting) => ({
      path: `/api/reports/${(await blockedReportOf(setting)).id}/resolve-blocker`,
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/cadences",
    expect: staff(200),
  },
  {
    method: "GET",
    route: "/api/contractors/:id/cadence",
    request: async (setting) => ({
      path: `/api/contractors/${(await running(setting)).contract.contractorId}/cadence`,
    }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/contractors/:id/cadence-pin",
    request: async (setting) => ({
      path: `/api/contractors/${await contractorIdOf(await newDevice(setting.app, setting.subject))}/cadence-pin`,
      body: { cadence: "weekly" },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/portal/cadence",
    request: async (setting) => {
      await running(setting);
      return { path: "/api/portal/cadence" };
    },
    expect: contractorOnly(200),
  },
];
