import { inflateSync } from "node:zlib";
import type { Response } from "light-my-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Contract,
  ContractSettings,
  ContractSummary,
  Guard,
} from "../../src/contracts/schema.ts";
import { moveContract, updateContract } from "../../src/contracts/store.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import {
  activeContract,
  contractBody,
  contractorIdOf,
  contractRowsOf,
  contractUrl,
  documentOf,
  draftContract,
  GUARD_REASON,
  hourlyPayment,
  retainerPayment,
  sendContract,
} from "../support/contracts.ts";
import { areaId } from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { postMoney } from "../support/ledger.ts";
import { outbox } from "../support/mail.ts";
import { createSop } from "../support/sops.ts";
import { bodyOf, dollars, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let lena: Person;
let marcoId: string;
let lenaId: string;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  lena = await invitePerson(app, world.owner.client, "lena@example.com", "contractor", "Lena Park");
  marcoId = await contractorIdOf(world.contractor.client);
  lenaId = await contractorIdOf(lena.client);
});
afterAll(() => app.close());

const owner = () => world.owner.client;
const marco = () => world.contractor.client;
const unchanged = () => contractRowsOf(app, world.workspaceId);
const get = (client: ApiClient, id: string) => read<Contract>(client, contractUrl(id));

/** Refused, with nothing in the workspace's contracts changed. */
async function refusedWithoutWrites(
  request: () => Promise<Response>,
  status: number,
  code: string,
  field?: string,
) {
  const before = await unchanged();
  expectError(await request(), status, code, field);
  expect(await unchanged()).toEqual(before);
}

