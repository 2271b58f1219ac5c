import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import type { Database, MilestoneKind, MilestoneTable, TimeEntryTable } from "../db/tables.ts";
import type { ContractRow, MilestoneRow } from "./store.ts";

/**
 * The SQL of paying by the period: an hourly contract's time entries and the milestone each
 * submitted week or retainer month becomes, with its submissions.
 */
type Db = Kysely<Database>;
export type TimeEntryRow = Selectable<TimeEntryTable>;

/**
 * Holds the contract for the rest of the transaction, so two entries at once cannot both
 * fit under the cap, nor two submissions of one period both be made. SQLite runs one write
 * transaction at a time already.
 */
export function lockContract(
  db: Db,
  workspaceId: string,
  contractId: string,
  postgres: boolean,
): Promise<ContractRow | undefined> {
  const query = db
    .selectFrom("contracts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractId);
  return (postgres ? query.modifyEnd(sql`for update`) : query).executeTakeFirst();
}

/** The contractor's own time zone: their days, weeks and months are theirs. */
export async function contractorTimeZone(
  db: Db,
  workspaceId: string,
  contractorId: string,
): Promise<string> {
  const row = await db
    .selectFrom("contractors")
    .select("time_zone")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

// Time entries.

export async function insertTimeEntry(db: Db, row: TimeEntryRow): Promise<void> {
  await db.insertInto("time_entries").values(row).execute();
}

export function findTimeEntry(db: Db, workspaceId: string, entryId: string) {
  return db
    .selectFrom("time_entries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", entryId)
    .executeTakeFirst();
}

export async function deleteTimeEntry(db: Db, workspaceId: string, entryId: string): Promise<void> {
  await db
    .deleteFrom("time_entries")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", entryId)
    .execute();
}

/** A contract's entries from `from` to `to` (both included, YYYY-MM-DD), oldest first. */
export function listTimeEntries(
  db: Db,
  workspaceId: string,
  contractId: string,
  range: { from?: string; to?: string } = {},
): Promise<TimeEntryRow[]> {
  let query = db
    .selectFrom("time_entries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .orderBy("work_date")
    .orderBy("created_at")
    .orderBy("id");
  if (range.from) query = query.where("work_date", ">=", range.from);
  if (range.to) query = query.where("work_date", "<=", range.to);
  return query.execute();
}

/** Marks a week's entries as submitted in its timesheet. */
export async function attachTimeEntries(
  db: Db,
  workspaceId: string,
  contractId: string,
  range: { from: string; to: string },
  milestoneId: string,
): Promise<void> {
  await db
    .updateTable("time_entries")
    .set({ milestone_id: milestoneId })
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("work_date", ">=", range.from)
    .where("work_date", "<=", range.to)
    .execute();
}

// Period milestones: timesheet weeks and retainer months.

export function findPeriodMilestone(
  db: Db,
  workspaceId: string,
  contractId: string,
  kind: MilestoneKind,
  period: string,
): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom("milestones")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .where("kind", "=", kind)
    .where("period", "=", period)
    .executeTakeFirst();
}

/** The position after the contract's last milestone of any kind. */
export async function nextMilestonePosition(
  db: Db,
  workspaceId: string,
  contractId: string,
): Promise<number> {
  const row = await db
    .selectFrom("milestones")
    .select(sql<number | null>`max(position)`.as("last"))
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertMilestone(db: Db, row: Insertable<MilestoneTable>): Promise<void> {
  await db.insertInto("milestones").values(row).execute();
}

export async function updateMilestone(
  db: Db,
  workspaceId: string,
  milestoneId: string,
  changes: Partial<
    Pick<MilestoneRow, "minutes" | "amount" | "status" | "submitted_at" | "updated_at">
  >,
): Promise<void> {
  await db
    .updateTable("milestones")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", milestoneId)
    .execute();
}

/** The owner's feedback on each milestone's latest sent-back submission. */
export async function sendBackFeedback(
  db: Db,
  workspaceId: string,
  milestoneIds: readonly string[],
): Promise<Map<string, string>> {
  if (milestoneIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("submissions")
    .select(["milestone_id", "feedback", "decided_at"])
    .where("workspace_id", "=", workspaceId)
    .where("milestone_id", "in", milestoneIds)
    .where("decision", "=", "sent_back")
    .orderBy("decided_at")
    .execute();
  return new Map(rows.map((row) => [row.milestone_id, row.feedback ?? ""]));
}
