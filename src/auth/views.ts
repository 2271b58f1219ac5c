import type { ApiTokenView, InviteView, Me, Person, SessionView, Workspace } from "./schema.ts";
import { inviteStatus, permissionsOf } from "./rules.ts";
import type { ApiTokenRow, InviteRow, SessionRow, UserRow, WorkspaceRow } from "./store.ts";

/** Rows → the shapes the API promises (src/auth/schema.ts). */
export function workspaceView(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, currency: row.currency, timeZone: row.time_zone };
}

export function meView(user: UserRow, workspace: WorkspaceRow): Me {
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      timeZone: user.time_zone,
    },
    workspace: workspaceView(workspace),
    permissions: permissionsOf(user.role),
  };
}

export function personView(user: UserRow): Person {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    timeZone: user.time_zone,
    active: user.deactivated_at === null,
    createdAt: user.created_at,
  };
}

export function sessionView(row: SessionRow, currentSessionId: string | undefined): SessionView {
  return {
    id: row.id,
    current: row.id === currentSessionId,
    remember: row.remember === 1,
    userAgent: row.user_agent,
    ip: row.ip,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export function apiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export function inviteView(row: InviteRow & { invited_by_name: string }, now: number): InviteView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: inviteStatus(
      { acceptedAt: row.accepted_at, revokedAt: row.revoked_at, expiresAt: row.expires_at },
      now,
    ),
    invitedBy: row.invited_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
