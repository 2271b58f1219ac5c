import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Barter, BarterDetail } from "../../src/ledger/barter-schema.ts";
import { dateOf } from "../../src/time/calendar.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import {
  agreeBarter,
  barterInput,
  barterRowsOf,
  deliver,
  deliveryInput,
} from "../support/barter.ts";
import type { ApiClient } from "../support/client.ts";
import { addPerson } from "../support/directory.ts";
import { newKey } from "../support/ledger.ts";
import { expectError } from "../support/errors.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
});
afterAll(() => app.close());

const rows = () => barterRowsOf(app, world.workspaceId);
const detail = (id: string) => read<BarterDetail>(owner, `/api/barters/${id}`);

/** The kinds of ledger account that exist in the workspace. */
async function accountKinds(): Promise<string[]> {
  const accounts = await app.ctx.db
    .selectFrom("ledger_accounts")
    .select("kind")
    .where("workspace_id", "=", world.workspaceId)
    .execute();
  return [...new Set(accounts.map((account) => account.kind))].sort();
}

describe("barter agreements", () => {
  it("agrees a barter in the workspace currency, with nothing delivered yet", async () => {
    const barter = await agreeBarter(owner);
    expect(barter).toMatchObject({
      partner: "Juniper Studio",
      contractorId: null,
      contractorName: null,
      givesValue: 200_000,
      getsValue: 150_000,
      currency: "USD",
      status: "active",
      closedAt: null,
      deliveries: [],
      balance: {
        given: 0,
        received: 0,
        owedToBusiness: 0,
        leftToGive: 200_000,
        leftToReceive: 150_000,
      },
    });
    const listed = await read<Barter[]>(owner, "/api/barters");
    expect(listed.map((item) => item.id)).toContain(barter.id);
  });

  it("links the partner to a directory record and names them", async () => {
    const person = await addPerson(owner, { name: "Lena Park" });
    const barter = await agreeBarter(owner, {
      partner: "Lena Park",
      contractorId: person.id,
      currency: "eur",
    });
    expect(barter).toMatchObject({
      contractorId: person.id,
      contractorName: "Lena Park",
      currency: "EUR",
    });
  });

  it.each([
    ["givesValue", { givesValue: -100 }],
    ["givesValue", { givesValue: 12.5 }],
    ["getsValue", { getsValue: 0 }],
    ["currency", { currency: "XYZ" }],
    ["partner", { partner: " " }],
  ])("refuses a bad %s with 400 and writes nothing", async (field, overrides) => {
    const before = await rows();
    const response = await owner.post("/api/barters", barterInput(overrides));
    expectError(response, 400, "invalid_input", field);
    expect(await rows()).toEqual(before);
  });

  it("refuses a contractor from another workspace or none", async () => {
    const before = await rows();
    const response = await owner.post(
      "/api/barters",
      barterInput({ contractorId: "0190a0a0-0000-7000-8000-000000000000" }),
    );
    expectError(response, 400, "barter.unknown_contractor", "contractorId");
    expect(await rows()).toEqual(before);
  });

  it("changes the terms, and closes the agreement for good", async () => {
    const barter = await agreeBarter(owner);
    const changed = bodyOf<BarterDetail>(
      await owner.put(`/api/barters/${barter.id}`, barterInput({ getsValue: 180_000 })),
    );
    expect(changed.balance.leftToReceive).toBe(180_000);
    const asked = app.clock.now();
    const closed = bodyOf<BarterDetail>(await owner.post(`/api/barters/${barter.id}/close`));
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toBeGreaterThanOrEqual(asked);
    expectError(await owner.post(`/api/barters/${barter.id}/close`), 409, "barter.closed");
    expectError(await owner.put(`/api/barters/${barter.id}`, barterInput()), 409, "barter.closed");
    expectError(await deliver(owner, barter.id), 409, "barter.closed");
    expect((await detail(barter.id)).deliveries).toEqual([]);
    const active = await read<Barter[]>(owner, "/api/barters?status=active");
    expect(active.map((item) => item.id)).not.toContain(barter.id);
  });
});

