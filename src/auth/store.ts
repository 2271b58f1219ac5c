import type { Kysely, Selectable } from "kysely";
import type {
  ApiTokenTable,
  Database,
  InviteTable,
  Role,
  SessionTable,
  UserTable,
  WorkspaceTable,
} from "../db/tables.ts";

/** The auth area's SQL, and only it. Every query that can filters on workspace_id. */
type Db = Kysely<Database>;
export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type InviteRow = Selectable<InviteTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type WorkspaceRow = Selectable<WorkspaceTable>;

export async function countWorkspaces(db: Db): Promise<number> {
  const row = await db
    .selectFrom("workspaces")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertWorkspace(db: Db, row: WorkspaceRow): Promise<void> {
  await db.insertInto("workspaces").values(row).execute();
}

export function findWorkspace(db: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst();
}

export async function updateWorkspace(
  db: Db,
  workspaceId: string,
  changes: Partial<Pick<WorkspaceRow, "name" | "currency" | "time_zone">> & { updated_at: number },
): Promise<void> {
  await db.updateTable("workspaces").set(changes).where("id", "=", workspaceId).execute();
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findUser(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function listUsers(db: Db, workspaceId: string): Promise<UserRow[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function updateUser(
  db: Db,
  workspaceId: string,
  userId: string,
  changes: Partial<
    Pick<UserRow, "name" | "time_zone" | "role" | "password_hash" | "deactivated_at">
  > & { updated_at: number },
): Promise<void> {
  await db
    .updateTable("users")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", userId)
    .execute();
}

export async function countActiveOwners(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner" satisfies Role)
    .where("deactivated_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** The session and its user, for resolving a cookie; the hash is the only key we have. */
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "sessions.user_id")
        .onRef("users.workspace_id", "=", "sessions.workspace_id"),
    )
    .select([
      "sessions.id",
      "sessions.workspace_id",
      "sessions.user_id",
      "sessions.remember",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.role",
      "users.deactivated_at",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function touchSession(
  db: Db,
  workspaceId: string,
  sessionId: string,
  lastSeenAt: number,
  expiresAt: number,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", sessionId)
    .execute();
}

export function listSessions(db: Db, workspaceId: string, userId: string, now: number) {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Deletes the user's sessions, keeping `keepSessionId` if given; returns how many ended. */
export async function deleteSessions(
  db: Db,
  workspaceId: string,
  userId: string,
  options: { only?: string; keep?: string } = {},
): Promise<number> {
  let query = db
    .deleteFrom("sessions")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId);
  if (options.only !== undefined) query = query.where("id", "=", options.only);
  if (options.keep !== undefined) query = query.where("id", "!=", options.keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export function listApiTokens(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "api_tokens.user_id")
        .onRef("users.workspace_id", "=", "api_tokens.workspace_id"),
    )
    .select([
      "api_tokens.id",
      "api_tokens.workspace_id",
      "api_tokens.user_id",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
      "users.role",
      "users.deactivated_at",
    ])
    .where("api_tokens.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function markApiTokenUsed(
  db: Db,
  workspaceId: string,
  tokenId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", tokenId)
    .execute();
}

/** Revokes one token of the user, or all of them; returns how many were revoked. */
export async function revokeApiTokens(
  db: Db,
  workspaceId: string,
  userId: string,
  at: number,
  tokenId?: string,
): Promise<number> {
  let query = db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (tokenId !== undefined) query = query.where("id", "=", tokenId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertInvite(db: Db, row: InviteRow): Promise<void> {
  await db.insertInto("invites").values(row).execute();
}

export function findInvite(db: Db, workspaceId: string, inviteId: string) {
  return db
    .selectFrom("invites")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", inviteId)
    .executeTakeFirst();
}

export function findInviteByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("invites")
    .innerJoin("workspaces", "workspaces.id", "invites.workspace_id")
    .selectAll("invites")
    .select("workspaces.name as workspace_name")
    .where("invites.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** The workspace's invites with their inviter's name, or just one of them when `inviteId` is given. */
export function listInvites(db: Db, workspaceId: string, inviteId?: string) {
  let query = db
    .selectFrom("invites")
    .innerJoin("users", (join) =>
      join
        .onRef("users.id", "=", "invites.invited_by")
        .onRef("users.workspace_id", "=", "invites.workspace_id"),
    )
    .selectAll("invites")
    .select("users.name as invited_by_name")
    .where("invites.workspace_id", "=", workspaceId);
  if (inviteId !== undefined) query = query.where("invites.id", "=", inviteId);
  return query.orderBy("invites.created_at", "desc").execute();
}

export async function updateInvite(
  db: Db,
  workspaceId: string,
  inviteId: string,
  changes: Partial<
    Pick<InviteRow, "token_hash" | "expires_at" | "revoked_at" | "accepted_at" | "accepted_user_id">
  >,
): Promise<void> {
  await db
    .updateTable("invites")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", inviteId)
    .execute();
}

/** Any earlier open invite for the same email ends when a new one is issued. */
export async function revokeOpenInvitesFor(
  db: Db,
  workspaceId: string,
  email: string,
  at: number,
): Promise<void> {
  await db
    .updateTable("invites")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

export async function insertPasswordReset(
  db: Db,
  row: {
    id: string;
    workspace_id: string;
    user_id: string;
    token_hash: string;
    created_at: number;
    expires_at: number;
  },
): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({ ...row, used_at: null })
    .execute();
}

export function findPasswordResetByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("password_resets")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/**
 * Marks every unused reset of the user as used, so each link works once and older links
 * die; returns how many were still unused.
 */
export async function usePasswordResets(
  db: Db,
  workspaceId: string,
  userId: string,
  at: number,
): Promise<number> {
  const result = await db
    .updateTable("password_resets")
    .set({ used_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
