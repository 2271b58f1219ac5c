import { sql, type Kysely, type Selectable } from "kysely";
import { uuidv7 } from "uuidv7";
import type { DatabaseKind } from "../db/database.ts";
import type {
  Database,
  LedgerAccountKind,
  LedgerTransactionKind,
  LedgerTransactionTable,
} from "../db/tables.ts";
import { accountKey, unbalancedReason, type AccountRef, type EntryLine } from "./rules.ts";

/**
 * The ledger's SQL. The ledger is append-only: this file inserts and reads, and never
 * updates or deletes a ledger row.
 */
type Db = Kysely<Database>;
export type LedgerTransactionRow = Selectable<LedgerTransactionTable>;

export interface NewTransaction {
  workspaceId: string;
  kind: LedgerTransactionKind;
  currency: string;
  amount: number;
  contractId?: string | null;
  milestoneId?: string | null;
  contractorId?: string | null;
  barterId?: string | null;
  memo: string;
  method?: string | null;
  reference?: string | null;
  paidOn?: string | null;
  reversesId?: string | null;
  createdBy: string;
  createdAt: number;
  entries: EntryLine[];
}

/** Finds the workspace's accounts by key, creating those used for the first time. */
async function ensureAccounts(
  db: Db,
  workspaceId: string,
  refs: readonly AccountRef[],
  currency: string,
  now: number,
): Promise<Map<string, string>> {
  const byKey = new Map(refs.map((ref) => [accountKey(ref, currency), ref]));
  // Sorted, so two transactions creating the same accounts take their locks in one order.
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return new Map();
  await db
    .insertInto("ledger_accounts")
    .values(
      keys.map((key) => {
        const ref = byKey.get(key) as AccountRef;
        return {
          id: uuidv7(),
          workspace_id: workspaceId,
          key,
          kind: ref.kind,
          currency,
          contract_id: ref.contractId ?? null,
          contractor_id: ref.contractorId ?? null,
          barter_id: ref.barterId ?? null,
          created_at: now,
        };
      }),
    )
    .onConflict((conflict) => conflict.columns(["workspace_id", "key"]).doNothing())
    .execute();
  const rows = await db
    .selectFrom("ledger_accounts")
    .select(["id", "key"])
    .where("workspace_id", "=", workspaceId)
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((row) => [row.key, row.id]));
}

/**
 * Writes one movement: the transaction and its entries, which must balance to zero. Call it
 * inside a database transaction so the movement is all or nothing.
 */
export async function postTransaction(
  db: Db,
  input: NewTransaction,
): Promise<LedgerTransactionRow> {
  const problem = unbalancedReason(input.amount, input.entries);
  if (problem) throw new Error(`Refusing an unbalanced ${input.kind}: ${problem}`);
  const accountIds = await ensureAccounts(
    db,
    input.workspaceId,
    input.entries.map((entry) => entry.account),
    input.currency,
    input.createdAt,
  );
  const row: LedgerTransactionRow = {
    id: uuidv7(),
    workspace_id: input.workspaceId,
    kind: input.kind,
    currency: input.currency,
    amount: input.amount,
    contract_id: input.contractId ?? null,
    milestone_id: input.milestoneId ?? null,
    contractor_id: input.contractorId ?? null,
    barter_id: input.barterId ?? null,
    memo: input.memo,
    method: input.method ?? null,
    reference: input.reference ?? null,
    paid_on: input.paidOn ?? null,
    reverses_id: input.reversesId ?? null,
    created_by: input.createdBy,
    created_at: input.createdAt,
  };
  await db.insertInto("ledger_transactions").values(row).execute();
  await db
    .insertInto("ledger_entries")
    .values(
      input.entries.map((entry) => ({
        id: uuidv7(),
        workspace_id: input.workspaceId,
        transaction_id: row.id,
        account_id: accountIds.get(accountKey(entry.account, input.currency)) as string,
        amount: entry.amount,
        currency: input.currency,
        created_at: input.createdAt,
      })),
    )
    .execute();
  return row;
}

