import type { Kysely, Selectable } from "kysely";
import type {
  AuditTaskTable,
  BarterSkillTable,
  Database,
  TaskAreaTable,
  WorthProfileTable,
} from "../db/tables.ts";

/** The worth area's SQL, and only it. */
type Db = Kysely<Database>;
export type WorthProfileRow = Selectable<WorthProfileTable>;
export type TaskAreaRow = Selectable<TaskAreaTable>;
export type BarterSkillRow = Selectable<BarterSkillTable>;
export type AuditTaskRow = Selectable<AuditTaskTable>;

export function findProfile(db: Db, workspaceId: string) {
  return db
    .selectFrom("worth_profiles")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

export async function saveProfile(db: Db, row: WorthProfileRow): Promise<void> {
  const { workspace_id: _workspace, ...changes } = row;
  await db
    .insertInto("worth_profiles")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doUpdateSet(changes))
    .execute();
}

export function listAreas(db: Db, workspaceId: string) {
  return db
    .selectFrom("task_areas")
    .leftJoin("audit_tasks", (join) =>
      join
        .onRef("audit_tasks.area_id", "=", "task_areas.id")
        .onRef("audit_tasks.workspace_id", "=", "task_areas.workspace_id"),
    )
    .selectAll("task_areas")
    .select((eb) => eb.fn.count<number>("audit_tasks.id").as("task_count"))
    .where("task_areas.workspace_id", "=", workspaceId)
    .groupBy([
      "task_areas.id",
      "task_areas.workspace_id",
      "task_areas.name",
      "task_areas.default_rate",
      "task_areas.position",
      "task_areas.created_at",
    ])
    .orderBy("task_areas.position")
    .orderBy("task_areas.name")
    .execute();
}

export function findArea(db: Db, workspaceId: string, areaId: string) {
  return db
    .selectFrom("task_areas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", areaId)
    .executeTakeFirst();
}

export function findAreaByName(db: Db, workspaceId: string, name: string) {
  return db
    .selectFrom("task_areas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertAreas(db: Db, rows: TaskAreaRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("task_areas").values(rows).execute();
}

/**
 * Inserts areas the workspace does not have by name yet, skipping the rest: two requests
 * that both find no areas and make the defaults at once must not fail on the unique name.
 */
export async function insertMissingAreas(db: Db, rows: TaskAreaRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("task_areas")
    .values(rows)
    .onConflict((conflict) => conflict.columns(["workspace_id", "name"]).doNothing())
    .execute();
}

export async function updateArea(
  db: Db,
  workspaceId: string,
  areaId: string,
  changes: Partial<Pick<TaskAreaRow, "name" | "default_rate">>,
): Promise<void> {
  await db
    .updateTable("task_areas")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", areaId)
    .execute();
}

export async function deleteArea(db: Db, workspaceId: string, areaId: string): Promise<void> {
  await db
    .deleteFrom("task_areas")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", areaId)
    .execute();
}

export async function nextAreaPosition(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("task_areas")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return Number(row?.position ?? -1) + 1;
}

export function listBarterSkills(db: Db, workspaceId: string) {
  return db
    .selectFrom("barter_skills")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function insertBarterSkill(db: Db, row: BarterSkillRow): Promise<void> {
  await db.insertInto("barter_skills").values(row).execute();
}

export async function deleteBarterSkill(db: Db, workspaceId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom("barter_skills")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listTasks(db: Db, workspaceId: string) {
  return db
    .selectFrom("audit_tasks")
    .innerJoin("task_areas", (join) =>
      join
        .onRef("task_areas.id", "=", "audit_tasks.area_id")
        .onRef("task_areas.workspace_id", "=", "audit_tasks.workspace_id"),
    )
    .selectAll("audit_tasks")
    .select(["task_areas.name as area_name", "task_areas.default_rate as area_rate"])
    .where("audit_tasks.workspace_id", "=", workspaceId)
    .orderBy("audit_tasks.created_at")
    .orderBy("audit_tasks.id")
    .execute();
}

export function findTask(db: Db, workspaceId: string, taskId: string) {
  return db
    .selectFrom("audit_tasks")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", taskId)
    .executeTakeFirst();
}

export async function insertTasks(db: Db, rows: AuditTaskRow[]): Promise<void> {
  // Batches keep each statement under SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto("audit_tasks")
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

export async function updateTask(
  db: Db,
  workspaceId: string,
  taskId: string,
  changes: Partial<Omit<AuditTaskRow, "id" | "workspace_id" | "created_at">>,
): Promise<void> {
  await db
    .updateTable("audit_tasks")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", taskId)
    .execute();
}

export async function deleteTask(db: Db, workspaceId: string, taskId: string): Promise<number> {
  const result = await db
    .deleteFrom("audit_tasks")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", taskId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
