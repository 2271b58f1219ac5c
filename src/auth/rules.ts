import type { Role } from "../db/tables.ts";

export type { Role };

/** Who is asking: resolved from a session cookie or an API token. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  via:
    | { kind: "session"; sessionId: string }
    | { kind: "token"; tokenId: string }
    | { kind: "command-line" };
}

/**
 * Every action the product knows. Later areas add theirs here and to the table below;
 * the table-driven permission test walks this table.
 */
export const actions = [
  "shell.use",
  "portal.use",
  "profile.manage",
  "workspace.read",
  "workspace.update",
  "people.read",
  "people.manage",
  "invites.read",
  "invites.manage",
  "outbox.read",
  "worth.read",
  "worth.manage",
  "metrics.read",
  "metrics.manage",
  "sops.read",
  "sops.manage",
  "sops.settings",
  "runs.work",
  "contractors.read",
  "contractors.manage",
  "hiring.read",
  "hiring.manage",
  "people.settings",
  "contracts.read",
  "contracts.manage",
  "contracts.settings",
  "contracts.respond",
  "work.review",
  "payments.read",
  "payments.manage",
  "notifications.use",
  "work.read",
  "work.manage",
  "work.settings",
  "reports.write",
] as const;
export type Action = (typeof actions)[number];

const contractorOnly: readonly Action[] = [
  "portal.use",
  "runs.work",
  "contracts.respond",
  "reports.write",
];
const ownerActions: readonly Action[] = actions.filter(
  (action) => !contractorOnly.includes(action),
);

/** Role → what it may do. Contractors see only their own things: their portal and profile. */
export const permissionTable: Record<Role, readonly Action[]> = {
  owner: ownerActions,
  manager: [
    "shell.use",
    "profile.manage",
    "workspace.read",
    "people.read",
    "invites.read",
    "worth.read",
    "worth.manage",
    "metrics.read",
    "metrics.manage",
    "sops.read",
    "sops.manage",
    "contractors.read",
    "contractors.manage",
    "hiring.read",
    "hiring.manage",
    "contracts.read",
    "contracts.manage",
    "work.review",
    "payments.read",
    "notifications.use",
    "work.read",
    "work.manage",
  ],
  contractor: [
    "portal.use",
    "profile.manage",
    "runs.work",
    "contracts.respond",
    "notifications.use",
    "reports.write",
  ],
};

/** A resource the actor wants to touch; anything with a workspace. */
export interface Owned {
  workspaceId: string;
}

export function can(actor: Actor, action: Action, resource?: Owned): boolean {
  if (resource && resource.workspaceId !== actor.workspaceId) return false;
  return permissionTable[actor.role].includes(action);
}

export function permissionsOf(role: Role): Action[] {
  return [...permissionTable[role]];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const lifetimes = {
  /** A browser session without "remember me" ends after a working day of inactivity. */
  session: 12 * HOUR,
  rememberedSession: 30 * DAY,
  invite: 7 * DAY,
  passwordReset: HOUR,
  /** Refresh last-seen at most this often, so reads don't turn into writes. */
  sessionTouch: MINUTE,
} as const;

export function sessionExpiry(now: number, remember: boolean): number {
  return now + (remember ? lifetimes.rememberedSession : lifetimes.session);
}

/** Sliding expiry: each use pushes the end out, but only once per touch interval. */
export function shouldTouchSession(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= lifetimes.sessionTouch;
}

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

export function inviteStatus(
  invite: { acceptedAt: number | null; revokedAt: number | null; expiresAt: number },
  now: number,
): InviteStatus {
  if (invite.acceptedAt !== null) return "accepted";
  if (invite.revokedAt !== null) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "pending";
}

export const passwordPolicy = { minLength: 10, maxLength: 200 } as const;

/** Which roles the owner may give through an invite or a role change. */
export const assignableRoles = ["manager", "contractor"] as const satisfies readonly Role[];
