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
  /** Holds a secret meant for the recipient alone (a password reset link); never shown in the app. */
  personal: Flag;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Instant;
  last_error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface WorthProfileTable {
  workspace_id: string;
  profit_per_year: number;
  target_profit_per_year: number | null;
  basis: "hours" | "days";
  hours_per_year: number;
  days_per_year: number;
  hours_per_day_hundredths: number;
  updated_at: Instant;
}

export interface TaskAreaTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The rate card's estimate of an hour of this kind of work, in minor units. */
  default_rate: number | null;
  position: number;
  created_at: Instant;
}

export interface BarterSkillTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: Instant;
}

export interface AuditTaskTable {
  id: string;
  workspace_id: string;
  name: string;
  area_id: string;
  hours_per_week_hundredths: number;
  skill: number;
  enjoyment: number;
  strategic: Flag;
  needed: Flag;
  market_rate: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SiteTable {
  id: string;
  workspace_id: string;
  name: string;
  url: string;
  created_at: Instant;
}

export interface FunnelPeriodTable {
  id: string;
  workspace_id: string;
  site_id: string;
  /** Calendar month, YYYY-MM. */
  month: string;
  visitors: number;
  prospects: number;
  customers: number;
  revenue: number;
  traffic_cost: number;
  other_costs: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface BudgetPlanTable {
  workspace_id: string;
  monthly_budget: number;
  min_monthly_profit: number | null;
  /** 2,000 = 20.00 %. */
  min_margin_basis_points: number | null;
  /** Share of freed hours the owner expects to put into growth, 0–100. */
  reinvest_percent: number;
  extra_profit_override: number | null;
  updated_at: Instant;
}

export interface SopSettingsTable {
  workspace_id: string;
  min_reading_ease: number;
  /** JSON array of words. */
  jargon: string;
  updated_at: Instant;
}

export interface SopTable {
  id: string;
  workspace_id: string;
  task_id: string | null;
  area_id: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SopVersionTable {
  id: string;
  workspace_id: string;
  sop_id: string;
  /** Null for the draft; 1, 2, … once published. */
  number: number | null;
  title: string;
  purpose: string;
  definition_of_done: string;
  /** JSON array of tool names. */
  tools: string;
  /** JSON array of steps. */
  steps: string;
  /** JSON readability score. */
  score: string;
  hard_to_follow: Flag;
  override_reason: string | null;
  override_by: string | null;
  published_at: Instant | null;
  published_by: string | null;
  updated_at: Instant;
}

export interface SopImageTable {
  id: string;
  workspace_id: string;
  sop_id: string;
  content_type: string;
  size: number;
  data_base64: string;
  created_at: Instant;
}

export interface SopShareTable {
  id: string;
  workspace_id: string;
  sop_id: string;
  version_id: string;
  user_id: string;
  shared_at: Instant;
}

export interface ChecklistRunTable {
  id: string;
  workspace_id: string;
  sop_id: string;
  version_id: string;
  contractor_id: string;
  /** YYYY-MM-DD, meant in `time_zone` (the contractor's). */
  due_date: string;
  time_zone: string;
  status: "open" | "submitted";
  started_at: Instant;
  submitted_at: Instant | null;
  created_by: string;
}

export interface RunStepTable {
  id: string;
  workspace_id: string;
  run_id: string;
  step_index: number;
  checked_at: Instant;
  note: string;
  link: string;
}

export interface RunQuestionTable {
  id: string;
  workspace_id: string;
  run_id: string;
  step_index: number;
  question: string;
  asked_at: Instant;
  answer: string | null;
  answered_at: Instant | null;
  answered_by: string | null;
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
  worth_profiles: WorthProfileTable;
  task_areas: TaskAreaTable;
  barter_skills: BarterSkillTable;
  audit_tasks: AuditTaskTable;
  sites: SiteTable;
  funnel_periods: FunnelPeriodTable;
  budget_plans: BudgetPlanTable;
  sop_settings: SopSettingsTable;
  sops: SopTable;
  sop_versions: SopVersionTable;
  sop_images: SopImageTable;
  sop_shares: SopShareTable;
  checklist_runs: ChecklistRunTable;
  run_steps: RunStepTable;
  run_questions: RunQuestionTable;
  schema_migrations: SchemaMigrationTable;
}
