import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetainerMonth, RetainerMonths } from "../../src/contracts/retainer-schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { activeContract, retainerPayment } from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import { milestoneUrl, newKey, postMoney, release } from "../support/ledger.ts";
import { periodRowsOf, setClock } from "../support/timesheets.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let contractor: ApiClient;
let zoe: Person;

beforeAll(async () => {
  app = await startTestApp();
  // Thursday 16 April 2026 in Kyiv, where the contractor lives.
  setClock(app, "2026-04-16T12:00:00Z");
  world = await buildWorld(app);
  owner = world.owner.client;
  contractor = world.contractor.client;
  zoe = await invitePerson(app, owner, "zoe@example.com", "contractor", "Zoe");
});
afterAll(() => app.close());

const rows = () => periodRowsOf(app, world.workspaceId);
const monthsUrl = (contractId: string) => `/api/contracts/${contractId}/retainer-months`;

/** The seed's $250 a month retainer, from mid-January 2026 with no end date. */
const retainer = (overrides = {}) =>
  activeContract(owner, contractor, {
    title: "Monthly bookkeeping",
    startDate: "2026-01-15",
    endDate: null,
    payment: retainerPayment,
    ...overrides,
  });

const monthWork = {
  note: "Reconciled March and filed the sales tax return.",
  links: ["https://books.example.com/march"],
};

function submitMonth(
  client: ApiClient,
  contractId: string,
  body: Record<string, unknown>,
  key = newKey(),
) {
  return postMoney(client, monthsUrl(contractId), body, key);
}

describe("the months of a retainer", () => {
  it("lists the months so far, newest first, for the contractor and staff", async () => {
    const contract = await retainer();
    const months = await read<RetainerMonths>(contractor, monthsUrl(contract.id));
    expect(months.currentMonth).toBe("2026-04");
    expect(months.months).toEqual(
      ["2026-04", "2026-03", "2026-02", "2026-01"].map((month) => ({
        month,
        amount: 25_000,
        currency: "USD",
        status: "open",
        milestoneId: null,
        submittedAt: null,
        feedback: null,
      })),
    );
    expect(await read(owner, monthsUrl(contract.id))).toEqual(months);
    expect(await read(world.manager.client, monthsUrl(contract.id))).toEqual(months);
  });

  it("stops at the end month of a contract that is over", async () => {
    const contract = await retainer({ startDate: "2026-01-10", endDate: "2026-02-20" });
    const months = await read<RetainerMonths>(owner, monthsUrl(contract.id));
    expect(months.months.map((row) => row.month)).toEqual(["2026-02", "2026-01"]);
  });

  it("pays 10 % less after the first two months under a volume discount", async () => {
    const contract = await retainer({ volumeDiscount: { after: 2, basisPoints: 1000 } });
    const months = await read<RetainerMonths>(owner, monthsUrl(contract.id));
    expect(months.months.map((row) => [row.month, row.amount])).toEqual([
      ["2026-04", 22_500],
      ["2026-03", 22_500],
      ["2026-02", 25_000],
      ["2026-01", 25_000],
    ]);
    const submitted = bodyOf<RetainerMonth>(
      await submitMonth(contractor, contract.id, { month: "2026-03", ...monthWork }),
      201,
    );
    expect(submitted.amount).toBe(22_500);
  });

  it("shows another contractor and another workspace nothing", async () => {
    const contract = await retainer();
    expectError(await zoe.client.get(monthsUrl(contract.id)), 404, "not_found");
    expectError(await world.stranger.client.get(monthsUrl(contract.id)), 404, "not_found");
  });

  it("has no months on a contract that is not a retainer", async () => {
    const fixed = await activeContract(owner, contractor);
    expectError(await owner.get(monthsUrl(fixed.id)), 422, "retainer.not_retainer");
    expectError(
      await submitMonth(contractor, fixed.id, { month: "2026-04", ...monthWork }),
      422,
      "retainer.not_retainer",
    );
  });
});

