import type { Generated } from "kysely";

/** Instants are epoch milliseconds; flags are 0/1 integers so both dialects read them the same. */
type Instant = number;
type Flag = 0 | 1;

export type Role = "owner" | "manager" | "contractor";

export interface WorkspaceTable {
  id: string;
  name: string;
  currency: string;
  time_zone: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  time_zone: string;
  deactivated_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionTable {
  id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  workspace_id: string;
  user_id: string;
  remember: Flag;
  user_agent: string;
  ip: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** First characters of the token, shown so the owner can tell tokens apart. */
  prefix: string;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface InviteTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Exclude<Role, "owner">;
  token_hash: string;
  invited_by: string;
  created_at: Instant;
  expires_at: Instant;
  accepted_at: Instant | null;
  accepted_user_id: string | null;
  revoked_at: Instant | null;
}

export interface PasswordResetTable {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export type OutboxStatus = "pending" | "sent" | "failed" | "kept";

export interface OutboxTable {
  id: string;
  workspace_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Instant;
  last_error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Instant;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  invites: InviteTable;
  password_resets: PasswordResetTable;
  outbox: OutboxTable;
  schema_migrations: SchemaMigrationTable;
}

export type { Generated };
