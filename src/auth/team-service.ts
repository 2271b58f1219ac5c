import { uuidv7 } from "uuidv7";
import type { AppContext } from "../context.ts";
import { Conflict, NotFound } from "../errors.ts";
import { queueEmail } from "../notify/service.ts";
import { authorize } from "./authorize.ts";
import { formatExpiry, inviteEmail } from "./emails.ts";
import { inviteStatus, lifetimes, type Actor } from "./rules.ts";
import type { InvitePreview, InviteView, IssuedInvite, Person, Workspace } from "./schema.ts";
import { hashPassword, hashSecret, newSecret } from "./secrets.ts";
import { startSession, type Client, type SignedIn } from "./service.ts";
import * as store from "./store.ts";
import { inviteView, personView, workspaceView } from "./views.ts";

/** The workspace, its people and the invitations that bring them in. */

export async function getWorkspace(ctx: AppContext, actor: Actor): Promise<Workspace> {
  authorize(actor, "workspace.read");
  const row = await store.findWorkspace(ctx.db, actor.workspaceId);
  if (!row) throw new NotFound("not_found", "Workspace not found");
  return workspaceView(row);
}

export async function updateWorkspace(
  ctx: AppContext,
  actor: Actor,
  changes: { name?: string; currency?: string; timeZone?: string },
): Promise<Workspace> {
  authorize(actor, "workspace.update");
  await store.updateWorkspace(ctx.db, actor.workspaceId, {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.currency !== undefined && { currency: changes.currency }),
    ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
    updated_at: ctx.now(),
  });
  return getWorkspace(ctx, actor);
}

export async function listPeople(ctx: AppContext, actor: Actor): Promise<Person[]> {
  authorize(actor, "people.read");
  const rows = await store.listUsers(ctx.db, actor.workspaceId);
  return rows.map(personView);
}

/** Loads someone the owner wants to change; the owner's own account is never the target. */
async function loadManagedPerson(ctx: AppContext, actor: Actor, userId: string) {
  authorize(actor, "people.manage");
  const person = await store.findUser(ctx.db, actor.workspaceId, userId);
  if (!person) throw new NotFound("not_found", "Person not found");
  if (person.role === "owner") {
    throw new Conflict("people.owner_fixed", "The owner's role and access cannot be changed here");
  }
  return person;
}

export async function changeRole(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  role: "manager" | "contractor",
): Promise<Person> {
  const person = await loadManagedPerson(ctx, actor, userId);
  const now = ctx.now();
  await store.updateUser(ctx.db, actor.workspaceId, person.id, { role, updated_at: now });
  return personView({ ...person, role, updated_at: now });
}

/** Ends their sessions and tokens at once; their history stays for the records. */
export async function deactivatePerson(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<Person> {
  const person = await loadManagedPerson(ctx, actor, userId);
  const now = ctx.now();
  const deactivatedAt = person.deactivated_at ?? now;
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateUser(trx, actor.workspaceId, person.id, {
      deactivated_at: deactivatedAt,
      updated_at: now,
    });
    await store.deleteSessions(trx, actor.workspaceId, person.id);
    await store.revokeApiTokens(trx, actor.workspaceId, person.id, now);
  });
  return personView({ ...person, deactivated_at: deactivatedAt });
}

export async function reactivatePerson(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<Person> {
  const person = await loadManagedPerson(ctx, actor, userId);
  await store.updateUser(ctx.db, actor.workspaceId, person.id, {
    deactivated_at: null,
    updated_at: ctx.now(),
  });
  return personView({ ...person, deactivated_at: null });
}

export async function listInvites(ctx: AppContext, actor: Actor): Promise<InviteView[]> {
  authorize(actor, "invites.read");
  const rows = await store.listInvites(ctx.db, actor.workspaceId);
  const now = ctx.now();
  return rows.map((row) => inviteView(row, now));
}

function inviteLink(ctx: AppContext, token: string): string {
  return new URL(`/invite?token=${token}`, ctx.config.publicUrl).toString();
}

/** Issues a fresh token for the invite and emails it, in the transaction given. */
async function sendInvite(
  ctx: AppContext,
  trx: typeof ctx.db,
  invite: { id: string; workspaceId: string; email: string; role: string },
  inviter: { name: string; timeZone: string },
  expiresAt: number,
): Promise<{ link: string; emailed: boolean }> {
  const token = newSecret();
  const workspace = await store.findWorkspace(trx, invite.workspaceId);
  if (!workspace) throw new NotFound("not_found", "Workspace not found");
  await store.updateInvite(trx, invite.workspaceId, invite.id, {
    token_hash: hashSecret(token),
    expires_at: expiresAt,
  });
  const link = inviteLink(ctx, token);
  const emailed = await queueEmail(ctx, trx, {
    workspaceId: invite.workspaceId,
    to: invite.email,
    ...inviteEmail({
      workspaceName: workspace.name,
      inviterName: inviter.name,
      role: invite.role,
      link,
      expiresOn: formatExpiry(expiresAt, inviter.timeZone),
    }),
  });
  return { link, emailed };
}

async function issuedInvite(
  ctx: AppContext,
  actor: Actor,
  inviteId: string,
  sent: { link: string; emailed: boolean },
): Promise<IssuedInvite> {
  const invite = await findInviteView(ctx, actor, inviteId);
  if (sent.emailed) ctx.wakeMail();
  return { invite, ...sent };
}

async function findInviteView(
  ctx: AppContext,
  actor: Actor,
  inviteId: string,
): Promise<InviteView> {
  authorize(actor, "invites.read");
  const [row] = await store.listInvites(ctx.db, actor.workspaceId, inviteId);
  if (!row) throw new NotFound("not_found", "Invite not found");
  return inviteView(row, ctx.now());
}

async function inviter(ctx: AppContext, actor: Actor) {
  const user = await store.findUser(ctx.db, actor.workspaceId, actor.userId);
  if (!user) throw new NotFound("not_found", "Account not found");
  return { name: user.name, timeZone: user.time_zone };
}

export async function createInvite(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; role: "manager" | "contractor" },
): Promise<IssuedInvite> {
  authorize(actor, "invites.manage");
  const from = await inviter(ctx, actor);
  const now = ctx.now();
  const id = uuidv7();
  const sent = await ctx.db.transaction().execute(async (trx) => {
    if (await store.findUserByEmail(trx, input.email)) {
      throw new Conflict("invite.email_taken", "Someone with this email already has an account", {
        email: "Someone with this email already has an account",
      });
    }
    await store.revokeOpenInvitesFor(trx, actor.workspaceId, input.email, now);
    await store.insertInvite(trx, {
      id,
      workspace_id: actor.workspaceId,
      email: input.email,
      role: input.role,
      token_hash: hashSecret(newSecret()),
      invited_by: actor.userId,
      created_at: now,
      expires_at: now + lifetimes.invite,
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    });
    return sendInvite(
      ctx,
      trx,
      { id, workspaceId: actor.workspaceId, email: input.email, role: input.role },
      from,
      now + lifetimes.invite,
    );
  });
  return issuedInvite(ctx, actor, id, sent);
}

