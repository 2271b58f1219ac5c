import { newDevice } from "../../support/accounts.ts";
import { contractorIdOf } from "../../support/contracts.ts";
import { milestoneUrl, newKey } from "../../support/ledger.ts";
import {
  signedIn,
  staff,
  staffOfFirstWorkspace,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import {
  goodRatings,
  handedInMilestone,
  handedInRun,
  reviewRowsOf,
  sendBackFeedback,
} from "../../support/reviews.ts";

/**
 * Reviews and performance: owner and manager decide on handed-in checklist runs and read
 * everyone's performance; a contractor reads the decisions on their own runs and their own
 * feedback, nobody else's. Another workspace finds nothing of the first one (404), and a
 * refused decision writes nothing.
 */

const unchanged = (setting: RowSetting) => reviewRowsOf(setting.app, setting.world.workspaceId);

/** A run of the world's contractor, handed in and waiting for a decision. */
async function runWaiting(setting: RowSetting): Promise<string> {
  const contractor = {
    id: setting.world.contractor.id,
    client: await newDevice(setting.app, setting.world.contractor),
  };
  return (await handedInRun(await setting.ownerDevice(), contractor)).id;
}

const contractorOnly = (status: number): Record<Caller, number> => ({
  owner: 403,
  manager: 403,
  contractor: status,
  stranger: 403,
  anonymous: 401,
});

export const reviewRows: PermissionRow[] = [
  {
    method: "GET",
    route: "/api/runs/:id/reviews",
    request: async (setting) => ({ path: `/api/runs/${await runWaiting(setting)}/reviews` }),
    expect: { ...signedIn(200), stranger: 404 },
  },
  {
    method: "POST",
    route: "/api/runs/:id/accept",
    request: async (setting) => ({
      path: `/api/runs/${await runWaiting(setting)}/accept`,
      body: { feedback: "Thanks.", ratings: goodRatings },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/runs/:id/send-back",
    request: async (setting) => ({
      path: `/api/runs/${await runWaiting(setting)}/send-back`,
      body: { feedback: sendBackFeedback },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/milestones/:id/accept",
    variant: "with ratings",
    request: async (setting) => ({
      path: milestoneUrl(
        await handedInMilestone(
          await setting.ownerDevice(),
          await newDevice(setting.app, setting.world.contractor),
        ),
        "accept",
      ),
      body: { feedback: "Well done.", ratings: goodRatings },
      headers: { "idempotency-key": newKey() },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/contractors/:id/performance",
    request: async (setting) => ({
      path: `/api/contractors/${await contractorIdOf(
        await newDevice(setting.app, setting.world.contractor),
      )}/performance`,
    }),
    expect: staffOfFirstWorkspace(200),
  },
  { method: "GET", route: "/api/performance/top", expect: staff(200) },
  { method: "GET", route: "/api/portal/feedback", expect: contractorOnly(200) },
];
