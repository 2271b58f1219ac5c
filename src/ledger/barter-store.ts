import { sql, type Kysely, type Selectable, type Updateable } from "kysely";
import type { BarterTable, Database } from "../db/tables.ts";
import { barterAccountKinds } from "./barter-rules.ts";

/**
 * Barter agreements, and the reading of their deliveries and balances back from the ledger.
 * Deliveries themselves are written by the ledger store's postTransaction.
 */
type Db = Kysely<Database>;
type BarterRow = Selectable<BarterTable>;

function barterQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("barters")
    .leftJoin("contractors", (join) =>
      join
        .onRef("contractors.id", "=", "barters.contractor_id")
        .onRef("contractors.workspace_id", "=", "barters.workspace_id"),
    )
    .selectAll("barters")
    .select("contractors.name as contractor_name")
    .where("barters.workspace_id", "=", workspaceId);
}

export type BarterWithName = BarterRow & { contractor_name: string | null };

export function listBarters(
  db: Db,
  workspaceId: string,
  filter: { status?: BarterRow["status"] },
): Promise<BarterWithName[]> {
  let query = barterQuery(db, workspaceId);
  if (filter.status) query = query.where("barters.status", "=", filter.status);
  return query.orderBy("barters.created_at", "desc").orderBy("barters.id", "desc").execute();
}

export function findBarter(
  db: Db,
  workspaceId: string,
  barterId: string,
): Promise<BarterWithName | undefined> {
  return barterQuery(db, workspaceId).where("barters.id", "=", barterId).executeTakeFirst();
}

/** Holds the agreement for the rest of the transaction, so it cannot close under a delivery. */
export function lockBarter(db: Db, workspaceId: string, barterId: string, postgres: boolean) {
  const query = db
    .selectFrom("barters")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", barterId);
  return (postgres ? query.modifyEnd(sql`for update`) : query).executeTakeFirst();
}

export async function insertBarter(db: Db, row: BarterRow): Promise<void> {
  await db.insertInto("barters").values(row).execute();
}

export async function updateBarter(
  db: Db,
  workspaceId: string,
  barterId: string,
  changes: Updateable<BarterTable>,
): Promise<void> {
  await db
    .updateTable("barters")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", barterId)
    .execute();
}

/** The directory record a partner may be linked to, when it is in this workspace. */
export function findContractorName(db: Db, workspaceId: string, contractorId: string) {
  return db
    .selectFrom("contractors")
    .select("name")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .executeTakeFirst();
}

/** The sum of each barter account of the given agreements, per currency. */
export async function barterSums(db: Db, workspaceId: string, barterIds: readonly string[]) {
  if (barterIds.length === 0) return [];
  const rows = await db
    .selectFrom("ledger_entries as e")
    .innerJoin("ledger_accounts as a", (join) =>
      join.onRef("a.id", "=", "e.account_id").onRef("a.workspace_id", "=", "e.workspace_id"),
    )
    .select([
      "a.barter_id",
      "a.kind",
      "a.currency",
      sql<string | number>`sum(e.amount)`.as("total"),
    ])
    .where("e.workspace_id", "=", workspaceId)
    .where("a.kind", "in", barterAccountKinds)
    .where("a.barter_id", "in", barterIds)
    .groupBy(["a.barter_id", "a.kind", "a.currency"])
    .execute();
  return rows.map((row) => ({ ...row, total: Number(row.total) }));
}

/**
 * An agreement's deliveries, newest first: each barter movement with the account it
 * credited (which tells the side) and, when a reversal cancelled it, when.
 */
export async function listDeliveries(db: Db, workspaceId: string, barterId: string) {
  return db
    .selectFrom("ledger_transactions as t")
    .innerJoin("ledger_entries as e", (join) =>
      join
        .onRef("e.transaction_id", "=", "t.id")
        .onRef("e.workspace_id", "=", "t.workspace_id")
        .on("e.amount", ">", 0),
    )
    .innerJoin("ledger_accounts as a", (join) =>
      join.onRef("a.id", "=", "e.account_id").onRef("a.workspace_id", "=", "e.workspace_id"),
    )
    .leftJoin("ledger_transactions as r", (join) =>
      join.onRef("r.reverses_id", "=", "t.id").onRef("r.workspace_id", "=", "t.workspace_id"),
    )
    .select([
      "t.id",
      "t.amount",
      "t.currency",
      "t.memo",
      "t.paid_on",
      "t.created_at",
      "a.kind as credited_kind",
      "r.created_at as reversed_at",
    ])
    .where("t.workspace_id", "=", workspaceId)
    .where("t.barter_id", "=", barterId)
    .where("t.kind", "=", "barter")
    .orderBy("t.paid_on", "desc")
    .orderBy("t.created_at", "desc")
    .orderBy("t.id", "desc")
    .execute();
}
