import { uuidv7 } from "uuidv7";
import type { AppContext } from "../context.ts";
import { lockForTransaction, lockKeys } from "../db/lock.ts";
import { Conflict, Invalid, NotFound, Unauthenticated } from "../errors.ts";
import { queueEmail } from "../notify/service.ts";
import { authorize } from "./authorize.ts";
import { passwordResetEmail } from "./emails.ts";
import { lifetimes, sessionExpiry, shouldTouchSession, type Actor } from "./rules.ts";
import type { ApiTokenView, Me, SessionView, SetupInput, SignInInput } from "./schema.ts";
import {
  decoyPasswordHash,
  hashPassword,
  hashSecret,
  newSecret,
  verifyPassword,
} from "./secrets.ts";
import * as store from "./store.ts";
import { apiTokenView, meView, sessionView } from "./views.ts";

/** Where a request came from, kept on the session so people can recognise their devices. */
export interface Client {
  ip: string;
  userAgent: string;
}

export interface SignedIn {
  me: Me;
  /** The cookie value; only its hash is stored. */
  token: string;
  remember: boolean;
}

export const API_TOKEN_PREFIX = "hof_";

export async function setupNeeded(ctx: AppContext): Promise<boolean> {
  return (await store.countWorkspaces(ctx.db)) === 0;
}

const setupDone = () => new Conflict("setup.done", "Handoff is already set up. Sign in instead.");

/**
 * Creates a workspace and its owner. From the first-run screen it is allowed only while
 * no workspace exists; `create-owner` on the command line may add more.
 */
export async function createWorkspace(
  ctx: AppContext,
  input: SetupInput,
  options: { onlyIfFirst: boolean },
): Promise<{ workspaceId: string; userId: string }> {
  // Refuse before the costly password hash, so repeated setup calls cost the server nothing.
  if (options.onlyIfFirst && !(await setupNeeded(ctx))) throw setupDone();
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const workspaceId = uuidv7();
  const userId = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, ctx.dbKind, lockKeys.setup);
    if (options.onlyIfFirst && (await store.countWorkspaces(trx)) > 0) throw setupDone();
    if (await store.findUserByEmail(trx, input.email)) {
      throw new Conflict("account.email_taken", "This email already has an account", {
        email: "This email already has an account",
      });
    }
    await store.insertWorkspace(trx, {
      id: workspaceId,
      name: input.workspaceName,
      currency: input.currency,
      time_zone: input.timeZone,
      created_at: now,
      updated_at: now,
    });
    await store.insertUser(trx, {
      id: userId,
      workspace_id: workspaceId,
      email: input.email,
      name: input.ownerName,
      role: "owner",
      password_hash: passwordHash,
      time_zone: input.timeZone,
      deactivated_at: null,
      created_at: now,
      updated_at: now,
    });
  });
  return { workspaceId, userId };
}

export async function completeSetup(
  ctx: AppContext,
  input: SetupInput,
  client: Client,
): Promise<SignedIn> {
  const { workspaceId, userId } = await createWorkspace(ctx, input, { onlyIfFirst: true });
  return startSession(ctx, { workspaceId, userId, remember: false, client });
}

/** Opens a new session; the caller has already proven who the person is. */
export async function startSession(
  ctx: AppContext,
  input: { workspaceId: string; userId: string; remember: boolean; client: Client },
): Promise<SignedIn> {
  const token = newSecret();
  const now = ctx.now();
  await store.insertSession(ctx.db, {
    id: uuidv7(),
    token_hash: hashSecret(token),
    workspace_id: input.workspaceId,
    user_id: input.userId,
    remember: input.remember ? 1 : 0,
    user_agent: input.client.userAgent.slice(0, 300),
    ip: input.client.ip,
    created_at: now,
    last_seen_at: now,
    expires_at: sessionExpiry(now, input.remember),
  });
  return {
    me: await loadMe(ctx, input.workspaceId, input.userId),
    token,
    remember: input.remember,
  };
}

const invalidCredentials = () =>
  new Unauthenticated("auth.invalid_credentials", "That email and password don't match an account");

/**
 * Signs in with email and password. Unknown email, wrong password and deactivated account
 * all answer the same, after the same argon2 work, so the answer reveals nothing.
 */
export async function signIn(
  ctx: AppContext,
  input: SignInInput,
  client: Client,
): Promise<SignedIn> {
  const user = await store.findUserByEmail(ctx.db, input.email);
  const valid = await verifyPassword(
    user?.password_hash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!user || !valid || user.deactivated_at !== null) throw invalidCredentials();
  return startSession(ctx, {
    workspaceId: user.workspace_id,
    userId: user.id,
    remember: input.remember,
    client,
  });
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await store.deleteSessionByTokenHash(ctx.db, hashSecret(token));
}

/** Resolves a session cookie to the person behind it, extending the session as it is used. */
export async function actorFromSession(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const session = await store.findSessionByTokenHash(ctx.db, hashSecret(token));
  const now = ctx.now();
  if (!session || session.expires_at <= now || session.deactivated_at !== null) return undefined;
  if (shouldTouchSession(session.last_seen_at, now)) {
    await store.touchSession(
      ctx.db,
      session.workspace_id,
      session.id,
      now,
      Math.max(session.expires_at, sessionExpiry(now, session.remember === 1)),
    );
  }
  return {
    userId: session.user_id,
    workspaceId: session.workspace_id,
    role: session.role,
    via: { kind: "session", sessionId: session.id },
  };
}