describe("drafting a contract", () => {
  it("makes a fixed-price draft in three milestones with the defaults filled in", async () => {
    const draft = await draftContract(owner(), marcoId);
    expect(draft).toMatchObject({
      contractorId: marcoId,
      contractorName: "Marco",
      status: "draft",
      version: 1,
      currency: "USD",
      reportCadence: "daily",
      noticeDays: 14,
      value: dollars(1200),
      valueNote: null,
      guardFlags: [],
      acceptance: null,
      payment: { kind: "fixed", total: dollars(1200) },
    });
    expect(draft.workOwnership).toMatch(/business owns everything/);
    expect(draft.milestones.map((m) => [m.position, m.amount, m.listAmount, m.status])).toEqual([
      [0, dollars(400), dollars(400), "open"],
      [1, dollars(400), dollars(400), "open"],
      [2, dollars(400), dollars(400), "open"],
    ]);
    expect(await get(owner(), draft.id)).toEqual(draft);
  });

  it("stores the discounted amount of milestones after the Nth and shows both", async () => {
    const draft = await draftContract(owner(), marcoId, {
      volumeDiscount: { after: 2, basisPoints: 1000 },
    });
    expect(draft.milestones.map((m) => [m.listAmount, m.amount])).toEqual([
      [dollars(400), dollars(400)],
      [dollars(400), dollars(400)],
      [dollars(400), dollars(360)],
    ]);
    expect(draft.value).toBe(dollars(1160));
    expect(draft.payment).toMatchObject({ total: dollars(1200) });
    const { text } = await documentOf(owner(), draft.id);
    expect(text).toContain("| 3 | Last three posts | Posts 8-10 | 30 April 2026 | $400 | $360 |");
  });

  it("makes hourly and retainer drafts valued over their term, or a set term when open-ended", async () => {
    const hourly = await draftContract(owner(), marcoId, { payment: hourlyPayment });
    expect(hourly.value).toBe(dollars(2500));
    expect(hourly.milestones).toEqual([]);
    const open = await draftContract(owner(), marcoId, { payment: hourlyPayment, endDate: null });
    expect(open.value).toBe(dollars(6500));
    expect(open.valueNote).toContain("counting 13 weeks");
    const retainer = await draftContract(owner(), marcoId, {
      payment: retainerPayment,
      startDate: "2026-01-01",
      endDate: "2026-06-30",
    });
    expect(retainer).toMatchObject({ value: dollars(1500), payment: retainerPayment });
  });

  it("links an area and procedures of the workspace, and names them", async () => {
    const sop = await createSop(owner());
    const content = await areaId(owner(), "content");
    const draft = await draftContract(owner(), marcoId, {
      areaId: content,
      procedureIds: [sop.id],
      reportCadence: "weekly",
      currency: "eur",
    });
    expect(draft).toMatchObject({
      areaId: content,
      areaName: "content",
      procedureIds: [sop.id],
      procedures: [{ id: sop.id, title: "Post the weekly offer" }],
      reportCadence: "weekly",
      currency: "EUR",
    });
    expect((await documentOf(owner(), draft.id)).text).toContain("- Post the weekly offer");
  });

  const bad: [string, Record<string, unknown>, string][] = [
    [
      "milestones that do not add up to the total",
      { payment: { ...contractBody("x").payment, total: dollars(1300) } },
      "payment.milestones",
    ],
    [
      "a milestone due before the start",
      {
        payment: {
          kind: "fixed",
          total: 100,
          milestones: [
            { title: "Early", deliverable: "Posts", dueDate: "2026-03-31", amount: 100 },
          ],
        },
      },
      "payment.milestones.0.dueDate",
    ],
    [
      "a milestone due after the end",
      {
        payment: {
          kind: "fixed",
          total: 100,
          milestones: [{ title: "Late", deliverable: "Posts", dueDate: "2026-05-01", amount: 100 }],
        },
      },
      "payment.milestones.0.dueDate",
    ],
    ["an end before the start", { endDate: "2026-03-01" }, "endDate"],
    [
      "a negative amount",
      {
        payment: {
          kind: "fixed",
          total: -100,
          milestones: [{ title: "M", deliverable: "Posts", dueDate: "2026-04-10", amount: -100 }],
        },
      },
      "payment.total",
    ],
    [
      "a fraction of a cent",
      {
        payment: {
          kind: "fixed",
          total: 100.5,
          milestones: [{ title: "M", deliverable: "Posts", dueDate: "2026-04-10", amount: 100.5 }],
        },
      },
      "payment.milestones.0.amount",
    ],
    ["an unknown currency", { currency: "XYZ" }, "currency"],
    ["a currency that is not a code", { currency: "dollars" }, "currency"],
    [
      "a weekly cap under an hour",
      { payment: { ...hourlyPayment, weeklyCapMinutes: 30 } },
      "payment.weeklyCapMinutes",
    ],
    ["a zero hourly rate", { payment: { ...hourlyPayment, hourlyRate: 0 } }, "payment.hourlyRate"],
    [
      "a discount of 100 %",
      { volumeDiscount: { after: 1, basisPoints: 10_000 } },
      "volumeDiscount.basisPoints",
    ],
    [
      "a discount after the last milestone",
      { volumeDiscount: { after: 3, basisPoints: 500 } },
      "volumeDiscount.after",
    ],
    ["notice over a year", { noticeDays: 400 }, "noticeDays"],
    ["an unknown field", { advance: 100 }, "advance"],
  ];

  it.each(bad)("refuses %s with the field named, writing nothing", async (_, change, field) => {
    await refusedWithoutWrites(
      () => owner().post("/api/contracts", { ...contractBody(marcoId), ...change }),
      400,
      "invalid_input",
      field,
    );
  });

  it("refuses a person, area or procedure that is not in the workspace", async () => {
    const stranger = world.stranger.client;
    const strangersPerson = bodyOf<{ id: string }>(
      await stranger.post("/api/contractors", {
        name: "Kim",
        email: "kim@example.com",
        timeZone: "UTC",
        rateCurrency: "EUR",
      }),
      201,
    );
    await refusedWithoutWrites(
      () => owner().post("/api/contracts", contractBody(strangersPerson.id)),
      400,
      "contract.unknown_reference",
      "contractorId",
    );
    await refusedWithoutWrites(
      () =>
        owner().post("/api/contracts", {
          ...contractBody(marcoId),
          areaId: "0190a0a0-0000-7000-8000-000000000000",
          procedureIds: ["0190a0a0-0000-7000-8000-000000000000"],
        }),
      400,
      "contract.unknown_reference",
      "procedureIds.0",
    );
  });

  it("replaces a fixed contract's planned milestones when it is edited, or drops them for hourly", async () => {
    const draft = await draftContract(owner(), marcoId);
    const body = contractBody(marcoId);
    const twoParts = bodyOf<Contract>(
      await owner().put(contractUrl(draft.id), {
        ...body,
        payment: {
          kind: "fixed",
          total: dollars(1200),
          milestones: [
            {
              title: "Half",
              deliverable: "Posts 1-5",
              dueDate: "2026-04-15",
              amount: dollars(600),
            },
            {
              title: "Rest",
              deliverable: "Posts 6-10",
              dueDate: "2026-04-30",
              amount: dollars(600),
            },
          ],
        },
      }),
    );
    expect(twoParts.version).toBe(1);
    expect(twoParts.milestones.map((m) => m.title)).toEqual(["Half", "Rest"]);
    const hourly = bodyOf<Contract>(
      await owner().put(contractUrl(draft.id), { ...body, payment: hourlyPayment }),
    );
    expect(hourly.milestones).toEqual([]);
    const rows = await app.ctx.db
      .selectFrom("milestones")
      .select("id")
      .where("contract_id", "=", draft.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses a discount that leaves a milestone, a rate or a month paying nothing", async () => {
    const milestone = { deliverable: "Posts 1-10", dueDate: "2026-04-30" };
    const pennyLast = contractBody(marcoId, {
      payment: {
        kind: "fixed",
        total: dollars(400) + 1,
        milestones: [
          { ...milestone, title: "Posts", amount: dollars(400) },
          { ...milestone, title: "Sign-off", amount: 1 },
        ],
      },
      volumeDiscount: { after: 1, basisPoints: 9999 },
    });
    await refusedWithoutWrites(
      () => owner().post("/api/contracts", pennyLast),
      400,
      "contract.discounted_to_nothing",
      "payment.milestones.1.amount",
    );
    const nothingListed = structuredClone(pennyLast);
    if (nothingListed.payment.kind === "fixed") {
      nothingListed.payment.total = dollars(400);
      nothingListed.payment.milestones[1]!.amount = 0;
    }
    await refusedWithoutWrites(
      () => owner().post("/api/contracts", nothingListed),
      400,
      "invalid_input",
      "payment.milestones.1.amount",
    );
    const nearlyFree = { after: 10, basisPoints: 9999 };
    await refusedWithoutWrites(
      () =>
        owner().post(
          "/api/contracts",
          contractBody(marcoId, {
            payment: { kind: "retainer", monthlyAmount: 1 },
            volumeDiscount: nearlyFree,
          }),
        ),
      400,
      "contract.discounted_to_nothing",
      "volumeDiscount.basisPoints",
    );
    const draft = await draftContract(owner(), marcoId);
    await refusedWithoutWrites(
      () =>
        owner().put(
          contractUrl(draft.id),
          contractBody(marcoId, {
            payment: { ...hourlyPayment, hourlyRate: 1 },
            volumeDiscount: nearlyFree,
          }),
        ),
      400,
      "contract.discounted_to_nothing",
      "volumeDiscount.basisPoints",
    );
  });

  it("deletes a draft and everything planned with it", async () => {
    const draft = await draftContract(owner(), marcoId);
    expect((await owner().delete(contractUrl(draft.id))).statusCode).toBe(204);
    expectError(await owner().get(contractUrl(draft.id)), 404, "not_found");
  });
});

describe("the huge-project guard", () => {
  it("previews the flags before sending: over the threshold and one person's share", async () => {
    const big = await draftContract(owner(), lenaId, {
      payment: { ...hourlyPayment, weeklyCapMinutes: 40 * 60 },
      endDate: null,
    });
    const guard = await read<Guard>(owner(), `${contractUrl(big.id)}/guard`);
    expect(guard.value).toBe(dollars(13_000));
    const kinds = guard.flags.map((flag) => flag.kind);
    expect(kinds).toContain("huge_value");
    expect(guard.flags.find((flag) => flag.kind === "huge_value")?.message).toContain(
      "counting 13 weeks as it has no end date",
    );
  });

  it("refuses to send a flagged contract without a reason of ten characters, changing nothing", async () => {
    const draft = await draftContract(owner(), marcoId);
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(draft.id)}/send`, {}),
      422,
      "contract.guard_reason_required",
      "guardReason",
    );
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(draft.id)}/send`, { guardReason: " too short " }),
      422,
      "contract.guard_reason_required",
      "guardReason",
    );
    expect((await outbox(owner())).filter((mail) => mail.subject.includes(draft.title))).toEqual(
      [],
    );
  });

  it("sends with the reason, keeping the flags and the reason as they were", async () => {
    const draft = await draftContract(owner(), marcoId, { title: "Guarded send" });
    const flags = (await read<Guard>(owner(), `${contractUrl(draft.id)}/guard`)).flags;
    expect(flags.length).toBeGreaterThan(0);
    const sent = await sendContract(owner(), draft.id);
    expect(sent).toMatchObject({ status: "sent", guardReason: GUARD_REASON, guardFlags: flags });
    expect(sent.sentAt).toEqual(expect.any(Number));
  });

  it("lets a smaller share through: the owner raises the limits and nothing is flagged", async () => {
    const settings = await read<ContractSettings>(owner(), "/api/contract-settings");
    const raised = bodyOf<ContractSettings>(
      await owner().put("/api/contract-settings", {
        hugeContractAmount: dollars(100_000),
        maxShareBasisPoints: 10_000,
      }),
    );
    expect(raised).toEqual({
      hugeContractAmount: dollars(100_000),
      maxShareBasisPoints: 10_000,
      currency: "USD",
    });
    const draft = await draftContract(owner(), marcoId);
    expect((await read<Guard>(owner(), `${contractUrl(draft.id)}/guard`)).flags).toEqual([]);
    const sent = bodyOf<Contract>(await owner().post(`${contractUrl(draft.id)}/send`, {}));
    expect(sent).toMatchObject({ status: "sent", guardFlags: [], guardReason: null });
    await owner().put("/api/contract-settings", {
      hugeContractAmount: settings.hugeContractAmount,
      maxShareBasisPoints: settings.maxShareBasisPoints,
    });
  });

  it("weighs a sent contract again when it changes, asking for a reason for new flags", async () => {
    const limits = { hugeContractAmount: dollars(5000), maxShareBasisPoints: 5000 };
    await owner().put("/api/contract-settings", { ...limits, maxShareBasisPoints: 10_000 });
    const small = await draftContract(owner(), lenaId, { title: "Small job" });
    const sent = bodyOf<Contract>(await owner().post(`${contractUrl(small.id)}/send`, {}));
    expect(sent.guardReason).toBeNull();
    const bigger = contractBody(lenaId, {
      title: "Small job",
      payment: { ...hourlyPayment, weeklyCapMinutes: 40 * 60 },
      endDate: "2026-09-30",
    });
    await refusedWithoutWrites(
      () => owner().put(contractUrl(small.id), bigger),
      422,
      "contract.guard_reason_required",
      "guardReason",
    );
    const changed = bodyOf<Contract>(
      await owner().put(contractUrl(small.id), { ...bigger, guardReason: GUARD_REASON }),
    );
    expect(changed).toMatchObject({ status: "sent", version: 2, guardReason: GUARD_REASON });
    expect(changed.guardFlags.map((flag) => flag.kind)).toContain("huge_value");
    await owner().put("/api/contract-settings", limits);
  });

  it("keeps the reason while the flags stay, and asks for a fresh one when they change", async () => {
    const limits = { hugeContractAmount: dollars(5000), maxShareBasisPoints: 5000 };
    await owner().put("/api/contract-settings", { ...limits, maxShareBasisPoints: 10_000 });
    const long = contractBody(lenaId, {
      title: "Long job",
      payment: { ...hourlyPayment, weeklyCapMinutes: 40 * 60 },
      endDate: "2026-09-30",
    });
    const draft = bodyOf<Contract>(await owner().post("/api/contracts", long), 201);
    const sent = await sendContract(owner(), draft.id);
    expect(sent.guardFlags.map((flag) => flag.kind)).toContain("huge_value");
    const kept = bodyOf<Contract>(
      await owner().put(contractUrl(draft.id), { ...long, noticeDays: 30 }),
    );
    expect(kept).toMatchObject({ version: 2, guardReason: GUARD_REASON });
    const longer = { ...long, noticeDays: 30, endDate: "2026-12-31" };
    await refusedWithoutWrites(
      () => owner().put(contractUrl(draft.id), longer),
      422,
      "contract.guard_reason_required",
      "guardReason",
    );
    const reason = "The year-end push needs the same person throughout.";
    const changed = bodyOf<Contract>(
      await owner().put(contractUrl(draft.id), { ...longer, guardReason: reason }),
    );
    expect(changed).toMatchObject({ version: 3, guardReason: reason });
    await owner().put("/api/contract-settings", limits);
  });

  it("flags a contract in a currency without an exchange rate instead of guessing", async () => {
    const draft = await draftContract(owner(), marcoId, { currency: "GBP" });
    const guard = await read<Guard>(owner(), `${contractUrl(draft.id)}/guard`);
    expect(guard.value).toBeNull();
    expect(guard.flags.map((flag) => flag.kind)).toEqual(["no_exchange_rate"]);
    await owner().put("/api/contractor-settings", {
      exchangeRates: [{ currency: "GBP", rate: "1.25" }],
    });
    const converted = await read<Guard>(owner(), `${contractUrl(draft.id)}/guard`);
    expect(converted.value).toBe(dollars(1500));
    expect(converted.flags.map((flag) => flag.kind)).not.toContain("no_exchange_rate");
    await owner().put("/api/contractor-settings", { exchangeRates: [] });
  });
});

