import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractMoney, LedgerTransaction, PaymentsPage } from "../../src/ledger/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { contractorIdOf, draftContract } from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import {
  acceptedWork,
  fund,
  moneyRowsOf,
  newKey,
  postMoney,
  release,
  runningContract,
  summaryOf,
  transactionCount,
  unbalancedTransactions,
} from "../support/ledger.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let manager: ApiClient;
let contractor: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
  manager = world.manager.client;
  contractor = world.contractor.client;
});
afterAll(() => app.close());

const rows = () => moneyRowsOf(app, world.workspaceId);
const moneyOf = (client: ApiClient, contractId: string) =>
  read<ContractMoney>(client, `/api/contracts/${contractId}/money`);
const escrowUrl = (contractId: string, action: "fund" | "refund") =>
  `/api/contracts/${contractId}/escrow/${action}`;
const reverseUrl = (id: string) => `/api/ledger/transactions/${id}/reverse`;
const payments = (client: ApiClient, query = "") =>
  read<PaymentsPage>(client, `/api/payments${query}`);

/** What the contractor is owed and was paid in USD, as the owner's summary says. */
async function owedAndPaid(contractorId: string) {
  const line = (await summaryOf(owner)).people.find(
    (person) => person.contractorId === contractorId && person.currency === "USD",
  );
  return { owed: line?.owed ?? 0, paid: line?.paid ?? 0 };
}

function payout(contractorId: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    contractorId,
    amount,
    currency: "USD",
    method: "wise",
    reference: "WISE-20260412-881",
    paidOn: "2026-04-12",
    ...extra,
  };
}

describe("escrow", () => {
  it("holds money for a contract and gives it back, never more than it holds", async () => {
    const { contract } = await runningContract(owner, contractor);
    const funded = await fund(owner, contract.id, 50_000);
    expect(funded).toMatchObject({
      kind: "fund",
      amount: 50_000,
      currency: "USD",
      contractId: contract.id,
      contractTitle: "Blog relaunch",
      contractorName: "Marco",
      memo: "Escrow for the contract",
      reversible: false,
      entries: [
        { account: "funds", amount: -50_000 },
        { account: "escrow", contractId: contract.id, amount: 50_000 },
      ],
    });
    expect(await moneyOf(owner, contract.id)).toEqual({
      contractId: contract.id,
      currency: "USD",
      escrowHeld: 50_000,
      funded: 50_000,
      refunded: 0,
      released: 0,
      acceptedAwaitingRelease: 0,
    });

    const before = await rows();
    const tooMuch = await postMoney(owner, escrowUrl(contract.id, "refund"), {
      amount: 50_001,
      currency: "USD",
    });
    expectError(tooMuch, 422, "payment.exceeds_escrow", "amount");
    expect(tooMuch.json().error.message).toContain("$500");
    expect(await rows()).toEqual(before);

    const refund = bodyOf<LedgerTransaction>(
      await postMoney(owner, escrowUrl(contract.id, "refund"), { amount: 20_000, currency: "USD" }),
      201,
    );
    expect(refund.entries).toEqual([
      expect.objectContaining({ account: "escrow", amount: -20_000 }),
      expect.objectContaining({ account: "funds", amount: 20_000 }),
    ]);
    expect(await moneyOf(owner, contract.id)).toMatchObject({
      escrowHeld: 30_000,
      funded: 50_000,
      refunded: 20_000,
    });
  });

  it("labels money put in for one milestone, and refuses a milestone of another contract", async () => {
    const { contract, milestones } = await runningContract(owner, contractor);
    const other = await runningContract(owner, contractor);
    const forFirst = bodyOf<LedgerTransaction>(
      await postMoney(owner, escrowUrl(contract.id, "fund"), {
        amount: 40_000,
        currency: "USD",
        milestoneId: milestones[0]!.id,
      }),
      201,
    );
    expect(forFirst).toMatchObject({
      milestoneId: milestones[0]!.id,
      milestoneTitle: "First three posts",
      memo: "Escrow for “First three posts”",
    });
    const before = await rows();
    expectError(
      await postMoney(owner, escrowUrl(contract.id, "fund"), {
        amount: 40_000,
        currency: "USD",
        milestoneId: other.milestones[0]!.id,
      }),
      400,
      "payment.unknown_milestone",
      "milestoneId",
    );
    expect(await rows()).toEqual(before);
  });

  it("is funded only for a sent or active contract", async () => {
    const draft = await draftContract(owner, await contractorIdOf(contractor));
    const before = await rows();
    expectError(
      await postMoney(owner, escrowUrl(draft.id, "fund"), { amount: 100, currency: "USD" }),
      422,
      "payment.contract_not_open",
    );
    expect(await rows()).toEqual(before);
  });

  it("covers the earliest unpaid milestones first, and a release takes from escrow before funds", async () => {
    const { contract, contractorId, milestones } = await runningContract(owner, contractor);
    await fund(owner, contract.id, 50_000);
    const covered = (
      await read<{ money: { escrowCovered: number } }[]>(
        contractor,
        `/api/contracts/${contract.id}/milestones`,
      )
    ).map((m) => m.money.escrowCovered);
    expect(covered).toEqual([40_000, 10_000, 0]);

    const before = await owedAndPaid(contractorId);
    await acceptedWork(manager, contractor, milestones[0]!.id);
    await acceptedWork(manager, contractor, milestones[1]!.id);
    expect((await moneyOf(owner, contract.id)).acceptedAwaitingRelease).toBe(80_000);

    const first = bodyOf<{ transactionId: string }>(await release(owner, milestones[0]!.id));
    const second = bodyOf<{ transactionId: string }>(await release(owner, milestones[1]!.id));
    const page = await payments(owner, `?contractId=${contract.id}&kind=release`);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(first.transactionId)?.entries).toEqual([
      expect.objectContaining({ account: "escrow", amount: -40_000 }),
      expect.objectContaining({ account: "payable", contractorId, amount: 40_000 }),
    ]);
    // Escrow had $100 left: the other $300 comes from the business's funds.
    expect(byId.get(second.transactionId)?.entries).toEqual([
      expect.objectContaining({ account: "escrow", amount: -10_000 }),
      expect.objectContaining({ account: "funds", amount: -30_000 }),
      expect.objectContaining({ account: "payable", contractorId, amount: 40_000 }),
    ]);
    expect(await moneyOf(owner, contract.id)).toMatchObject({
      escrowHeld: 0,
      released: 80_000,
      acceptedAwaitingRelease: 0,
    });
    expect(await owedAndPaid(contractorId)).toEqual({
      owed: before.owed + 80_000,
      paid: before.paid,
    });
  });
});