export async function actorFromApiToken(
  ctx: AppContext,
  token: string,
): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await store.findApiTokenByHash(ctx.db, hashSecret(token));
  if (!row || row.revoked_at !== null || row.deactivated_at !== null) return undefined;
  const now = ctx.now();
  if (row.last_used_at === null || shouldTouchSession(row.last_used_at, now)) {
    await store.markApiTokenUsed(ctx.db, row.workspace_id, row.id, now);
  }
  return {
    userId: row.user_id,
    workspaceId: row.workspace_id,
    role: row.role,
    via: { kind: "token", tokenId: row.id },
  };
}

async function loadMe(ctx: AppContext, workspaceId: string, userId: string): Promise<Me> {
  const [user, workspace] = await Promise.all([
    store.findUser(ctx.db, workspaceId, userId),
    store.findWorkspace(ctx.db, workspaceId),
  ]);
  if (!user || !workspace) throw new NotFound("not_found", "Account not found");
  return meView(user, workspace);
}

export function getMe(ctx: AppContext, actor: Actor): Promise<Me> {
  return loadMe(ctx, actor.workspaceId, actor.userId);
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  changes: { name?: string; timeZone?: string },
): Promise<Me> {
  authorize(actor, "profile.manage");
  await store.updateUser(ctx.db, actor.workspaceId, actor.userId, {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
    updated_at: ctx.now(),
  });
  return getMe(ctx, actor);
}

/** Changing the password signs out every other device; this one stays signed in. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  authorize(actor, "profile.manage");
  const user = await store.findUser(ctx.db, actor.workspaceId, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new Invalid("auth.wrong_password", "Your current password is not right", {
      currentPassword: "This is not your current password",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const keep = actor.via.kind === "session" ? actor.via.sessionId : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateUser(trx, actor.workspaceId, actor.userId, {
      password_hash: passwordHash,
      updated_at: ctx.now(),
    });
    await store.deleteSessions(trx, actor.workspaceId, actor.userId, keep ? { keep } : {});
  });
}

/** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const user = await store.findUserByEmail(ctx.db, email);
  if (!user || user.deactivated_at !== null) return;
  const token = newSecret();
  const now = ctx.now();
  const link = new URL(`/reset-password?token=${token}`, ctx.config.publicUrl).toString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertPasswordReset(trx, {
      id: uuidv7(),
      workspace_id: user.workspace_id,
      user_id: user.id,
      token_hash: hashSecret(token),
      created_at: now,
      expires_at: now + lifetimes.passwordReset,
    });
    await queueEmail(ctx, trx, {
      workspaceId: user.workspace_id,
      to: user.email,
      personal: true,
      ...passwordResetEmail({ name: user.name, link }),
    });
  });
  ctx.wakeMail();
}

const invalidReset = () =>
  new Invalid("auth.reset_invalid", "This reset link is invalid or has expired", {
    token: "Ask for a new reset link",
  });

/**
 * Sets a new password from an emailed link. The link dies, and so does every session and
 * API token: a reset may follow a break-in, and nothing the intruder made should survive it.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<void> {
  const now = ctx.now();
  const reset = await store.findPasswordResetByTokenHash(ctx.db, hashSecret(input.token));
  if (!reset || reset.used_at !== null || reset.expires_at <= now) throw invalidReset();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    // Claiming the link here, not above, lets only one of two simultaneous uses win.
    const used = await store.usePasswordResets(trx, reset.workspace_id, reset.user_id, now);
    if (used === 0) throw invalidReset();
    await store.updateUser(trx, reset.workspace_id, reset.user_id, {
      password_hash: passwordHash,
      updated_at: now,
    });
    await store.deleteSessions(trx, reset.workspace_id, reset.user_id);
    await store.revokeApiTokens(trx, reset.workspace_id, reset.user_id, now);
  });
}

export async function listSessions(ctx: AppContext, actor: Actor): Promise<SessionView[]> {
  authorize(actor, "profile.manage");
  const current = actor.via.kind === "session" ? actor.via.sessionId : undefined;
  const rows = await store.listSessions(ctx.db, actor.workspaceId, actor.userId, ctx.now());
  return rows.map((row) => sessionView(row, current));
}

export async function endSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  authorize(actor, "profile.manage");
  const ended = await store.deleteSessions(ctx.db, actor.workspaceId, actor.userId, {
    only: sessionId,
  });
  if (ended === 0) throw new NotFound("not_found", "Session not found");
}

export async function endOtherSessions(ctx: AppContext, actor: Actor): Promise<void> {
  authorize(actor, "profile.manage");
  const keep = actor.via.kind === "session" ? actor.via.sessionId : undefined;
  await store.deleteSessions(ctx.db, actor.workspaceId, actor.userId, keep ? { keep } : {});
}

export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<ApiTokenView[]> {
  authorize(actor, "profile.manage");
  const rows = await store.listApiTokens(ctx.db, actor.workspaceId, actor.userId);
  return rows.map(apiTokenView);
}

export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  name: string,
): Promise<{ apiToken: ApiTokenView; token: string }> {
  authorize(actor, "profile.manage");
  const token = newSecret(API_TOKEN_PREFIX);
  const row = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    user_id: actor.userId,
    name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    created_at: ctx.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await store.insertApiToken(ctx.db, row);
  return { apiToken: apiTokenView(row), token };
}

export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  tokenId: string,
): Promise<void> {
  authorize(actor, "profile.manage");
  const revoked = await store.revokeApiTokens(
    ctx.db,
    actor.workspaceId,
    actor.userId,
    ctx.now(),
    tokenId,
  );
  if (revoked === 0) throw new NotFound("not_found", "Token not found");
}