describe("contract settings", () => {
  it("starts at $5,000 and 50 %", async () => {
    const other = await invitePerson(app, owner(), "priya2@example.com", "manager", "Priya Two");
    expect(await read<ContractSettings>(other.client, "/api/contract-settings")).toEqual({
      hugeContractAmount: dollars(5000),
      maxShareBasisPoints: 5000,
      currency: "USD",
    });
  });

  it("lets only the owner change them, within 10 % to 100 %", async () => {
    await refusedWithoutWrites(
      () =>
        world.manager.client.put("/api/contract-settings", {
          hugeContractAmount: 1,
          maxShareBasisPoints: 5000,
        }),
      403,
      "forbidden",
    );
    await refusedWithoutWrites(
      () =>
        owner().put("/api/contract-settings", {
          hugeContractAmount: dollars(5000),
          maxShareBasisPoints: 500,
        }),
      400,
      "invalid_input",
      "maxShareBasisPoints",
    );
  });
});

describe("acceptance", () => {
  let sent: Contract;
  beforeAll(async () => {
    sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
  });

  it("emails the contractor a link to read and accept it", async () => {
    const mail = (await outbox(owner())).find(
      (message) => message.to === "marco@example.com" && message.body.includes(sent.id),
    );
    expect(mail?.subject).toBe("Contract to read and accept: Blog relaunch");
    expect(mail?.body).toContain(`http://localhost:3000/portal/contracts/${sent.id}`);
    expect(mail?.body).toContain("Never paid in advance");
  });

  it("shows the contractor the sent contract, but not the owner's guard notes", async () => {
    const seen = await get(marco(), sent.id);
    expect(seen).toMatchObject({ status: "sent", guardFlags: [], guardReason: null });
    const document = await documentOf(marco(), sent.id);
    expect(document.text).toContain("# Blog relaunch");
    expect(document.blocks[0]).toEqual({
      kind: "heading",
      level: 1,
      runs: [{ text: "Blog relaunch" }],
    });
  });

  it("refuses a name other than the contractor's (400), and a text that changed (409)", async () => {
    const { textHash } = await documentOf(marco(), sent.id);
    await refusedWithoutWrites(
      () => marco().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marc", textHash }),
      400,
      "contract.name_mismatch",
      "typedName",
    );
    await refusedWithoutWrites(
      () =>
        marco().post(`${contractUrl(sent.id)}/accept`, {
          typedName: "Marco",
          textHash: "0".repeat(64),
        }),
      409,
      "contract.changed",
    );
  });

  it("lets neither another contractor (404) nor the owner (403) accept it", async () => {
    const { textHash } = await documentOf(marco(), sent.id);
    await refusedWithoutWrites(
      () =>
        lena.client.post(`${contractUrl(sent.id)}/accept`, { typedName: "Lena Park", textHash }),
      404,
      "not_found",
    );
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marco", textHash }),
      403,
      "forbidden",
    );
  });

  it("makes a changed sent contract a new version that must be accepted again", async () => {
    const before = await documentOf(marco(), sent.id);
    const body = contractBody(marcoId);
    const same = bodyOf<Contract>(await owner().put(contractUrl(sent.id), body));
    expect(same).toMatchObject({ status: "sent", version: 1 });
    const changed = bodyOf<Contract>(
      await owner().put(contractUrl(sent.id), {
        ...body,
        noticeDays: 30,
        guardReason: GUARD_REASON,
      }),
    );
    expect(changed).toMatchObject({ status: "sent", version: 2, noticeDays: 30 });
    const mail = (await outbox(owner())).find((m) => m.to === "marco@example.com");
    expect(mail?.subject).toBe("Contract changed, please read it again: Blog relaunch");
    await refusedWithoutWrites(
      () =>
        marco().post(`${contractUrl(sent.id)}/accept`, {
          typedName: "Marco",
          textHash: before.textHash,
        }),
      409,
      "contract.changed",
    );
    const after = await documentOf(marco(), sent.id);
    expect(after.text).toContain("Contract version 2.");
    expect(after.text).toContain("30 days' notice");
    sent = changed;
  });

  it("keeps a sent contract with the person it was sent to", async () => {
    await refusedWithoutWrites(
      () =>
        owner().put(contractUrl(sent.id), {
          ...contractBody(lenaId),
          noticeDays: 30,
          guardReason: GUARD_REASON,
        }),
      422,
      "contract.contractor_fixed",
      "contractorId",
    );
  });

  it("accepts the name in any case and spacing, keeping who, when, where and the exact text", async () => {
    const document = await documentOf(marco(), sent.id);
    const accepted = bodyOf<Contract>(
      await marco().post(`${contractUrl(sent.id)}/accept`, {
        typedName: "  MARCO ",
        textHash: document.textHash,
      }),
    );
    expect(accepted).toMatchObject({
      status: "active",
      acceptedAt: expect.any(Number),
      acceptance: {
        typedName: "MARCO",
        version: 2,
        textHash: document.textHash,
        ip: "127.0.0.1",
      },
    });
    const [row] = await app.ctx.db
      .selectFrom("contract_acceptances")
      .selectAll()
      .where("contract_id", "=", sent.id)
      .execute();
    expect(row?.document).toBe(document.text);
    expect(row?.user_agent).toEqual(expect.any(String));
    const mail = (await outbox(owner())).find((m) => m.to === "dana@example.com");
    expect(mail?.subject).toBe("Marco accepted Blog relaunch");
    expect(mail?.body).toContain(`http://localhost:3000/contracts/${sent.id}`);
    sent = accepted;
  });

  it("keeps the accepted text as the document, even if a name it quotes changes later", async () => {
    const before = await documentOf(owner(), sent.id);
    await owner().put("/api/workspace", { name: "Maple Lane Candles & Soap" });
    expect(await documentOf(owner(), sent.id)).toEqual(before);
    await owner().put("/api/workspace", { name: "Maple Lane Candles" });
  });

  it("fixes the contract once accepted: no edit, no second acceptance, no send, no delete", async () => {
    const { textHash } = await documentOf(marco(), sent.id);
    await refusedWithoutWrites(
      () => owner().put(contractUrl(sent.id), contractBody(marcoId)),
      422,
      "contract.not_editable",
    );
    await refusedWithoutWrites(
      () => marco().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marco", textHash }),
      422,
      "contract.not_sent",
    );
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(sent.id)}/send`, { guardReason: GUARD_REASON }),
      422,
      "contract.not_draft",
    );
    await refusedWithoutWrites(
      () => owner().delete(contractUrl(sent.id)),
      422,
      "contract.not_draft",
    );
  });
});

describe("finishing a contract", () => {
  it("will not complete while work is not accepted and paid, then completes once it is", async () => {
    const active = await activeContract(owner(), marco());
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(active.id)}/complete`),
      422,
      "contract.work_outstanding",
    );
    await app.ctx.db
      .updateTable("milestones")
      .set({ status: "released", released_at: app.clock.now() })
      .where("contract_id", "=", active.id)
      .execute();
    const completed = bodyOf<Contract>(await owner().post(`${contractUrl(active.id)}/complete`));
    expect(completed).toMatchObject({ status: "completed", finishedAt: expect.any(Number) });
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(active.id)}/end`, { reason: "Too late to end it" }),
      422,
      "contract.finished",
    );
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(active.id)}/complete`),
      422,
      "contract.not_active",
    );
  });

  it("completes an hourly contract with no weeks outstanding", async () => {
    const active = await activeContract(owner(), marco(), { payment: hourlyPayment });
    const completed = bodyOf<Contract>(await owner().post(`${contractUrl(active.id)}/complete`));
    expect(completed.status).toBe("completed");
  });

  it("ends an active contract early with the reason, which is required", async () => {
    const active = await activeContract(owner(), marco());
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(active.id)}/end`, { reason: "  " }),
      400,
      "invalid_input",
      "reason",
    );
    const ended = bodyOf<Contract>(
      await owner().post(`${contractUrl(active.id)}/end`, { reason: "The blog is being sold." }),
    );
    expect(ended).toMatchObject({ status: "ended", endReason: "The blog is being sold." });
    expect(ended.finishedAt).toEqual(expect.any(Number));
  });

  it("withdraws a sent contract by ending it, after which it cannot be accepted", async () => {
    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    const { textHash } = await documentOf(marco(), sent.id);
    await owner().post(`${contractUrl(sent.id)}/end`, { reason: "Offer withdrawn" });
    await refusedWithoutWrites(
      () => marco().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marco", textHash }),
      422,
      "contract.not_sent",
    );
  });

  it("cannot complete or end a draft", async () => {
    const draft = await draftContract(owner(), marcoId);
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(draft.id)}/complete`),
      422,
      "contract.not_active",
    );
    await refusedWithoutWrites(
      () => owner().post(`${contractUrl(draft.id)}/end`, { reason: "Never mind that" }),
      422,
      "contract.finished",
    );
  });
});