describe("bad input writes nothing", () => {
  it("refuses negative, zero, fractional-cent and huge amounts, a wrong currency and a missing key", async () => {
    const { contract, contractorId } = await runningContract(owner, contractor);
    const before = await rows();
    const fundUrl = escrowUrl(contract.id, "fund");
    for (const amount of [-100, 0, 12.5, 1e13, "100"]) {
      expectError(
        await postMoney(owner, fundUrl, { amount, currency: "USD" }),
        400,
        "invalid_input",
        "amount",
      );
      expectError(
        await postMoney(owner, "/api/bonuses", {
          contractorId,
          amount,
          currency: "USD",
          reason: "Year-end",
        }),
        400,
        "invalid_input",
        "amount",
      );
      expectError(
        await postMoney(owner, "/api/payouts", payout(contractorId, amount as number)),
        400,
        "invalid_input",
        "amount",
      );
    }
    expectError(
      await postMoney(owner, fundUrl, { amount: 100, currency: "EUR" }),
      400,
      "payment.wrong_currency",
      "currency",
    );
    expectError(
      await postMoney(owner, escrowUrl(contract.id, "refund"), { amount: 100, currency: "EUR" }),
      400,
      "payment.wrong_currency",
      "currency",
    );
    expectError(
      await postMoney(owner, fundUrl, { amount: 100, currency: "XYZ" }),
      400,
      "invalid_input",
      "currency",
    );
    expectError(
      await postMoney(owner, fundUrl, { amount: 100, currency: "USD", extra: 1 }),
      400,
      "invalid_input",
      "extra",
    );
    expectError(
      await owner.post(fundUrl, { amount: 100, currency: "USD" }),
      400,
      "idempotency.key_required",
      "Idempotency-Key",
    );
    expectError(
      await owner.post("/api/payouts", payout(contractorId, 100)),
      400,
      "idempotency.key_required",
      "Idempotency-Key",
    );
    expectError(
      await owner.post("/api/bonuses", {
        contractorId,
        amount: 100,
        currency: "USD",
        reason: "Thanks",
      }),
      400,
      "idempotency.key_required",
    );
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, 100, { method: "crypto" })),
      400,
      "invalid_input",
      "method",
    );
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, 100, { paidOn: "12/04/2026" })),
      400,
      "invalid_input",
      "paidOn",
    );
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, 100, { paidOn: "2999-01-01" })),
      400,
      "payment.paid_in_future",
      "paidOn",
    );
    expectError(
      await postMoney(owner, "/api/payouts", payout(world.owner.id, 100)),
      400,
      "payment.unknown_contractor",
      "contractorId",
    );
    expectError(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 100,
        currency: "USD",
        reason: "  ",
      }),
      400,
      "invalid_input",
      "reason",
    );
    expect(await rows()).toEqual(before);
  });
});

