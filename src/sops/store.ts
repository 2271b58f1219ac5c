import type { Kysely, Selectable } from "kysely";
import type {
  ChecklistRunTable,
  Database,
  RunQuestionTable,
  RunStepTable,
  SopImageTable,
  SopSettingsTable,
  SopShareTable,
  SopTable,
  SopVersionTable,
} from "../db/tables.ts";

/** The blueprints area's SQL, and only it. */
type Db = Kysely<Database>;
export type SopRow = Selectable<SopTable>;
export type VersionRow = Selectable<SopVersionTable>;
export type ImageRow = Selectable<SopImageTable>;
export type ShareRow = Selectable<SopShareTable>;
export type RunRow = Selectable<ChecklistRunTable>;
export type RunStepRow = Selectable<RunStepTable>;
export type QuestionRow = Selectable<RunQuestionTable>;
export type SettingsRow = Selectable<SopSettingsTable>;

export function findSettings(db: Db, workspaceId: string) {
  return db
    .selectFrom("sop_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

export async function saveSettings(db: Db, row: SettingsRow): Promise<void> {
  const { workspace_id: _workspace, ...changes } = row;
  await db
    .insertInto("sop_settings")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doUpdateSet(changes))
    .execute();
}

export async function insertSop(db: Db, row: SopRow): Promise<void> {
  await db.insertInto("sops").values(row).execute();
}

export function findSop(db: Db, workspaceId: string, sopId: string) {
  return db
    .selectFrom("sops")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", sopId)
    .executeTakeFirst();
}

export function listSops(db: Db, workspaceId: string) {
  return db
    .selectFrom("sops")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("updated_at", "desc")
    .execute();
}

export async function updateSop(
  db: Db,
  workspaceId: string,
  sopId: string,
  changes: Partial<Pick<SopRow, "task_id" | "area_id">> & { updated_at: number },
): Promise<void> {
  await db
    .updateTable("sops")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", sopId)
    .execute();
}

export function listVersions(db: Db, workspaceId: string, sopIds: readonly string[]) {
  if (sopIds.length === 0) return Promise.resolve([] as VersionRow[]);
  return db
    .selectFrom("sop_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "in", sopIds)
    .orderBy("number")
    .execute();
}

export function findDraft(db: Db, workspaceId: string, sopId: string) {
  return db
    .selectFrom("sop_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "=", sopId)
    .where("number", "is", null)
    .executeTakeFirst();
}

export function findVersion(db: Db, workspaceId: string, sopId: string, number: number) {
  return db
    .selectFrom("sop_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "=", sopId)
    .where("number", "=", number)
    .executeTakeFirst();
}

export function findVersionById(db: Db, workspaceId: string, versionId: string) {
  return db
    .selectFrom("sop_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", versionId)
    .executeTakeFirstOrThrow();
}

export async function latestNumber(db: Db, workspaceId: string, sopId: string): Promise<number> {
  const row = await db
    .selectFrom("sop_versions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "=", sopId)
    .executeTakeFirst();
  return Number(row?.number ?? 0);
}

export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
  await db.insertInto("sop_versions").values(row).execute();
}

export async function updateVersion(
  db: Db,
  workspaceId: string,
  versionId: string,
  changes: Partial<Omit<VersionRow, "id" | "workspace_id" | "sop_id">>,
): Promise<void> {
  await db
    .updateTable("sop_versions")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", versionId)
    .execute();
}

export async function deleteVersion(db: Db, workspaceId: string, versionId: string): Promise<void> {
  await db
    .deleteFrom("sop_versions")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", versionId)
    .execute();
}

export async function insertImage(db: Db, row: ImageRow): Promise<void> {
  await db.insertInto("sop_images").values(row).execute();
}

export function findImage(db: Db, workspaceId: string, imageId: string) {
  return db
    .selectFrom("sop_images")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", imageId)
    .executeTakeFirst();
}

export function listShares(db: Db, workspaceId: string, sopId: string) {
  return db
    .selectFrom("sop_shares")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "sop_shares.user_id")
        .onRef("users.workspace_id", "=", "sop_shares.workspace_id"),
    )
    .innerJoin("sop_versions", (join) =>
      join
        .onRef("sop_versions.id", "=", "sop_shares.version_id")
        .onRef("sop_versions.workspace_id", "=", "sop_shares.workspace_id"),
    )
    .selectAll("sop_shares")
    .select(["users.name as user_name", "sop_versions.number as version_number"])
    .where("sop_shares.workspace_id", "=", workspaceId)
    .where("sop_shares.sop_id", "=", sopId)
    .orderBy("users.name")
    .execute();
}

/** The versions shared with one person, newest share first. */
export function sharesWith(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom("sop_shares")
    .innerJoin("sop_versions", (join) =>
      join
        .onRef("sop_versions.id", "=", "sop_shares.version_id")
        .onRef("sop_versions.workspace_id", "=", "sop_shares.workspace_id"),
    )
    .selectAll("sop_versions")
    .select("sop_shares.shared_at")
    .where("sop_shares.workspace_id", "=", workspaceId)
    .where("sop_shares.user_id", "=", userId)
    .orderBy("sop_shares.shared_at", "desc")
    .execute();
}

export async function upsertShare(db: Db, row: ShareRow): Promise<void> {
  await db
    .insertInto("sop_shares")
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(["workspace_id", "sop_id", "user_id"])
        .doUpdateSet({ version_id: row.version_id, shared_at: row.shared_at }),
    )
    .execute();
}

export async function deleteShare(
  db: Db,
  workspaceId: string,
  sopId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom("sop_shares")
    .where("workspace_id", "=", workspaceId)
    .where("sop_id", "=", sopId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertRun(db: Db, row: RunRow): Promise<void> {
  await db.insertInto("checklist_runs").values(row).execute();
}

export function listRuns(
  db: Db,
  workspaceId: string,
  filter: { sopId?: string; contractorId?: string },
) {
  let query = db
    .selectFrom("checklist_runs")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "checklist_runs.contractor_id")
        .onRef("users.workspace_id", "=", "checklist_runs.workspace_id"),
    )
    .selectAll("checklist_runs")
    .select("users.name as contractor_name")
    .where("checklist_runs.workspace_id", "=", workspaceId);
  if (filter.sopId !== undefined) query = query.where("checklist_runs.sop_id", "=", filter.sopId);
  if (filter.contractorId !== undefined) {
    query = query.where("checklist_runs.contractor_id", "=", filter.contractorId);
  }
  return query.orderBy("checklist_runs.started_at", "desc").execute();
}

export function findRun(db: Db, workspaceId: string, runId: string) {
  return db
    .selectFrom("checklist_runs")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "checklist_runs.contractor_id")
        .onRef("users.workspace_id", "=", "checklist_runs.workspace_id"),
    )
    .selectAll("checklist_runs")
    .select("users.name as contractor_name")
    .where("checklist_runs.workspace_id", "=", workspaceId)
    .where("checklist_runs.id", "=", runId)
    .executeTakeFirst();
}

