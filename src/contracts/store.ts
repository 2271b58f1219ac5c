import type { Kysely, Selectable } from "kysely";
import type {
  ContractAcceptanceTable,
  ContractSettingsTable,
  ContractStatus,
  ContractTable,
  Database,
  MilestoneKind,
  MilestoneTable,
} from "../db/tables.ts";

/** The contracts area's SQL for contracts, their procedures, planned milestones, acceptances and settings. */
type Db = Kysely<Database>;
export type ContractRow = Selectable<ContractTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
/**
 * A milestone with list_amount: the amount the owner wrote for a fixed-price milestone before
 * any volume discount. Only this area reads or writes the column, so it is declared here and
 * other areas' milestone rows need not carry it.
 */
export type PricedMilestoneRow = MilestoneRow & { list_amount: number | null };
interface ContractsDatabase extends Database {
  milestones: MilestoneTable & { list_amount: number | null };
}
function withListAmount(db: Db): Kysely<ContractsDatabase> {
  return db as unknown as Kysely<ContractsDatabase>;
}
export type AcceptanceRow = Selectable<ContractAcceptanceTable>;
export type ContractSettingsRow = Selectable<ContractSettingsTable>;

export function findContract(
  db: Db,
  workspaceId: string,
  contractId: string,
): Promise<ContractRow | undefined> {
  return db
    .selectFrom("contracts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractId)
    .executeTakeFirst();
}

export interface ContractFilter {
  status?: ContractStatus;
  contractorId?: string;
  /** Contractors never see drafts. */
  withoutDrafts?: boolean;
  /** Only these statuses, e.g. the open ones the guard weighs. */
  statuses?: readonly ContractStatus[];
}

export function listContracts(
  db: Db,
  workspaceId: string,
  filter: ContractFilter = {},
): Promise<ContractRow[]> {
  let query = db
    .selectFrom("contracts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc");
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.statuses) query = query.where("status", "in", filter.statuses);
  if (filter.contractorId) query = query.where("contractor_id", "=", filter.contractorId);
  if (filter.withoutDrafts) query = query.where("status", "!=", "draft");
  return query.execute();
}

export async function insertContract(db: Db, row: ContractRow): Promise<void> {
  await db.insertInto("contracts").values(row).execute();
}

/** Where the caller saw the contract: a write goes through only if it is still there. */
export interface SeenAt {
  status: ContractStatus;
  version: number;
}

/**
 * Writes changed terms only if the contract is still where the caller read it, so an edit
 * made from a stale read cannot undo an acceptance. True when this call wrote it.
 */