describe("submitting a month", () => {
  it("makes the month a retainer milestone waiting for review, once per key", async () => {
    const contract = await retainer();
    const key = newKey();
    const body = { month: "2026-03", ...monthWork };
    const response = await submitMonth(contractor, contract.id, body, key);
    const month = bodyOf<RetainerMonth>(response, 201);
    expect(month).toMatchObject({ month: "2026-03", amount: 25_000, status: "submitted" });
    const milestone = await app.ctx.db
      .selectFrom("milestones")
      .selectAll()
      .where("id", "=", month.milestoneId!)
      .executeTakeFirstOrThrow();
    expect(milestone).toMatchObject({
      contract_id: contract.id,
      kind: "retainer",
      period: "2026-03",
      minutes: null,
      amount: 25_000,
      status: "submitted",
      title: "Retainer for March 2026",
    });
    const submissions = await app.ctx.db
      .selectFrom("submissions")
      .select(["note", "links"])
      .where("milestone_id", "=", milestone.id)
      .execute();
    expect(submissions).toEqual([{ note: monthWork.note, links: JSON.stringify(monthWork.links) }]);

    const before = await rows();
    const replay = await submitMonth(contractor, contract.id, body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(response.json());
    expect(await rows()).toEqual(before);
    expectError(
      await submitMonth(contractor, contract.id, { ...body, note: "Changed my mind" }, key),
      409,
      "idempotency.key_reused",
    );
    expectError(
      await submitMonth(contractor, contract.id, body),
      409,
      "retainer.month_closed",
      "month",
    );
    expect(await rows()).toEqual(before);
  });

  it.each([
    ["month", { month: "2026-13" }, 400, "invalid_input"],
    ["month", { month: "2026-3" }, 400, "invalid_input"],
    ["note", { note: "" }, 400, "invalid_input"],
    ["links.0", { links: ["ftp://files.example.com"] }, 400, "invalid_input"],
    ["month", { month: "2025-12" }, 422, "retainer.outside_contract"],
    ["month", { month: "2026-05" }, 422, "retainer.future_month"],
  ] as const)(
    "refuses a bad %s (%j) and writes nothing",
    async (field, overrides, status, code) => {
      const contract = await retainer();
      const before = await rows();
      expectError(
        await submitMonth(contractor, contract.id, {
          month: "2026-03",
          ...monthWork,
          ...overrides,
        }),
        status,
        code,
        field,
      );
      expect(await rows()).toEqual(before);
    },
  );

  it("refuses a submission without an Idempotency-Key", async () => {
    const contract = await retainer();
    const before = await rows();
    expectError(
      await contractor.post(monthsUrl(contract.id), { month: "2026-03", ...monthWork }),
      400,
      "idempotency.key_required",
      "Idempotency-Key",
    );
    expect(await rows()).toEqual(before);
  });

  it("lets only the contract's contractor submit", async () => {
    const contract = await retainer();
    const body = { month: "2026-03", ...monthWork };
    const before = await rows();
    expectError(await submitMonth(owner, contract.id, body), 403, "forbidden");
    expectError(await submitMonth(world.manager.client, contract.id, body), 403, "forbidden");
    expectError(await submitMonth(zoe.client, contract.id, body), 404, "not_found");
    expect(await rows()).toEqual(before);
  });

  it("is paid only after acceptance, through send-back and resubmission", async () => {
    const contract = await retainer();
    const first = bodyOf<RetainerMonth>(
      await submitMonth(contractor, contract.id, { month: "2026-02", ...monthWork }),
      201,
    );
    const milestoneId = first.milestoneId!;
    expectError(await release(owner, milestoneId), 422, "payment.not_accepted");
    bodyOf(
      await postMoney(owner, milestoneUrl(milestoneId, "send-back"), {
        feedback: "The February statement is missing.",
      }),
    );
    const sentBack = await read<RetainerMonths>(contractor, monthsUrl(contract.id));
    expect(sentBack.months.find((row) => row.month === "2026-02")).toMatchObject({
      status: "sent_back",
      feedback: "The February statement is missing.",
    });
    const again = bodyOf<RetainerMonth>(
      await submitMonth(contractor, contract.id, {
        month: "2026-02",
        note: "Added the February statement.",
        links: [],
      }),
      201,
    );
    expect(again).toMatchObject({ milestoneId, status: "submitted", feedback: null });
    bodyOf(await postMoney(owner, milestoneUrl(milestoneId, "accept"), {}));
    const paid = await release(owner, milestoneId);
    expect(paid.statusCode, paid.body).toBe(200);
    const months = await read<RetainerMonths>(owner, monthsUrl(contract.id));
    expect(months.months.find((row) => row.month === "2026-02")?.status).toBe("released");
    const submissions = await app.ctx.db
      .selectFrom("submissions")
      .select(["decision"])
      .where("milestone_id", "=", milestoneId)
      .orderBy("submitted_at")
      .execute();
    expect(submissions.map((row) => row.decision)).toEqual(["sent_back", "accepted"]);
  });
});