describe("deliveries", () => {
  it("keeps a running balance of value delivered on each side", async () => {
    const barter = await agreeBarter(owner);
    bodyOf(await deliver(owner, barter.id, { side: "given", value: 120_000 }), 201);
    const after = bodyOf<BarterDetail>(
      await deliver(owner, barter.id, {
        side: "received",
        value: 70_000,
        note: "First batch of photos",
        deliveredOn: "2026-02-01",
      }),
      201,
    );
    expect(after.balance).toEqual({
      given: 120_000,
      received: 70_000,
      owedToBusiness: 50_000,
      leftToGive: 80_000,
      leftToReceive: 80_000,
    });
    expect(after.deliveries).toMatchObject([
      {
        side: "received",
        value: 70_000,
        note: "First batch of photos",
        deliveredOn: "2026-02-01",
        reversedAt: null,
      },
      {
        side: "given",
        value: 120_000,
        note: "Homepage and product pages",
        deliveredOn: "2026-01-15",
      },
    ]);
    const listed = (await read<Barter[]>(owner, "/api/barters")).find((b) => b.id === barter.id);
    expect(listed?.balance).toEqual(after.balance);
  });

  it("records in barter accounts only, never the cash ones", async () => {
    const barter = await agreeBarter(owner);
    bodyOf(await deliver(owner, barter.id, { side: "received", value: 160_000, note: "" }), 201);
    const after = await detail(barter.id);
    expect(after.balance.owedToBusiness).toBe(-160_000);
    expect(after.deliveries[0]?.note).toBe("Received: Product photos for the spring catalogue");
    expect(await accountKinds()).toEqual(
      expect.not.arrayContaining(["funds", "escrow", "payable", "paid_out"]),
    );
    const transactions = await app.ctx.db
      .selectFrom("ledger_transactions")
      .select(["kind", "barter_id"])
      .where("workspace_id", "=", world.workspaceId)
      .where("barter_id", "=", barter.id)
      .execute();
    expect(transactions).toEqual([{ kind: "barter", barter_id: barter.id }]);
  });

  it("answers a replay with the same key the same way and records nothing new", async () => {
    const barter = await agreeBarter(owner);
    const key = newKey();
    const first = await deliver(owner, barter.id, {}, key);
    expect(first.statusCode, first.body).toBe(201);
    const before = await rows();
    const again = await deliver(owner, barter.id, {}, key);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await rows()).toEqual(before);
    expect((await detail(barter.id)).deliveries).toHaveLength(1);
    expectError(
      await deliver(owner, barter.id, { value: 1 }, key),
      409,
      "idempotency.key_reused",
      "Idempotency-Key",
    );
    expect(await rows()).toEqual(before);
  });

  it.each([
    ["value", { value: -500 }, 400, "invalid_input"],
    ["value", { value: 10.5 }, 400, "invalid_input"],
    ["value", { value: 0 }, 400, "invalid_input"],
    ["side", { side: "lent" }, 400, "invalid_input"],
    ["deliveredOn", { deliveredOn: "15/01/2026" }, 400, "invalid_input"],
    ["currency", { currency: "EUR" }, 400, "barter.wrong_currency"],
  ] as const)("refuses a bad %s and writes nothing", async (field, overrides, status, code) => {
    const barter = await agreeBarter(owner);
    const before = await rows();
    expectError(
      await deliver(owner, barter.id, overrides as Record<string, unknown>),
      status,
      code,
      field,
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses a delivery dated after today in the workspace's zone", async () => {
    const barter = await agreeBarter(owner);
    const before = await rows();
    const tomorrow = dateOf(app.clock.now() + 2 * 86_400_000, "America/Chicago");
    expectError(
      await deliver(owner, barter.id, { deliveredOn: tomorrow }),
      400,
      "barter.future_delivery",
      "deliveredOn",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses a delivery without an Idempotency-Key and writes nothing", async () => {
    const barter = await agreeBarter(owner);
    const before = await rows();
    expectError(
      await owner.post(`/api/barters/${barter.id}/deliveries`, deliveryInput()),
      400,
      "idempotency.key_required",
      "Idempotency-Key",
    );
    expect(await rows()).toEqual(before);
  });

  it("locks the currency once value is delivered", async () => {
    const barter = await agreeBarter(owner);
    bodyOf(await owner.put(`/api/barters/${barter.id}`, barterInput({ currency: "GBP" })));
    bodyOf(await deliver(owner, barter.id, { currency: "GBP" }), 201);
    expectError(
      await owner.put(`/api/barters/${barter.id}`, barterInput({ currency: "USD" })),
      409,
      "barter.currency_locked",
      "currency",
    );
  });

  it("reverses a delivery recorded by mistake, leaving it out of the balance", async () => {
    const barter = await agreeBarter(owner);
    const after = bodyOf<BarterDetail>(await deliver(owner, barter.id, { value: 30_000 }), 201);
    const delivery = after.deliveries[0]!;
    const reversal = bodyOf<{
      kind: string;
      reversesId: string;
      barterId: string;
      createdAt: number;
    }>(
      await owner.post(
        `/api/ledger/transactions/${delivery.id}/reverse`,
        { reason: "Entered twice" },
        { "idempotency-key": newKey() },
      ),
      201,
    );
    expect(reversal).toMatchObject({
      kind: "reversal",
      reversesId: delivery.id,
      barterId: barter.id,
    });
    const reversed = await detail(barter.id);
    expect(reversed.balance).toMatchObject({ given: 0, owedToBusiness: 0 });
    expect(reversed.deliveries).toMatchObject([
      { id: delivery.id, reversedAt: reversal.createdAt },
    ]);
  });
});

describe("who sees and changes barter", () => {
  it("lets the manager read but not agree, change, close or record", async () => {
    const barter = await agreeBarter(owner);
    const manager = world.manager.client;
    expect((await read<BarterDetail>(manager, `/api/barters/${barter.id}`)).id).toBe(barter.id);
    const before = await rows();
    expectError(await manager.post("/api/barters", barterInput()), 403, "forbidden");
    expectError(await manager.put(`/api/barters/${barter.id}`, barterInput()), 403, "forbidden");
    expectError(await manager.post(`/api/barters/${barter.id}/close`), 403, "forbidden");
    expectError(await deliver(manager, barter.id), 403, "forbidden");
    expect(await rows()).toEqual(before);
  });

  it("shows a contractor nothing", async () => {
    const barter = await agreeBarter(owner);
    const contractor = world.contractor.client;
    expectError(await contractor.get("/api/barters"), 403, "forbidden");
    expectError(await contractor.get(`/api/barters/${barter.id}`), 403, "forbidden");
  });

  it("shows another workspace nothing", async () => {
    const barter = await agreeBarter(owner);
    const stranger = world.stranger.client;
    expect(await read<Barter[]>(stranger, "/api/barters")).toEqual([]);
    const before = await rows();
    expectError(await stranger.get(`/api/barters/${barter.id}`), 404, "not_found");
    expectError(await stranger.put(`/api/barters/${barter.id}`, barterInput()), 404, "not_found");
    expectError(await stranger.post(`/api/barters/${barter.id}/close`), 404, "not_found");
    expectError(await deliver(stranger, barter.id, { currency: "EUR" }), 404, "not_found");
    expect(await rows()).toEqual(before);
  });
});
