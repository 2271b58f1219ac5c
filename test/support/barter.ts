import type { BarterDetail, BarterForm, DeliveryForm } from "../../src/ledger/barter-schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { newKey, postMoney } from "./ledger.ts";
import { bodyOf } from "./worth.ts";

/** A valid agreement: a website redesign traded for product photography. */
export function barterInput(overrides: Partial<BarterForm> = {}): BarterForm {
  return {
    partner: "Juniper Studio",
    gives: "A redesign of their shop's website",
    gets: "Product photos for the spring catalogue",
    givesValue: 200_000,
    getsValue: 150_000,
    notes: "Photos delivered in two batches",
    ...overrides,
  };
}

export async function agreeBarter(
  owner: ApiClient,
  overrides: Partial<BarterForm> = {},
): Promise<BarterDetail> {
  return bodyOf<BarterDetail>(await owner.post("/api/barters", barterInput(overrides)), 201);
}

export function deliveryInput(overrides: Partial<DeliveryForm> = {}): DeliveryForm {
  return {
    side: "given",
    value: 120_000,
    currency: "USD",
    note: "Homepage and product pages",
    deliveredOn: "2026-01-15",
    ...overrides,
  };
}

export function deliver(
  owner: ApiClient,
  barterId: string,
  overrides: Partial<DeliveryForm> = {},
  key: string = newKey(),
) {
  return postMoney(owner, `/api/barters/${barterId}/deliveries`, deliveryInput(overrides), key);
}

/** Every barter row and ledger row of a workspace, to show a refused request wrote nothing. */
export async function barterRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const db = app.ctx.db;
  const tables = ["barters", "ledger_accounts", "ledger_transactions", "ledger_entries"] as const;
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
