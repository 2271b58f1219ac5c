import type { BarterDetail } from "../../../src/ledger/barter-schema.ts";
import { barterInput, barterRowsOf, deliveryInput } from "../../support/barter.ts";
import { newKey } from "../../support/ledger.ts";
import {
  ownerOnly,
  staff,
  staffOfFirstWorkspace,
  unique,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import { bodyOf } from "../../support/worth.ts";

/**
 * Barter: the owner and manager read agreements, only the owner writes them and records
 * deliveries; a contractor is refused everything and another workspace finds nothing.
 */

const unchanged = (setting: RowSetting) => barterRowsOf(setting.app, setting.world.workspaceId);

async function freshBarter(setting: RowSetting): Promise<string> {
  const owner = await setting.ownerDevice();
  const response = await owner.post(
    "/api/barters",
    barterInput({ partner: `Partner ${unique()}` }),
  );
  return bodyOf<BarterDetail>(response, 201).id;
}

export const barterRows: PermissionRow[] = [
  { method: "GET", route: "/api/barters", expect: staff(200) },
  {
    method: "POST",
    route: "/api/barters",
    request: async () => ({
      path: "/api/barters",
      body: barterInput({ partner: `New ${unique()}` }),
    }),
    expect: ownerOnly(201, 201),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/barters/:id",
    request: async (setting) => ({ path: `/api/barters/${await freshBarter(setting)}` }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/barters/:id",
    request: async (setting) => ({
      path: `/api/barters/${await freshBarter(setting)}`,
      body: barterInput({ getsValue: 100_000 + unique() }),
    }),
    expect: ownerOnly(200, 404),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/barters/:id/close",
    request: async (setting) => ({ path: `/api/barters/${await freshBarter(setting)}/close` }),
    expect: ownerOnly(200, 404),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/barters/:id/deliveries",
    request: async (setting) => ({
      path: `/api/barters/${await freshBarter(setting)}/deliveries`,
      body: deliveryInput({ value: 1000 + unique() }),
      headers: { "idempotency-key": newKey() },
    }),
    expect: ownerOnly(201, 404),
    unchanged,
  },
];