async function loadOpenInvite(ctx: AppContext, actor: Actor, inviteId: string) {
  authorize(actor, "invites.manage");
  const invite = await store.findInvite(ctx.db, actor.workspaceId, inviteId);
  if (!invite) throw new NotFound("not_found", "Invite not found");
  if (invite.accepted_at !== null) {
    throw new Conflict("invite.accepted", "This invite has already been accepted");
  }
  return invite;
}

/** A fresh link and a new expiry; the old link stops working. A revoked invite comes back to life. */
export async function resendInvite(
  ctx: AppContext,
  actor: Actor,
  inviteId: string,
): Promise<IssuedInvite> {
  const invite = await loadOpenInvite(ctx, actor, inviteId);
  const from = await inviter(ctx, actor);
  const expiresAt = ctx.now() + lifetimes.invite;
  const sent = await ctx.db.transaction().execute(async (trx) => {
    await store.revokeOpenInvitesFor(trx, actor.workspaceId, invite.email, ctx.now());
    await store.updateInvite(trx, actor.workspaceId, invite.id, { revoked_at: null });
    return sendInvite(
      ctx,
      trx,
      { id: invite.id, workspaceId: invite.workspace_id, email: invite.email, role: invite.role },
      from,
      expiresAt,
    );
  });
  return issuedInvite(ctx, actor, invite.id, sent);
}

export async function revokeInvite(
  ctx: AppContext,
  actor: Actor,
  inviteId: string,
): Promise<InviteView> {
  const invite = await loadOpenInvite(ctx, actor, inviteId);
  if (invite.revoked_at === null) {
    await store.updateInvite(ctx.db, actor.workspaceId, invite.id, { revoked_at: ctx.now() });
  }
  return findInviteView(ctx, actor, invite.id);
}

const invalidInvite = () =>
  new NotFound("invite.invalid", "This invitation link is invalid, used or expired");

async function loadPendingInviteByToken(ctx: AppContext, db: typeof ctx.db, token: string) {
  const invite = await store.findInviteByTokenHash(db, hashSecret(token));
  if (
    !invite ||
    inviteStatus(
      {
        acceptedAt: invite.accepted_at,
        revokedAt: invite.revoked_at,
        expiresAt: invite.expires_at,
      },
      ctx.now(),
    ) !== "pending"
  ) {
    throw invalidInvite();
  }
  return invite;
}

export async function previewInvite(ctx: AppContext, token: string): Promise<InvitePreview> {
  const invite = await loadPendingInviteByToken(ctx, ctx.db, token);
  return {
    email: invite.email,
    role: invite.role,
    workspaceName: invite.workspace_name,
    expiresAt: invite.expires_at,
  };
}

export async function acceptInvite(
  ctx: AppContext,
  input: { token: string; name: string; password: string; timeZone: string },
  client: Client,
): Promise<SignedIn> {
  // Refuse a made-up or spent link before the costly password hash; checked again below.
  await loadPendingInviteByToken(ctx, ctx.db, input.token);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const userId = uuidv7();
  const invite = await ctx.db.transaction().execute(async (trx) => {
    const invite = await loadPendingInviteByToken(ctx, trx, input.token);
    if (await store.findUserByEmail(trx, invite.email)) throw invalidInvite();
    await store.insertUser(trx, {
      id: userId,
      workspace_id: invite.workspace_id,
      email: invite.email,
      name: input.name,
      role: invite.role,
      password_hash: passwordHash,
      time_zone: input.timeZone,
      deactivated_at: null,
      created_at: now,
      updated_at: now,
    });
    await store.updateInvite(trx, invite.workspace_id, invite.id, {
      accepted_at: now,
      accepted_user_id: userId,
    });
    return invite;
  });
  return startSession(ctx, {
    workspaceId: invite.workspace_id,
    userId,
    remember: false,
    client,
  });
}
