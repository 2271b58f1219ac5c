import { randomUUID } from "node:crypto";
import type { Response } from "light-my-request";
import { sql } from "kysely";
import type { Contract } from "../../src/contracts/schema.ts";
import type { DeliveryMilestone } from "../../src/contracts/delivery-schema.ts";
import type { LedgerTransaction, PaymentsSummary } from "../../src/ledger/schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { activeContract, contractorIdOf } from "./contracts.ts";
import { bodyOf, read } from "./worth.ts";

/**
 * Money and delivery for tests: requests sent with an Idempotency-Key the way the web app
 * sends them, milestones walked to accepted, and the ledger read straight from the tables
 * so a test can show that a refused request wrote nothing.
 */

export const newKey = (): string => randomUUID();

/** POST with an Idempotency-Key: a fresh one unless the test replays one on purpose. */
export function postMoney(
  client: ApiClient,
  url: string,
  body: unknown = {},
  key: string = newKey(),
): Promise<Response> {
  return client.post(url, body, { "idempotency-key": key });
}

export const milestoneUrl = (id: string, action?: string) =>
  `/api/milestones/${id}${action ? `/${action}` : ""}`;

export async function milestonesOf(
  client: ApiClient,
  contractId: string,
): Promise<DeliveryMilestone[]> {
  return read<DeliveryMilestone[]>(client, `/api/contracts/${contractId}/milestones`);
}

export const handIn = {
  note: "Posts are in the shared folder.",
  links: ["https://docs.example.com/posts"],
};

/** The contractor hands the milestone in and the reviewer accepts it. */
export async function acceptedWork(
  reviewer: ApiClient,
  contractor: ApiClient,
  milestoneId: string,
): Promise<DeliveryMilestone> {
  bodyOf(await postMoney(contractor, milestoneUrl(milestoneId, "submit"), handIn));
  return bodyOf<DeliveryMilestone>(
    await postMoney(reviewer, milestoneUrl(milestoneId, "accept"), { feedback: "Great work." }),
  );
}

/** An active $1,200 contract in three $400 milestones, with the contractor's record id. */
export async function runningContract(
  owner: ApiClient,
  contractor: ApiClient,
): Promise<{ contract: Contract; contractorId: string; milestones: DeliveryMilestone[] }> {
  const contract = await activeContract(owner, contractor);
  return {
    contract,
    contractorId: await contractorIdOf(contractor),
    milestones: await milestonesOf(owner, contract.id),
  };
}

export async function fund(
  owner: ApiClient,
  contractId: string,
  amount: number,
  currency = "USD",
): Promise<LedgerTransaction> {
  return bodyOf<LedgerTransaction>(
    await postMoney(owner, `/api/contracts/${contractId}/escrow/fund`, { amount, currency }),
    201,
  );
}

export async function release(owner: ApiClient, milestoneId: string): Promise<Response> {
  return postMoney(owner, milestoneUrl(milestoneId, "release"));
}

export async function summaryOf(client: ApiClient): Promise<PaymentsSummary> {
  return read<PaymentsSummary>(client, "/api/payments/summary");
}

const ledgerTables = [
  "ledger_accounts",
  "ledger_transactions",
  "ledger_entries",
  "idempotency_keys",
  "submissions",
] as const;

/** Every ledger, key and submission row of a workspace and each milestone's status, as stored. */
export async function moneyRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const rows: Record<string, unknown> = {};
  for (const table of ledgerTables) {
    rows[table] = await app.ctx.db
      .selectFrom(table)
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute();
  }
  rows.milestones = await app.ctx.db
    .selectFrom("milestones")
    .select(["id", "status", "submitted_at", "accepted_at", "released_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
  return rows;
}

/** How many ledger movements the workspace has. */
export async function transactionCount(app: TestApp, workspaceId: string): Promise<number> {
  const row = await app.ctx.db
    .selectFrom("ledger_transactions")
    .select(sql<string | number>`count(*)`.as("count"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Per transaction and currency, the sum of its entries; every one must be zero. Returned as
 * the list of those that are not, so a test can expect it to be empty.
 */
export async function unbalancedTransactions(app: TestApp): Promise<unknown[]> {
  return app.ctx.db
    .selectFrom("ledger_entries")
    .select(["transaction_id", "currency", sql<string | number>`sum(amount)`.as("sum")])
    .groupBy(["transaction_id", "currency"])
    .having(sql`sum(amount)`, "!=", 0)
    .execute();
}