describe("payouts, bonuses and reversals", () => {
  it("pays out only what accepted work earned: nothing before, at most the amount owed after", async () => {
    const { contractorId, milestones } = await runningContract(owner, contractor);
    const { owed } = await owedAndPaid(contractorId);
    const before = await rows();
    // There is no advance: with nothing more owed, a payout is refused.
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, owed + 1)),
      422,
      "payment.exceeds_payable",
      "amount",
    );
    expect(await rows()).toEqual(before);

    await acceptedWork(manager, contractor, milestones[0]!.id);
    bodyOf(await release(owner, milestones[0]!.id));
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, owed + 40_001)),
      422,
      "payment.exceeds_payable",
    );
    const paid = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/payouts", payout(contractorId, owed + 40_000)),
      201,
    );
    expect(paid).toMatchObject({
      kind: "payout",
      method: "wise",
      reference: "WISE-20260412-881",
      paidOn: "2026-04-12",
      reversible: true,
      entries: [
        { account: "payable", contractorId, amount: -(owed + 40_000) },
        { account: "paid_out", contractorId, amount: owed + 40_000 },
      ],
    });
    expect((await owedAndPaid(contractorId)).owed).toBe(0);
  });

  it("gives a labelled bonus any time, reverses it while unpaid, and reverses a payout", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    const start = await owedAndPaid(contractorId);
    const bonus = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 25_000,
        currency: "USD",
        reason: "Year-end reward for a great year",
      }),
      201,
    );
    expect(bonus).toMatchObject({ kind: "bonus", memo: "Bonus: Year-end reward for a great year" });
    expect(await owedAndPaid(contractorId)).toEqual({ ...start, owed: start.owed + 25_000 });

    const reversal = bodyOf<LedgerTransaction>(
      await postMoney(owner, reverseUrl(bonus.id), { reason: "Meant for someone else" }),
      201,
    );
    expect(reversal).toMatchObject({
      kind: "reversal",
      reversesId: bonus.id,
      amount: 25_000,
      memo: "Reversed bonus: Meant for someone else",
      reversible: false,
    });
    expect(await owedAndPaid(contractorId)).toEqual(start);
    const original = (await payments(owner, `?contractorId=${contractorId}&kind=bonus`)).items.find(
      (item) => item.id === bonus.id,
    );
    expect(original).toMatchObject({ reversedById: reversal.id, reversible: false });

    const before = await rows();
    expectError(
      await postMoney(owner, reverseUrl(bonus.id), { reason: "Again" }),
      409,
      "payment.already_reversed",
    );
    expectError(
      await postMoney(owner, reverseUrl(reversal.id), { reason: "Undo" }),
      422,
      "payment.not_reversible",
    );
    expect(await rows()).toEqual(before);

    // A bonus already paid out cannot be taken back until the payout is reversed.
    const second = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 10_000,
        currency: "USD",
        reason: "Launch",
      }),
      201,
    );
    const sent = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/payouts", payout(contractorId, start.owed + 10_000)),
      201,
    );
    const paidBefore = await rows();
    expectError(
      await postMoney(owner, reverseUrl(second.id), { reason: "Wrong" }),
      422,
      "payment.reversal_uncovered",
    );
    expect(await rows()).toEqual(paidBefore);
    bodyOf(await postMoney(owner, reverseUrl(sent.id), { reason: "Bank returned it" }), 201);
    bodyOf(await postMoney(owner, reverseUrl(second.id), { reason: "Wrong person" }), 201);
    expect(await owedAndPaid(contractorId)).toEqual(start);
  });

  it("never reverses a release or escrow money (escrow is refunded instead)", async () => {
    const { contract, milestones } = await runningContract(owner, contractor);
    const funded = await fund(owner, contract.id, 1_000);
    await acceptedWork(manager, contractor, milestones[0]!.id);
    const { transactionId } = bodyOf<{ transactionId: string }>(
      await release(owner, milestones[0]!.id),
    );
    const before = await rows();
    expectError(
      await postMoney(owner, reverseUrl(transactionId), { reason: "Oops" }),
      422,
      "payment.not_reversible",
    );
    const refused = await postMoney(owner, reverseUrl(funded.id), { reason: "Oops" });
    expectError(refused, 422, "payment.not_reversible");
    expect(refused.json().error.message).toContain("refund");
    expectError(
      await postMoney(owner, reverseUrl(world.owner.id), { reason: "Oops" }),
      404,
      "not_found",
    );
    expect(await rows()).toEqual(before);
  });

  it("two reversals of one payout at once: one goes through", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 5_000,
        currency: "USD",
        reason: "Quick fix",
      }),
      201,
    );
    const sent = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/payouts", payout(contractorId, 5_000)),
      201,
    );
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        postMoney(owner, reverseUrl(sent.id), { reason: "Returned" }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const reversals = await app.ctx.db
      .selectFrom("ledger_transactions")
      .select("id")
      .where("reverses_id", "=", sent.id)
      .execute();
    expect(reversals).toHaveLength(1);
  });

  it("two payouts of everything owed at once: only one fits", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    const { owed } = await owedAndPaid(contractorId);
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 7_000,
        currency: "USD",
        reason: "Launch",
      }),
      201,
    );
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        postMoney(owner, "/api/payouts", payout(contractorId, owed + 7_000)),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 422, 422, 422]);
    expect((await owedAndPaid(contractorId)).owed).toBe(0);
  });

  it("replays a payout with its key and moves money once; another body under that key is refused", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 3_000,
        currency: "USD",
        reason: "Thanks",
      }),
      201,
    );
    const key = newKey();
    const count = await transactionCount(app, world.workspaceId);
    const first = await postMoney(owner, "/api/payouts", payout(contractorId, 3_000), key);
    const again = await postMoney(owner, "/api/payouts", payout(contractorId, 3_000), key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(await transactionCount(app, world.workspaceId)).toBe(count + 1);
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, 2_000), key),
      409,
      "idempotency.key_reused",
    );
    expect(await transactionCount(app, world.workspaceId)).toBe(count + 1);
  });
});

