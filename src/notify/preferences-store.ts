import type { Kysely, Selectable } from "kysely";
import type { Database, NotificationPreferenceTable } from "../db/tables.ts";

type Db = Kysely<Database>;
export type PreferenceRow = Selectable<NotificationPreferenceTable>;

export function findPreferences(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export function listPreferences(db: Db, workspaceId: string) {
  return db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
}

export async function savePreferences(db: Db, row: PreferenceRow): Promise<void> {
  const { user_id: _userId, workspace_id: _workspaceId, ...changes } = row;
  await db
    .insertInto("notification_preferences")
    .values(row)
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(changes))
    .execute();
}
