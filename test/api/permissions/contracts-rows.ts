import type { Contract } from "../../../src/contracts/schema.ts";
import { newDevice } from "../../support/accounts.ts";
import type { ApiClient } from "../../support/client.ts";
import {
  acceptContract,
  contractBody,
  contractorIdOf,
  contractRowsOf,
  contractUrl,
  documentOf,
  draftContract,
  GUARD_REASON,
  hourlyPayment,
  sendContract,
} from "../../support/contracts.ts";
import {
  ownerOnly,
  signedIn,
  staff,
  staffOfFirstWorkspace,
  unique,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";

/**
 * Contracts belong to the owner and manager; the contractor reads their own sent contracts
 * and accepts them, and nothing else; the owner alone sets the guard's limits; another
 * workspace finds none of them (404).
 */

const unchanged = (setting: RowSetting) => contractRowsOf(setting.app, setting.world.workspaceId);

/** The first workspace's contractor, signed in on a device of their own for preparing data. */
function contractorDevice(setting: RowSetting): Promise<ApiClient> {
  return newDevice(setting.app, setting.world.contractor);
}

async function freshDraft(setting: RowSetting, overrides = {}): Promise<Contract> {
  const contractorId = await contractorIdOf(await contractorDevice(setting));
  return draftContract(await setting.ownerDevice(), contractorId, {
    title: `Contract ${unique()}`,
    ...overrides,
  });
}

async function freshSent(setting: RowSetting, overrides = {}): Promise<Contract> {
  return sendContract(await setting.ownerDevice(), (await freshDraft(setting, overrides)).id);
}

/** What the first workspace's own contractor may read: their sent contract, not a draft. */
const readableByItsContractor = (status: number): Record<Caller, number> => ({
  ...staffOfFirstWorkspace(status),
  contractor: status,
});

export const contractRows: PermissionRow[] = [
  { method: "GET", route: "/api/contract-settings", expect: staff(200) },
  {
    method: "PUT",
    route: "/api/contract-settings",
    request: async () => ({
      path: "/api/contract-settings",
      body: { hugeContractAmount: 500_000 + unique(), maxShareBasisPoints: 5000 },
    }),
    expect: ownerOnly(200, 200),
    unchanged,
  },
  { method: "GET", route: "/api/contracts", expect: signedIn(200) },
  {
    method: "POST",
    route: "/api/contracts",
    request: async (setting) => ({
      path: "/api/contracts",
      body: contractBody(await contractorIdOf(await contractorDevice(setting)), {
        title: `New ${unique()}`,
      }),
    }),
    // The other workspace's owner names a person who is not in their directory.
    expect: { ...staff(201), stranger: 400 },
    codes: { 400: "contract.unknown_reference" },
    unchanged,
  },
  {
    method: "GET",
    route: "/api/contracts/:id",
    variant: "sent to the contractor",
    request: async (setting) => ({ path: contractUrl((await freshSent(setting)).id) }),
    expect: readableByItsContractor(200),
  },
  {
    method: "GET",
    route: "/api/contracts/:id",
    variant: "a draft",
    request: async (setting) => ({ path: contractUrl((await freshDraft(setting)).id) }),
    expect: { ...staffOfFirstWorkspace(200), contractor: 404 },
  },
  {
    method: "PUT",
    route: "/api/contracts/:id",
    request: async (setting) => {
      const draft = await freshDraft(setting);
      return {
        path: contractUrl(draft.id),
        body: contractBody(draft.contractorId, { title: `Renamed ${unique()}` }),
      };
    },
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "DELETE",
    route: "/api/contracts/:id",
    request: async (setting) => ({ path: contractUrl((await freshDraft(setting)).id) }),
    expect: staffOfFirstWorkspace(204),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/contracts/:id/guard",
    request: async (setting) => ({ path: `${contractUrl((await freshDraft(setting)).id)}/guard` }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "POST",
    route: "/api/contracts/:id/send",
    request: async (setting) => ({
      path: `${contractUrl((await freshDraft(setting)).id)}/send`,
      body: { guardReason: GUARD_REASON },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/contracts/:id/accept",
    request: async (setting) => {
      const sent = await freshSent(setting);
      const { textHash } = await documentOf(await setting.ownerDevice(), sent.id);
      return {
        path: `${contractUrl(sent.id)}/accept`,
        body: { typedName: sent.contractorName, textHash },
      };
    },
    // Only a contractor may accept, and only a contract sent to them.
    expect: { owner: 403, manager: 403, contractor: 200, stranger: 403, anonymous: 401 },
  },
  {
    method: "POST",
    route: "/api/contracts/:id/complete",
    request: async (setting) => {
      const sent = await freshSent(setting, { payment: hourlyPayment });
      await acceptContract(await contractorDevice(setting), sent);
      return { path: `${contractUrl(sent.id)}/complete` };
    },
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/contracts/:id/end",
    request: async (setting) => ({
      path: `${contractUrl((await freshSent(setting)).id)}/end`,
      body: { reason: "The shop is closing for the winter." },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/contracts/:id/document",
    request: async (setting) => ({
      path: `${contractUrl((await freshSent(setting)).id)}/document`,
    }),
    expect: readableByItsContractor(200),
  },
  {
    method: "GET",
    route: "/api/contracts/:id/document.pdf",
    request: async (setting) => ({
      path: `${contractUrl((await freshSent(setting)).id)}/document.pdf`,
    }),
    expect: readableByItsContractor(200),
  },
];