export async function updateRun(
  db: Db,
  workspaceId: string,
  runId: string,
  changes: Partial<Pick<RunRow, "status" | "submitted_at">>,
): Promise<void> {
  await db
    .updateTable("checklist_runs")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", runId)
    .execute();
}

export function listRunSteps(db: Db, workspaceId: string, runIds: readonly string[]) {
  if (runIds.length === 0) return Promise.resolve([] as RunStepRow[]);
  return db
    .selectFrom("run_steps")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "in", runIds)
    .orderBy("step_index")
    .execute();
}

export async function checkStep(db: Db, row: RunStepRow): Promise<void> {
  await db
    .insertInto("run_steps")
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(["workspace_id", "run_id", "step_index"])
        .doUpdateSet({ note: row.note, link: row.link }),
    )
    .execute();
}

export async function uncheckStep(
  db: Db,
  workspaceId: string,
  runId: string,
  stepIndex: number,
): Promise<void> {
  await db
    .deleteFrom("run_steps")
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "=", runId)
    .where("step_index", "=", stepIndex)
    .execute();
}

export function listQuestions(db: Db, workspaceId: string, runIds: readonly string[]) {
  if (runIds.length === 0) return Promise.resolve([] as QuestionRow[]);
  return db
    .selectFrom("run_questions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "in", runIds)
    .orderBy("asked_at")
    .orderBy("id")
    .execute();
}

export async function insertQuestion(db: Db, row: QuestionRow): Promise<void> {
  await db.insertInto("run_questions").values(row).execute();
}

export async function answerQuestion(
  db: Db,
  workspaceId: string,
  questionId: string,
  answer: { answer: string; answered_at: number; answered_by: string },
): Promise<number> {
  const result = await db
    .updateTable("run_questions")
    .set(answer)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", questionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
