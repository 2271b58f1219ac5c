import type { Kysely, Selectable } from "kysely";
import type { ContractorStatus, ContractorTable, Database } from "../db/tables.ts";

/** The people area's SQL for the directory, and only it. */
type Db = Kysely<Database>;
export type ContractorRow = Selectable<ContractorTable>;

export async function insertContractor(db: Db, row: ContractorRow): Promise<void> {
  await db.insertInto("contractors").values(row).execute();
}

export function findContractor(db: Db, workspaceId: string, contractorId: string) {
  return db
    .selectFrom("contractors")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .executeTakeFirst();
}

/** Emails are stored lower-cased, so callers pass a lower-cased address. */
export function findContractorByEmail(db: Db, workspaceId: string, email: string) {
  return db
    .selectFrom("contractors")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function setContractorStatus(
  db: Db,
  workspaceId: string,
  contractorId: string,
  status: ContractorStatus,
  now: number,
): Promise<void> {
  await db
    .updateTable("contractors")
    .set({ status, updated_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .execute();
}
