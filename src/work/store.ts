import type { Kysely, Selectable } from "kysely";
import type {
  AssignmentStatus,
  AssignmentTable,
  Cadence,
  Database,
  ProgressReportTable,
  ReportReplyTable,
  WorkSettingsTable,
} from "../db/tables.ts";

/** The work area's SQL: settings, assignments, progress reports, replies and cadence pins. */
type Db = Kysely<Database>;
export type WorkSettingsRow = Selectable<WorkSettingsTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type ReportRow = Selectable<ProgressReportTable>;
export type ReplyRow = Selectable<ReportReplyTable>;

export function findSettings(db: Db, workspaceId: string) {
  return db
    .selectFrom("work_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

/** Two first reads at once both try; the primary key keeps one row. */
export async function insertSettingsIfNew(db: Db, row: WorkSettingsRow): Promise<void> {
  await db
    .insertInto("work_settings")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doNothing())
    .execute();
}

export async function updateSettings(db: Db, row: WorkSettingsRow): Promise<void> {
  const { workspace_id, ...changes } = row;
  await db
    .updateTable("work_settings")
    .set(changes)
    .where("workspace_id", "=", workspace_id)
    .execute();
}

export interface AssignmentFilter {
  contractorId?: string;
  status?: AssignmentStatus;
}

/** Assignments with the names shown beside them. */
function assignmentsWithNames(db: Db, workspaceId: string) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("contracts as c", (join) =>
      join.onRef("c.id", "=", "a.contract_id").onRef("c.workspace_id", "=", "a.workspace_id"),
    )
    .innerJoin("contractors as p", (join) =>
      join.onRef("p.id", "=", "a.contractor_id").onRef("p.workspace_id", "=", "a.workspace_id"),
    )
    .leftJoin("audit_tasks as t", (join) =>
      join.onRef("t.id", "=", "a.task_id").onRef("t.workspace_id", "=", "a.workspace_id"),
    )
    .leftJoin("sop_versions as v", (join) =>
      join.onRef("v.id", "=", "a.sop_version_id").onRef("v.workspace_id", "=", "a.workspace_id"),
    )
    .selectAll("a")
    .select([
      "c.title as contract_title",
      "p.name as contractor_name",
      "t.name as task_name",
      "v.title as sop_title",
    ])
    .where("a.workspace_id", "=", workspaceId);
}
export type NamedAssignmentRow = Awaited<
  ReturnType<ReturnType<typeof assignmentsWithNames>["executeTakeFirstOrThrow"]>
>;

/** Open work first, earliest due first; then finished work. */
export function listAssignments(db: Db, workspaceId: string, filter: AssignmentFilter) {
  let query = assignmentsWithNames(db, workspaceId);
  if (filter.contractorId) query = query.where("a.contractor_id", "=", filter.contractorId);
  if (filter.status) query = query.where("a.status", "=", filter.status);
  return query
    .orderBy((eb) => eb.case().when("a.status", "=", "open").then(0).else(1).end())
    .orderBy("a.due_date")
    .orderBy("a.created_at", "desc")
    .limit(500)
    .execute();
}

export function findAssignment(db: Db, workspaceId: string, id: string) {
  return assignmentsWithNames(db, workspaceId).where("a.id", "=", id).executeTakeFirst();
}

export function findTask(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom("audit_tasks")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The latest published version: a draft may still change under the contractor's feet. */
export function latestPublishedVersion(db: Db, workspaceId: string, sopId: string) {
  return db
    .selectFrom("sop_versions")
    .select(["id", "title"])
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "=", sopId)
    .where("number", "is not", null)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertAssignment(db: Db, row: AssignmentRow): Promise<void> {
  await db.insertInto("assignments").values(row).execute();
}

export type AssignmentChanges = Partial<
  Pick<
    AssignmentRow,
    "title" | "notes" | "due_date" | "expected_minutes" | "status" | "finished_at"
  >
> & { updated_at: number };

/** Changes only work still open, so a double click cannot finish it twice; true when it did. */
export async function updateOpenAssignment(
  db: Db,
  workspaceId: string,
  id: string,
  changes: AssignmentChanges,
): Promise<boolean> {
  const result = await db
    .updateTable("assignments")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertReport(db: Db, row: ReportRow): Promise<void> {
  await db.insertInto("progress_reports").values(row).execute();
}

export function findReport(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom("progress_reports")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export interface ReportFilter {
  contractorId?: string;
  openBlockers?: boolean;
  /** Only reports older than this one, newest first (the cursor). */
  before?: { submittedAt: number; id: string };
  limit: number;
}

export function listReports(db: Db, workspaceId: string, filter: ReportFilter) {
  let query = db.selectFrom("progress_reports").selectAll().where("workspace_id", "=", workspaceId);
  if (filter.contractorId) query = query.where("contractor_id", "=", filter.contractorId);
  if (filter.openBlockers) {
    query = query.where("blockers", "!=", "").where("blocker_resolved_at", "is", null);
  }
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb("submitted_at", "<", before.submittedAt),
        eb.and([eb("submitted_at", "=", before.submittedAt), eb("id", "<", before.id)]),
      ]),
    );
  }
  return query.orderBy("submitted_at", "desc").orderBy("id", "desc").limit(filter.limit).execute();
}

export async function resolveBlocker(
  db: Db,
  row: ReportRow,
  at: number,
  by: string,
): Promise<void> {
  await db
    .updateTable("progress_reports")
    .set({ blocker_resolved_at: at, blocker_resolved_by: by })
    .where("workspace_id", "=", row.workspace_id)
    .where("id", "=", row.id)
    .where("blocker_resolved_at", "is", null)
    .execute();
}

export async function insertReply(db: Db, row: ReplyRow): Promise<void> {
  await db.insertInto("report_replies").values(row).execute();
}

/** The replies to a page of reports, oldest first, with their authors' names. */
export function repliesTo(db: Db, workspaceId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("report_replies as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .select([
      "r.id",
      "r.report_id",
      "r.body",
      "r.created_at",
      "r.author_id",
      "u.name as author_name",
    ])
    .where("r.workspace_id", "=", workspaceId)
    .where("r.report_id", "in", reportIds)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** Pins are history: pinning and removing a pin (cadence null) each add a row. */
export async function insertPin(
  db: Db,
  row: {
    id: string;
    workspace_id: string;
    contractor_id: string;
    cadence: Cadence | null;
    pinned_by: string;
    pinned_at: number;
  },
): Promise<void> {
  await db.insertInto("cadence_pins").values(row).execute();
}

/** Names of the people on a page of rows. */
export async function contractorNames(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("contractors")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** How much open work each person holds, for choosing who could take on more. */
export async function openAssignmentCounts(
  db: Db,
  workspaceId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("assignments")
    .select(["contractor_id", (eb) => eb.fn.countAll<number | string | bigint>().as("open")])
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "open")
    .groupBy("contractor_id")
    .execute();
  return new Map(rows.map((row) => [row.contractor_id, Number(row.open)]));
}