describe("a script with an API token", () => {
  it("moves money with its key like the browser does, and replays it", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    const created = await owner.post("/api/me/tokens", { name: "Bookkeeping script" });
    const script = new ApiClient(app.server, bodyOf<{ token: string }>(created, 201).token);
    const body = { contractorId, amount: 1_500, currency: "USD", reason: "Scripted thanks" };
    const key = newKey();
    const first = bodyOf<LedgerTransaction>(
      await postMoney(script, "/api/bonuses", body, key),
      201,
    );
    const again = bodyOf<LedgerTransaction>(
      await postMoney(script, "/api/bonuses", body, key),
      201,
    );
    expect(again).toEqual(first);
    expectError(await script.post("/api/bonuses", body), 400, "idempotency.key_required");
  });
});

describe("reading the ledger", () => {
  let lena: Person;
  let lenaId: string;
  beforeAll(async () => {
    lena = await invitePerson(app, owner, "lena.ledger@example.com", "contractor", "Lena");
    lenaId = await contractorIdOf(lena.client);
  });

  it("pages through movements newest first with filters", async () => {
    const { contract, contractorId } = await runningContract(owner, contractor);
    for (let i = 1; i <= 5; i += 1) {
      app.clock.advance(1000);
      await fund(owner, contract.id, i * 100);
    }
    const first = await payments(owner, `?contractId=${contract.id}&limit=2`);
    expect(first.items.map((item) => item.amount)).toEqual([500, 400]);
    expect(first.nextCursor).not.toBeNull();
    const second = await payments(
      owner,
      `?contractId=${contract.id}&limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((item) => item.amount)).toEqual([300, 200]);
    const third = await payments(
      owner,
      `?contractId=${contract.id}&limit=2&cursor=${second.nextCursor}`,
    );
    expect(third.items.map((item) => item.amount)).toEqual([100]);
    expect(third.nextCursor).toBeNull();

    expect((await payments(owner, `?contractId=${contract.id}&kind=refund`)).items).toEqual([]);
    const mine = await payments(manager, `?contractorId=${contractorId}&kind=fund`);
    expect(mine.items.length).toBeGreaterThanOrEqual(5);
    expect(
      mine.items.every((item) => item.contractorId === contractorId && item.kind === "fund"),
    ).toBe(true);
    expectError(await owner.get("/api/payments?cursor=nonsense"), 400, "invalid_input", "cursor");
  });

  it("shows a contractor only what was released, paid and given to them, without escrow or funds", async () => {
    const { contract, contractorId, milestones } = await runningContract(owner, contractor);
    await fund(owner, contract.id, 40_000);
    await acceptedWork(manager, contractor, milestones[0]!.id);
    bodyOf(await release(owner, milestones[0]!.id));
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId: lenaId,
        amount: 900,
        currency: "USD",
        reason: "Lena's",
      }),
      201,
    );

    const theirs = await payments(contractor, "?limit=200");
    expect(theirs.items.length).toBeGreaterThan(0);
    for (const item of theirs.items) {
      expect(["release", "payout", "bonus", "reversal"]).toContain(item.kind);
      expect(item.contractorId).toBe(contractorId);
      expect(item.entries).toEqual([]);
    }
    expect((await payments(contractor, "?kind=fund")).items).toEqual([]);
    expect((await payments(contractor, `?contractorId=${lenaId}`)).items).toEqual([]);
    expect((await payments(lena.client)).items.map((item) => item.memo)).toEqual(["Bonus: Lena's"]);

    const summary = await summaryOf(contractor);
    expect(summary.currencies).toEqual([]);
    expect(summary.people.map((person) => person.contractorId)).toEqual([contractorId]);
    expect((await summaryOf(lena.client)).people).toEqual([
      { contractorId: lenaId, contractorName: "Lena", currency: "USD", owed: 900, paid: 0 },
    ]);
  });

  it("sums escrow, owed, paid out and this month's spend per currency, and each person's line", async () => {
    const summary = await summaryOf(manager);
    const usd = summary.currencies.find((line) => line.currency === "USD");
    const stored = await app.ctx.db
      .selectFrom("ledger_entries as e")
      .innerJoin("ledger_accounts as a", "a.id", "e.account_id")
      .select(["a.kind", "e.amount"])
      .where("e.workspace_id", "=", world.workspaceId)
      .where("e.currency", "=", "USD")
      .execute();
    const sum = (kind: string) =>
      stored
        .filter((row) => row.kind === kind)
        .reduce((total, row) => total + Number(row.amount), 0);
    expect(usd).toMatchObject({
      escrowHeld: sum("escrow"),
      owed: sum("payable"),
      paidOut: sum("paid_out"),
    });
    expect(usd!.spentThisMonth).toBeGreaterThan(0);
    expect(summary.month).toMatch(/^\d{4}-\d{2}$/);
    const people = summary.people.filter((line) => line.currency === "USD");
    expect(people.reduce((total, line) => total + line.owed, 0)).toBe(sum("payable"));
    expect(people.reduce((total, line) => total + line.paid, 0)).toBe(sum("paid_out"));
    expect(await unbalancedTransactions(app)).toEqual([]);
  });

  it("keeps currencies apart", async () => {
    const { contractorId } = await runningContract(owner, contractor);
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 1_234,
        currency: "EUR",
        reason: "Berlin trip",
      }),
      201,
    );
    const before = await owedAndPaid(contractorId);
    expectError(
      await postMoney(owner, "/api/payouts", payout(contractorId, before.owed + 1)),
      422,
      "payment.exceeds_payable",
    );
    const eur = (await summaryOf(owner)).people.find(
      (line) => line.contractorId === contractorId && line.currency === "EUR",
    );
    expect(eur).toMatchObject({ owed: 1_234, paid: 0 });
    bodyOf(
      await postMoney(owner, "/api/payouts", payout(contractorId, 1_234, { currency: "EUR" })),
      201,
    );
  });

  it("shows another workspace none of it", async () => {
    const theirs = await payments(world.stranger.client);
    expect(theirs.items).toEqual([]);
    expect(await summaryOf(world.stranger.client)).toMatchObject({ currencies: [], people: [] });
    const { contract } = await runningContract(owner, contractor);
    expectError(
      await postMoney(world.stranger.client, escrowUrl(contract.id, "fund"), {
        amount: 100,
        currency: "USD",
      }),
      404,
      "not_found",
    );
  });

  it("lets a manager read but not move money, and a contractor neither", async () => {
    const { contract, contractorId } = await runningContract(owner, contractor);
    const before = await rows();
    for (const client of [manager, contractor]) {
      expectError(
        await postMoney(client, escrowUrl(contract.id, "fund"), { amount: 100, currency: "USD" }),
        403,
        "forbidden",
      );
      expectError(
        await postMoney(client, escrowUrl(contract.id, "refund"), { amount: 100, currency: "USD" }),
        403,
        "forbidden",
      );
      expectError(
        await postMoney(client, "/api/payouts", payout(contractorId, 100)),
        403,
        "forbidden",
      );
      expectError(
        await postMoney(client, "/api/bonuses", {
          contractorId,
          amount: 100,
          currency: "USD",
          reason: "Self",
        }),
        403,
        "forbidden",
      );
    }
    expect(await rows()).toEqual(before);
    expect((await moneyOf(manager, contract.id)).contractId).toBe(contract.id);
    expect((await moneyOf(contractor, contract.id)).contractId).toBe(contract.id);
  });
});
