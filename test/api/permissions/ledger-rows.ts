import type { Contract } from "../../../src/contracts/schema.ts";
import type { LedgerTransaction } from "../../../src/ledger/schema.ts";
import { newDevice } from "../../support/accounts.ts";
import type { ApiClient } from "../../support/client.ts";
import { activeContract, contractorIdOf } from "../../support/contracts.ts";
import {
  acceptedWork,
  fund,
  handIn,
  milestoneUrl,
  milestonesOf,
  moneyRowsOf,
  newKey,
  postMoney,
} from "../../support/ledger.ts";
import {
  ownerOnly,
  signedIn,
  staffOfFirstWorkspace,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import { bodyOf } from "../../support/worth.ts";

/**
 * Payments and delivery: only the owner moves money; owner and manager review work; only the
 * contract's contractor hands it in. Staff and that contractor read a contract's milestones
 * and money; everyone reads the payments list and summary, a contractor seeing only their
 * own. Another workspace's owner finds nothing of the first workspace (404), and money rows
 * are unchanged by every refused request.
 */

const unchanged = (setting: RowSetting) => moneyRowsOf(setting.app, setting.world.workspaceId);
const withKey = () => ({ "idempotency-key": newKey() });

/** Readable by staff and by the contract's own contractor. */
const readers = (status: number): Record<Caller, number> => ({
  ...staffOfFirstWorkspace(status),
  contractor: status,
});

/** The stranger owner may move money, but names a person of the first workspace: unknown there. */
const ownerMovesMoney = (status: number): Record<Caller, number> => ({
  ...ownerOnly(status, 400),
});

async function parties(setting: RowSetting) {
  const owner = await setting.ownerDevice();
  const contractor = await newDevice(setting.app, setting.world.contractor);
  return { owner, contractor };
}

/** An active contract of the world's contractor, with its milestones. */
async function freshContract(setting: RowSetting): Promise<{
  owner: ApiClient;
  contractor: ApiClient;
  contract: Contract;
  milestoneIds: string[];
}> {
  const { owner, contractor } = await parties(setting);
  const contract = await activeContract(owner, contractor);
  const milestoneIds = (await milestonesOf(owner, contract.id)).map((m) => m.id);
  return { owner, contractor, contract, milestoneIds };
}

async function submittedMilestone(setting: RowSetting): Promise<string> {
  const { contractor, milestoneIds } = await freshContract(setting);
  bodyOf(await postMoney(contractor, milestoneUrl(milestoneIds[0]!, "submit"), handIn));
  return milestoneIds[0]!;
}

/** The world's contractor's record, owed a fresh bonus so a payout of it fits. */
async function owedBonus(setting: RowSetting, amount: number): Promise<LedgerTransaction> {
  const { owner, contractor } = await parties(setting);
  const contractorId = await contractorIdOf(contractor);
  return bodyOf<LedgerTransaction>(
    await postMoney(owner, "/api/bonuses", {
      contractorId,
      amount,
      currency: "USD",
      reason: "Row",
    }),
    201,
  );
}

export const ledgerRows: PermissionRow[] = [
  {
    method: "POST",
    route: "/api/contracts/:id/escrow/fund",
    request: async (setting) => ({
      path: `/api/contracts/${(await freshContract(setting)).contract.id}/escrow/fund`,
      body: { amount: 10_000, currency: "USD" },
      headers: withKey(),
    }),
    expect: ownerOnly(201, 404),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/contracts/:id/escrow/refund",
    request: async (setting) => {
      const { owner, contract } = await freshContract(setting);
      await fund(owner, contract.id, 10_000);
      return {
        path: `/api/contracts/${contract.id}/escrow/refund`,
        body: { amount: 10_000, currency: "USD" },
        headers: withKey(),
      };
    },
    expect: ownerOnly(201, 404),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/payouts",
    request: async (setting) => {
      const bonus = await owedBonus(setting, 500);
      return {
        path: "/api/payouts",
        body: {
          contractorId: bonus.contractorId,
          amount: 500,
          currency: "USD",
          method: "cash",
          reference: "",
          paidOn: "2026-01-15",
        },
        headers: withKey(),
      };
    },
    expect: ownerMovesMoney(201),
    codes: { 400: "payment.unknown_contractor" },
    unchanged,
  },
  {
    method: "POST",
    route: "/api/bonuses",
    request: async (setting) => ({
      path: "/api/bonuses",
      body: {
        contractorId: await contractorIdOf(await newDevice(setting.app, setting.world.contractor)),
        amount: 700,
        currency: "USD",
        reason: "Year-end reward",
      },
      headers: withKey(),
    }),
    expect: ownerMovesMoney(201),
    codes: { 400: "payment.unknown_contractor" },
    unchanged,
  },
  {
    method: "POST",
    route: "/api/ledger/transactions/:id/reverse",
    request: async (setting) => ({
      path: `/api/ledger/transactions/${(await owedBonus(setting, 300)).id}/reverse`,
      body: { reason: "Given twice" },
      headers: withKey(),
    }),
    expect: ownerOnly(201, 404),
    unchanged,
  },
  { method: "GET", route: "/api/payments", expect: signedIn(200) },
  { method: "GET", route: "/api/payments/summary", expect: signedIn(200) },
  {
    method: "GET",
    route: "/api/contracts/:id/milestones",
    request: async (setting) => ({
      path: `/api/contracts/${(await freshContract(setting)).contract.id}/milestones`,
    }),
    expect: readers(200),
  },
  {
    method: "GET",
    route: "/api/contracts/:id/money",
    request: async (setting) => ({
      path: `/api/contracts/${(await freshContract(setting)).contract.id}/money`,
    }),
    expect: readers(200),
  },
  {
    method: "GET",
    route: "/api/milestones/:id",
    request: async (setting) => ({
      path: milestoneUrl((await freshContract(setting)).milestoneIds[0]!),
    }),
    expect: readers(200),
  },
  {
    // Only the contract's contractor hands work in; that refused requests write nothing is
    // shown in delivery.test.ts, since here the contractor's own hand-in succeeds.
    method: "POST",
    route: "/api/milestones/:id/submit",
    request: async (setting) => ({
      path: milestoneUrl((await freshContract(setting)).milestoneIds[0]!, "submit"),
      body: handIn,
      headers: withKey(),
    }),
    expect: { owner: 403, manager: 403, contractor: 200, stranger: 403, anonymous: 401 },
  },
  {
    method: "POST",
    route: "/api/milestones/:id/accept",
    request: async (setting) => ({
      path: milestoneUrl(await submittedMilestone(setting), "accept"),
      body: { feedback: "Well done." },
      headers: withKey(),
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/milestones/:id/send-back",
    request: async (setting) => ({
      path: milestoneUrl(await submittedMilestone(setting), "send-back"),
      body: { feedback: "What to change: add the sources." },
      headers: withKey(),
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/milestones/:id/release",
    request: async (setting) => {
      const { owner, contractor, milestoneIds } = await freshContract(setting);
      await acceptedWork(owner, contractor, milestoneIds[0]!);
      return { path: milestoneUrl(milestoneIds[0]!, "release"), headers: withKey() };
    },
    expect: ownerOnly(200, 404),
    unchanged,
  },
];