export async function updateContract(
  db: Db,
  workspaceId: string,
  contractId: string,
  seen: SeenAt,
  changes: Partial<Omit<ContractRow, "id" | "workspace_id" | "created_by" | "created_at">>,
): Promise<boolean> {
  const result = await db
    .updateTable("contracts")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractId)
    .where("status", "=", seen.status)
    .where("version", "=", seen.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Moves a contract on only if it is still where the caller saw it (and, when given, at the
 * version the caller read), so two clicks at once take a step once. True when this call moved it.
 */
export async function moveContract(
  db: Db,
  workspaceId: string,
  contractId: string,
  from: ContractStatus | SeenAt,
  changes: Partial<
    Pick<
      ContractRow,
      | "status"
      | "guard_flags"
      | "guard_reason"
      | "end_reason"
      | "sent_at"
      | "accepted_at"
      | "finished_at"
      | "updated_at"
    >
  >,
): Promise<boolean> {
  const seen = typeof from === "string" ? { status: from } : from;
  let query = db
    .updateTable("contracts")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractId)
    .where("status", "=", seen.status);
  if ("version" in seen) query = query.where("version", "=", seen.version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * What the ledger holds against a contract: how many transactions, and which of its
 * milestones they name. Money in escrow pins the currency and the milestones it is for.
 */
export async function ledgerHoldOnContract(
  db: Db,
  workspaceId: string,
  contractId: string,
): Promise<{ transactions: number; milestoneIds: Set<string> }> {
  const rows = await db
    .selectFrom("ledger_transactions")
    .select("milestone_id")
    .where("workspace_id", "=", workspaceId)
    .where((where) =>
      where.or([
        where("contract_id", "=", contractId),
        where(
          "milestone_id",
          "in",
          db
            .selectFrom("milestones")
            .select("id")
            .where("workspace_id", "=", workspaceId)
            .where("contract_id", "=", contractId),
        ),
      ]),
    )
    .execute();
  return {
    transactions: rows.length,
    milestoneIds: new Set(rows.flatMap((row) => (row.milestone_id ? [row.milestone_id] : []))),
  };
}

/** A draft has no work, money or acceptance yet: it goes with its procedures and planned milestones. */
export async function deleteDraft(db: Db, workspaceId: string, contractId: string): Promise<void> {
  await db
    .deleteFrom("contract_procedures")
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .execute();
  await db
    .deleteFrom("milestones")
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .execute();
  await db
    .deleteFrom("contracts")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractId)
    .where("status", "=", "draft")
    .execute();
}

// The people, areas, procedures and workspace a contract names.

export function contractorsById(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("contractors")
    .select(["id", "name", "email"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", ids)
    .execute();
}

export function areasById(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("task_areas")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", ids)
    .execute();
}

/** Procedures of the workspace with their titles: the latest published version's, else the draft's. */
export async function proceduresById(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const versions = await db
    .selectFrom("sop_versions")
    .innerJoin("sops", (join) =>
      join
        .onRef("sops.id", "=", "sop_versions.sop_id")
        .onRef("sops.workspace_id", "=", "sop_versions.workspace_id"),
    )
    .select(["sop_versions.sop_id", "sop_versions.number", "sop_versions.title"])
    .where("sops.workspace_id", "=", workspaceId)
    .where("sops.id", "in", ids)
    .execute();
  const rank = (number: number | null) => (number === null ? -1 : number);
  const best = new Map<string, { number: number | null; title: string }>();
  for (const version of versions) {
    const known = best.get(version.sop_id);
    if (!known || rank(version.number) > rank(known.number)) best.set(version.sop_id, version);
  }
  return new Map([...best].map(([id, version]) => [id, version.title]));
}

export function listProcedureLinks(db: Db, workspaceId: string, contractIds: readonly string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("contract_procedures")
    .select(["contract_id", "sop_id", "position"])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "in", contractIds)
    .orderBy("contract_id")
    .orderBy("position")
    .execute();
}

export async function replaceProcedureLinks(
  db: Db,
  workspaceId: string,
  contractId: string,
  links: readonly { id: string; sopId: string }[],
): Promise<void> {
  await db
    .deleteFrom("contract_procedures")
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .execute();
  if (links.length === 0) return;
  await db
    .insertInto("contract_procedures")
    .values(
      links.map((link, position) => ({
        id: link.id,
        workspace_id: workspaceId,
        contract_id: contractId,
        sop_id: link.sopId,
        position,
      })),
    )
    .execute();
}

export function findWorkspace(db: Db, workspaceId: string) {
  return db
    .selectFrom("workspaces")
    .select(["id", "name", "currency", "time_zone"])
    .where("id", "=", workspaceId)
    .executeTakeFirst();
}

/** The workspace's owner, who signs for the business. */
export function findOwner(db: Db, workspaceId: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "time_zone"])
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .orderBy("created_at")
    .executeTakeFirst();
}

// Milestones: the planned ones of a fixed price are written here; every kind is read.

export function listMilestones(
  db: Db,
  workspaceId: string,
  contractIds: readonly string[],
  kind?: MilestoneKind,
): Promise<PricedMilestoneRow[]> {
  if (contractIds.length === 0) return Promise.resolve([]);
  let query = withListAmount(db)
    .selectFrom("milestones")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "in", contractIds)
    .orderBy("contract_id")
    .orderBy("position");
  if (kind) query = query.where("kind", "=", kind);
  return query.execute();
}

/** Only while no work exists (draft or sent): the plan is replaced whole. */
export async function replacePlannedMilestones(
  db: Db,
  workspaceId: string,
  contractId: string,
  rows: readonly PricedMilestoneRow[],
): Promise<void> {
  await db
    .deleteFrom("milestones")
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("kind", "=", "milestone")
    .execute();
  if (rows.length > 0) await withListAmount(db).insertInto("milestones").values(rows).execute();
}

// Acceptances.

export async function insertAcceptance(db: Db, row: AcceptanceRow): Promise<void> {
  await db.insertInto("contract_acceptances").values(row).execute();
}

/** Each contract's latest acceptance. */
export async function latestAcceptances(
  db: Db,
  workspaceId: string,
  contractIds: readonly string[],
): Promise<Map<string, AcceptanceRow>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("contract_acceptances")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "in", contractIds)
    .orderBy("version")
    .execute();
  return new Map(rows.map((row) => [row.contract_id, row]));
}

// Settings.

export function findSettings(db: Db, workspaceId: string) {
  return db
    .selectFrom("contract_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

export async function insertSettingsIfMissing(db: Db, row: ContractSettingsRow): Promise<void> {
  await db
    .insertInto("contract_settings")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doNothing())
    .execute();
}

export async function updateSettings(
  db: Db,
  workspaceId: string,
  changes: Omit<ContractSettingsRow, "workspace_id">,
): Promise<void> {
  await db
    .updateTable("contract_settings")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .execute();
}