/** The sum of an account's entries; 0 for an account never used. */
export async function balanceOf(
  db: Db,
  workspaceId: string,
  account: AccountRef,
  currency: string,
): Promise<number> {
  const row = await db
    .selectFrom("ledger_entries as e")
    .innerJoin("ledger_accounts as a", "a.id", "e.account_id")
    .select(sql<string | number>`coalesce(sum(e.amount), 0)`.as("balance"))
    .where("a.workspace_id", "=", workspaceId)
    .where("a.key", "=", accountKey(account, currency))
    .where("e.workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

/**
 * Holds accounts for the rest of the transaction, so a balance read next cannot change
 * before the movement that depends on it is written (two refunds at once cannot both
 * spend the same escrow). On PostgreSQL the account rows are locked in key order; SQLite
 * runs one write transaction at a time already.
 */
export async function holdAccounts(
  db: Db,
  kind: DatabaseKind,
  workspaceId: string,
  refs: readonly AccountRef[],
  currency: string,
  now: number,
): Promise<void> {
  const ids = await ensureAccounts(db, workspaceId, refs, currency, now);
  if (kind !== "postgres" || ids.size === 0) return;
  await db
    .selectFrom("ledger_accounts")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...ids.values()])
    .orderBy("key")
    .modifyEnd(sql`for update`)
    .execute();
}

export interface TransactionQuery {
  contractorId?: string;
  contractId?: string;
  kinds?: readonly LedgerTransactionKind[];
  /** Only transactions older than this one, newest first (the cursor). */
  before?: { createdAt: number; id: string };
  limit: number;
}

/** Transactions with the names shown beside them, newest first. */
function transactionsWithNames(db: Db, workspaceId: string) {
  return db
    .selectFrom("ledger_transactions as t")
    .leftJoin("contracts as c", (join) =>
      join.onRef("c.id", "=", "t.contract_id").onRef("c.workspace_id", "=", "t.workspace_id"),
    )
    .leftJoin("milestones as m", (join) =>
      join.onRef("m.id", "=", "t.milestone_id").onRef("m.workspace_id", "=", "t.workspace_id"),
    )
    .leftJoin("contractors as p", (join) =>
      join.onRef("p.id", "=", "t.contractor_id").onRef("p.workspace_id", "=", "t.workspace_id"),
    )
    .leftJoin("ledger_transactions as r", (join) =>
      join.onRef("r.reverses_id", "=", "t.id").onRef("r.workspace_id", "=", "t.workspace_id"),
    )
    .selectAll("t")
    .select([
      "c.title as contract_title",
      "m.title as milestone_title",
      "p.name as contractor_name",
      "r.id as reversed_by_id",
    ])
    .where("t.workspace_id", "=", workspaceId);
}

export type NamedTransactionRow = LedgerTransactionRow & {
  contract_title: string | null;
  milestone_title: string | null;
  contractor_name: string | null;
  reversed_by_id: string | null;
};

export function listTransactions(
  db: Db,
  workspaceId: string,
  query: TransactionQuery,
): Promise<NamedTransactionRow[]> {
  let select = transactionsWithNames(db, workspaceId);
  if (query.contractorId) select = select.where("t.contractor_id", "=", query.contractorId);
  if (query.contractId) select = select.where("t.contract_id", "=", query.contractId);
  if (query.kinds) select = select.where("t.kind", "in", [...query.kinds]);
  const before = query.before;
  if (before) {
    select = select.where((eb) =>
      eb.or([
        eb("t.created_at", "<", before.createdAt),
        eb.and([eb("t.created_at", "=", before.createdAt), eb("t.id", "<", before.id)]),
      ]),
    );
  }
  return select
    .orderBy("t.created_at", "desc")
    .orderBy("t.id", "desc")
    .limit(query.limit)
    .execute();
}

export function findTransaction(
  db: Db,
  workspaceId: string,
  transactionId: string,
): Promise<NamedTransactionRow | undefined> {
  return transactionsWithNames(db, workspaceId)
    .where("t.id", "=", transactionId)
    .executeTakeFirst();
}

export interface EntryRow {
  transaction_id: string;
  amount: number;
  kind: LedgerAccountKind;
  contract_id: string | null;
  contractor_id: string | null;
  barter_id: string | null;
}

