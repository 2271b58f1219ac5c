import fc from "fast-check";
import type { Response } from "light-my-request";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractMoney } from "../../src/ledger/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import {
  handIn,
  milestoneUrl,
  moneyRowsOf,
  newKey,
  postMoney,
  runningContract,
  summaryOf,
  unbalancedTransactions,
} from "../support/ledger.ts";
import { read } from "../support/worth.ts";
import { buildWorld, type World } from "../support/world.ts";

/**
 * The ledger's invariants through the real API on a real database: random sequences of
 * money and delivery requests, some replayed with their keys.
 */

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

type Step =
  | { kind: "fund" | "refund" | "bonus" | "payout"; amount: number }
  | { kind: "submit" | "accept" | "send-back" | "release"; milestone: number }
  | { kind: "reverse" | "replay"; pick: number };

/** Weighted so that work often gets all the way from hand-in to release within one run. */
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("fund", "refund", "bonus", "payout"),
      amount: fc.integer({ min: 1, max: 30_000 }),
    }) as fc.Arbitrary<Step>,
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom("submit", "accept", "send-back", "release"),
      milestone: fc.integer({ min: 0, max: 2 }),
    }) as fc.Arbitrary<Step>,
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom("reverse", "replay"),
      pick: fc.nat(),
    }) as fc.Arbitrary<Step>,
  },
);

interface Sent {
  client: ApiClient;
  url: string;
  body: unknown;
  key: string;
  answer: Response;
}

/** The sum of the entries of each of the workspace's accounts, straight from the table. */
async function entrySums(workspaceId: string) {
  const rows = await app.ctx.db
    .selectFrom("ledger_entries as e")
    .innerJoin("ledger_accounts as a", "a.id", "e.account_id")
    .select([
      "a.kind",
      "a.contract_id",
      "a.contractor_id",
      "a.currency",
      sql<string | number>`sum(e.amount)`.as("sum"),
    ])
    .where("e.workspace_id", "=", workspaceId)
    .groupBy(["a.id", "a.kind", "a.contract_id", "a.contractor_id", "a.currency"])
    .execute();
  return rows.map((row) => ({ ...row, sum: Number(row.sum) }));
}

describe("the ledger through the API", () => {
  it("balances, equals the sum of its entries, releases no more than accepted work, and replays move nothing", async () => {
    const { owner, manager, contractor } = world;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 30 }), async (steps) => {
        const { contract, contractorId, milestones } = await runningContract(
          owner.client,
          contractor.client,
        );
        const sent: Sent[] = [];
        const send = async (client: ApiClient, url: string, body: unknown) => {
          const key = newKey();
          const answer = await postMoney(client, url, body, key);
          expect(answer.statusCode, answer.body).toBeLessThan(500);
          sent.push({ client, url, body, key, answer });
          return answer;
        };
        for (const next of steps) {
          const milestone = "milestone" in next ? milestones[next.milestone]!.id : "";
          switch (next.kind) {
            case "fund":
            case "refund":
              await send(owner.client, `/api/contracts/${contract.id}/escrow/${next.kind}`, {
                amount: next.amount,
                currency: "USD",
              });
              break;
            case "bonus":
              await send(owner.client, "/api/bonuses", {
                contractorId,
                amount: next.amount,
                currency: "USD",
                reason: "Well done",
              });
              break;
            case "payout":
              await send(owner.client, "/api/payouts", {
                contractorId,
                amount: next.amount,
                currency: "USD",
                method: "bank_transfer",
                reference: "REF",
                paidOn: "2026-04-01",
              });
              break;
            case "submit":
              await send(contractor.client, milestoneUrl(milestone, "submit"), handIn);
              break;
            case "accept":
              await send(manager.client, milestoneUrl(milestone, "accept"), {});
              break;
            case "send-back":
              await send(manager.client, milestoneUrl(milestone, "send-back"), {
                feedback: "What to change: the intro.",
              });
              break;
            case "release":
              await send(owner.client, milestoneUrl(milestone, "release"), undefined);
              break;
            case "reverse": {
              const done = sent.filter(
                (s) =>
                  s.answer.statusCode === 201 && ["payout", "bonus"].includes(s.answer.json().kind),
              );
              const target = done[next.pick % Math.max(1, done.length)];
              if (target)
                await send(
                  owner.client,
                  `/api/ledger/transactions/${target.answer.json().id}/reverse`,
                  { reason: "Undo" },
                );
              break;
            }
            case "replay": {
              const succeeded = sent.filter((s) => s.answer.statusCode < 300);
              const earlier = succeeded[next.pick % Math.max(1, succeeded.length)];
              if (!earlier) break;
              const before = await moneyRowsOf(app, world.workspaceId);
              const again = await postMoney(earlier.client, earlier.url, earlier.body, earlier.key);
              expect(again.statusCode).toBe(earlier.answer.statusCode);
              expect(again.json()).toEqual(earlier.answer.json());
              expect(await moneyRowsOf(app, world.workspaceId)).toEqual(before);
              break;
            }
          }
        }
        expect(await unbalancedTransactions(app)).toEqual([]);
        const sums = await entrySums(world.workspaceId);
        const sumOf = (kind: string, filter: (row: (typeof sums)[number]) => boolean) =>
          sums
            .filter((row) => row.kind === kind && filter(row))
            .reduce((total, row) => total + row.sum, 0);
        for (const row of sums) {
          if (row.kind !== "funds") expect(row.sum, row.kind).toBeGreaterThanOrEqual(0);
        }
        const money = await read<ContractMoney>(
          owner.client,
          `/api/contracts/${contract.id}/money`,
        );
        expect(money.escrowHeld).toBe(sumOf("escrow", (row) => row.contract_id === contract.id));
        const person = (await summaryOf(owner.client)).people.find(
          (line) => line.contractorId === contractorId && line.currency === "USD",
        );
        expect(person?.owed ?? 0).toBe(
          sumOf("payable", (row) => row.contractor_id === contractorId),
        );
        expect(person?.paid ?? 0).toBe(
          sumOf("paid_out", (row) => row.contractor_id === contractorId),
        );

        const now = await read<
          { id: string; status: string; amount: number; money: { released: number | null } }[]
        >(owner.client, `/api/contracts/${contract.id}/milestones`);
        const paidWork = now
          .filter((m) => m.status === "released")
          .reduce((total, m) => total + m.amount, 0);
        expect(money.released).toBe(paidWork);
        for (const m of now)
          expect(m.money.released ?? 0).toBe(m.status === "released" ? m.amount : 0);
      }),
      { numRuns: 10 },
    );
  });
});