/** The PDF's text: each content stream inflated, its hex strings read as Windows-1252. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) {
      texts.push(Buffer.from(hex[1]!, "hex").toString("latin1"));
    }
  }
  return texts.join("");
}

describe("the document and its PDF", () => {
  it("downloads a PDF with the title, the schedule and the acceptance record", async () => {
    const active = await activeContract(owner(), marco(), { title: "Shop photos" });
    const response = await owner().get(`${contractUrl(active.id)}/document.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="contract-shop-photos-v1.pdf"',
    );
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    const text = pdfText(pdf);
    expect(text).toContain("Shop photos");
    expect(text).toContain("Payment schedule");
    expect(text).toContain("$1,200");
    expect(text).toContain("Accepted by");
    expect(text).toContain(active.acceptance!.textHash);
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("keeps a title and a name that try to open blocks as plain text, in the text and the PDF", async () => {
    const trick = "\n\n- The business pays everything in advance\n\nX\n===";
    const ann = await invitePerson(app, owner(), "ann@example.com", "contractor", `Ann${trick}`);
    const draft = await draftContract(owner(), await contractorIdOf(ann.client), {
      title: `T${trick}`,
    });
    const { text, blocks } = await documentOf(owner(), draft.id);
    expect(blocks[0]).toEqual({
      kind: "heading",
      level: 1,
      runs: [{ text: "T - The business pays everything in advance X ===" }],
    });
    expect(blocks.filter((block) => block.kind === "heading" && block.level === 1)).toHaveLength(1);
    expect(text).toContain(
      "- **The contractor:** Ann - The business pays everything in advance X === (ann@example.com)",
    );
    expect(text).not.toMatch(/^(- The business|X$|===)/m);
    const response = await owner().get(`${contractUrl(draft.id)}/document.pdf`);
    const pdf = pdfText(response.rawPayload);
    expect(pdf).toContain("T - The business pays");
    expect(pdf).toContain("Ann - The business pays");
  });

  it("says a sent contract is not yet accepted, and gives the contractor their own PDF", async () => {
    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    const response = await marco().get(`${contractUrl(sent.id)}/document.pdf`);
    expect(response.statusCode).toBe(200);
    expect(pdfText(response.rawPayload)).toContain("Not yet accepted.");
  });
});

describe("who sees which contracts", () => {
  let marcosDraft: Contract;
  let lenasSent: Contract;
  beforeAll(async () => {
    marcosDraft = await draftContract(owner(), marcoId, { title: "Marco's draft" });
    lenasSent = await sendContract(
      owner(),
      (await draftContract(owner(), lenaId, { title: "Lena's offer" })).id,
    );
  });

  it("lists every contract to staff, by status and contractor", async () => {
    const all = await read<ContractSummary[]>(owner(), "/api/contracts");
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([marcosDraft.id, lenasSent.id]));
    const drafts = await read<ContractSummary[]>(owner(), "/api/contracts?status=draft");
    expect(drafts.every((c) => c.status === "draft")).toBe(true);
    const lenas = await read<ContractSummary[]>(owner(), `/api/contracts?contractorId=${lenaId}`);
    expect(lenas.every((c) => c.contractorId === lenaId)).toBe(true);
    const offer = lenas.find((c) => c.id === lenasSent.id);
    expect(offer).toMatchObject({
      paymentKind: "fixed",
      value: dollars(1200),
      contractorName: "Lena Park",
    });
    expect(await read<ContractSummary[]>(world.manager.client, "/api/contracts")).toEqual(all);
  });

  it("shows a contractor only their own contracts, never a draft", async () => {
    const mine = await read<ContractSummary[]>(lena.client, "/api/contracts");
    expect(mine.map((c) => c.id)).toContain(lenasSent.id);
    expect(mine.every((c) => c.contractorId === lenaId && c.status !== "draft")).toBe(true);
    expect(mine.every((c) => c.guardFlagCount === 0)).toBe(true);
    const marcos = await read<ContractSummary[]>(marco(), `/api/contracts?contractorId=${lenaId}`);
    expect(marcos.every((c) => c.contractorId === marcoId)).toBe(true);
    expect(marcos.map((c) => c.id)).not.toContain(marcosDraft.id);
    expect(marcos.some((c) => c.status === "draft")).toBe(false);
    for (const path of ["", "/document", "/document.pdf"]) {
      expectError(await marco().get(`${contractUrl(marcosDraft.id)}${path}`), 404, "not_found");
      expectError(await marco().get(`${contractUrl(lenasSent.id)}${path}`), 404, "not_found");
    }
  });

  it("keeps contractors from managing anything", async () => {
    await refusedWithoutWrites(
      () => marco().post("/api/contracts", contractBody(marcoId)),
      403,
      "forbidden",
    );
    await refusedWithoutWrites(
      () => lena.client.post(`${contractUrl(lenasSent.id)}/end`, { reason: "I do not want it" }),
      403,
      "forbidden",
    );
    expectError(await lena.client.get(`${contractUrl(lenasSent.id)}/guard`), 403, "forbidden");
  });

  it("shows another workspace nothing, answering 404 for every contract", async () => {
    const stranger = world.stranger.client;
    expect(await read<ContractSummary[]>(stranger, "/api/contracts")).toEqual([]);
    for (const path of ["", "/document", "/document.pdf", "/guard"]) {
      expectError(await stranger.get(`${contractUrl(lenasSent.id)}${path}`), 404, "not_found");
    }
    await refusedWithoutWrites(
      () => stranger.put(contractUrl(marcosDraft.id), contractBody(marcoId)),
      404,
      "not_found",
    );
    await refusedWithoutWrites(
      () => stranger.post(`${contractUrl(marcosDraft.id)}/send`, { guardReason: GUARD_REASON }),
      404,
      "not_found",
    );
    await refusedWithoutWrites(
      () => stranger.delete(contractUrl(marcosDraft.id)),
      404,
      "not_found",
    );
  });
});

describe("a second acceptance at once", () => {
  it("activates the contract once, whichever click arrives first", async () => {
    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    const { textHash } = await documentOf(marco(), sent.id);
    const answers = await Promise.all(
      [1, 2].map(() =>
        marco().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marco", textHash }),
      ),
    );
    const [first, second] = answers.map((answer) => answer.statusCode).sort();
    expect(first).toBe(200);
    // The later click finds the contract active (422), or loses the race to move it (409).
    expect([409, 422]).toContain(second);
    const rows = await app.ctx.db
      .selectFrom("contract_acceptances")
      .select("id")
      .where("contract_id", "=", sent.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe("an edit and an acceptance at once", () => {
  it("never lets both win: the contract is either accepted as read or changed and still sent", async () => {
    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    const { textHash } = await documentOf(marco(), sent.id);
    const [edit, accept] = await Promise.all([
      owner().put(contractUrl(sent.id), {
        ...contractBody(marcoId),
        noticeDays: 30,
        guardReason: GUARD_REASON,
      }),
      marco().post(`${contractUrl(sent.id)}/accept`, { typedName: "Marco", textHash }),
    ]);
    const after = await get(owner(), sent.id);
    if (accept.statusCode === 200) {
      expect([409, 422]).toContain(edit.statusCode);
      expect(after).toMatchObject({ status: "active", version: 1, noticeDays: 14 });
      expect(after.acceptance?.version).toBe(1);
    } else {
      expect([edit.statusCode, accept.statusCode]).toEqual([200, 409]);
      expect(after).toMatchObject({ status: "sent", version: 2, noticeDays: 30, acceptedAt: null });
    }
  });

  it("writes neither terms nor an acceptance from a read that is no longer current", async () => {
    const active = await activeContract(owner(), marco());
    const readWhileSent = { status: "sent", version: 1 } as const;
    expect(
      await updateContract(app.ctx.db, world.workspaceId, active.id, readWhileSent, {
        status: "sent",
        accepted_at: null,
        notice_days: 30,
      }),
    ).toBe(false);
    expect(await get(owner(), active.id)).toMatchObject({ status: "active", noticeDays: 14 });

    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    await owner().put(contractUrl(sent.id), {
      ...contractBody(marcoId),
      noticeDays: 30,
      guardReason: GUARD_REASON,
    });
    expect(
      await moveContract(app.ctx.db, world.workspaceId, sent.id, readWhileSent, {
        status: "active",
      }),
    ).toBe(false);
    expect(await get(owner(), sent.id)).toMatchObject({ status: "sent", version: 2 });
  });
});

describe("money already moved on a sent contract", () => {
  it("keeps its currency and the milestones escrow is meant for, with a clear 409", async () => {
    const sent = await sendContract(owner(), (await draftContract(owner(), marcoId)).id);
    const [first] = sent.milestones;
    bodyOf(
      await postMoney(owner(), `${contractUrl(sent.id)}/escrow/fund`, {
        amount: dollars(400),
        currency: "USD",
        milestoneId: first!.id,
      }),
      201,
    );
    const body = { ...contractBody(marcoId), guardReason: GUARD_REASON };
    await refusedWithoutWrites(
      () => owner().put(contractUrl(sent.id), { ...body, currency: "EUR" }),
      409,
      "contract.currency_locked",
      "currency",
    );
    const shorter = contractBody(marcoId, {
      payment: {
        kind: "fixed",
        total: dollars(1200),
        milestones: [
          {
            title: "All posts",
            deliverable: "Posts 1-10",
            dueDate: "2026-04-30",
            amount: dollars(1200),
          },
        ],
      },
    });
    await refusedWithoutWrites(
      () => owner().put(contractUrl(sent.id), { ...shorter, guardReason: GUARD_REASON }),
      409,
      "contract.milestone_funded",
    );
    const kept = bodyOf<Contract>(
      await owner().put(contractUrl(sent.id), { ...body, noticeDays: 30 }),
    );
    expect(kept).toMatchObject({ version: 2, noticeDays: 30 });
    expect(kept.milestones.map((m) => m.id)).toEqual(sent.milestones.map((m) => m.id));
  });
});