export async function entriesOf(
  db: Db,
  workspaceId: string,
  transactionIds: readonly string[],
): Promise<EntryRow[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db
    .selectFrom("ledger_entries as e")
    .innerJoin("ledger_accounts as a", (join) =>
      join.onRef("a.id", "=", "e.account_id").onRef("a.workspace_id", "=", "e.workspace_id"),
    )
    .select([
      "e.transaction_id",
      "e.amount",
      "a.kind",
      "a.contract_id",
      "a.contractor_id",
      "a.barter_id",
    ])
    .where("e.workspace_id", "=", workspaceId)
    .where("e.transaction_id", "in", [...transactionIds])
    .orderBy("e.transaction_id")
    .orderBy("e.id")
    .execute();
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

export interface AccountBalanceRow {
  kind: LedgerAccountKind;
  currency: string;
  contract_id: string | null;
  contractor_id: string | null;
  balance: number;
}

/** Each account's balance, narrowed to some kinds and optionally to one person or contract. */
export async function accountBalances(
  db: Db,
  workspaceId: string,
  filter: { kinds: readonly LedgerAccountKind[]; contractorId?: string; contractId?: string },
): Promise<AccountBalanceRow[]> {
  let select = db
    .selectFrom("ledger_accounts as a")
    .innerJoin("ledger_entries as e", (join) =>
      join.onRef("e.account_id", "=", "a.id").onRef("e.workspace_id", "=", "a.workspace_id"),
    )
    .select([
      "a.kind",
      "a.currency",
      "a.contract_id",
      "a.contractor_id",
      sql<string | number>`sum(e.amount)`.as("balance"),
    ])
    .where("a.workspace_id", "=", workspaceId)
    .where("a.kind", "in", [...filter.kinds]);
  if (filter.contractorId) select = select.where("a.contractor_id", "=", filter.contractorId);
  if (filter.contractId) select = select.where("a.contract_id", "=", filter.contractId);
  const rows = await select
    .groupBy(["a.id", "a.kind", "a.currency", "a.contract_id", "a.contractor_id"])
    .execute();
  return rows.map((row) => ({ ...row, balance: Number(row.balance) }));
}

/** What moved on a contract, per kind of movement, in its currency. */
export async function contractTotals(
  db: Db,
  workspaceId: string,
  contractId: string,
  currency: string,
): Promise<Partial<Record<LedgerTransactionKind, number>>> {
  const rows = await db
    .selectFrom("ledger_transactions")
    .select(["kind", sql<string | number>`sum(amount)`.as("total")])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("currency", "=", currency)
    .groupBy("kind")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.total)]));
}

/** The release of each of a contract's milestones that has been paid. */
export function releasesOfContract(db: Db, workspaceId: string, contractId: string) {
  return db
    .selectFrom("ledger_transactions")
    .select(["id", "milestone_id", "amount", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("kind", "=", "release")
    .execute();
}

export interface SpendRow {
  contractor_id: string | null;
  /** Positive for a release or bonus, negative for the reversal of a bonus. */
  amount: number;
  created_at: number;
}

/**
 * Releases and bonuses in one currency within an instant window, with reversed bonuses as
 * negative amounts at the time of their reversal.
 */
export async function spendBetween(
  db: Db,
  workspaceId: string,
  currency: string,
  window: { from: number; to: number },
): Promise<SpendRow[]> {
  const rows = await db
    .selectFrom("ledger_transactions as t")
    .leftJoin("ledger_transactions as o", (join) =>
      join.onRef("o.id", "=", "t.reverses_id").onRef("o.workspace_id", "=", "t.workspace_id"),
    )
    .select(["t.kind", "t.contractor_id", "t.amount", "t.created_at"])
    .where("t.workspace_id", "=", workspaceId)
    .where("t.currency", "=", currency)
    .where("t.created_at", ">=", window.from)
    .where("t.created_at", "<", window.to)
    .where((eb) =>
      eb.or([
        eb("t.kind", "in", ["release", "bonus"]),
        eb.and([eb("t.kind", "=", "reversal"), eb("o.kind", "=", "bonus")]),
      ]),
    )
    .execute();
  return rows.map((row) => ({
    contractor_id: row.contractor_id,
    amount: row.kind === "reversal" ? -Number(row.amount) : Number(row.amount),
    created_at: Number(row.created_at),
  }));
}

/** Whether any work was ever released or bonus given in this currency: spend is recorded. */
export async function hasSpend(db: Db, workspaceId: string, currency: string): Promise<boolean> {
  const row = await db
    .selectFrom("ledger_transactions")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("currency", "=", currency)
    .where("kind", "in", ["release", "bonus"])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A milestone of the contract, to label money put in escrow for it. */
export function milestoneOfContract(
  db: Db,
  workspaceId: string,
  contractId: string,
  milestoneId: string,
) {
  return db
    .selectFrom("milestones")
    .select(["id", "title"])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("id", "=", milestoneId)
    .executeTakeFirst();
}

/** Names of people the ledger mentions, for the summary. */
export async function contractorNames(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<Map<string, string>> {
  if (contractorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("contractors")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...new Set(contractorIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
