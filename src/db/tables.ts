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
  /** Open while worked and after a send-back; accepted after review. */
  status: "open" | "submitted" | "accepted";
  started_at: Instant;
  submitted_at: Instant | null;
  created_by: string;
}

/** A decision on a handed-in checklist run; ratings are given on accept. Never changed. */
export interface RunReviewTable {
  id: string;
  workspace_id: string;
  run_id: string;
  /** The hand-in decided: the run's `submitted_at` then. */
  submitted_at: Instant;
  decision: "accepted" | "sent_back";
  feedback: string | null;
  quality: number | null;
  timeliness: number | null;
  communication: number | null;
  decided_by: string;
  decided_at: Instant;
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

export interface PeopleSettingsTable {
  workspace_id: string;
  /** The lowest skill level (1–5) that counts someone as able to do an area's work. */
  min_skill_level: number;
  /** The owner's working day, "HH:MM" in the workspace time zone; used for time-zone overlap. */
  owner_day_start: string;
  owner_day_end: string;
  /**
   * JSON object: currency code → how many workspace-currency units one unit of that
   * currency is worth, in millionths (1.08 → 1,080,000). The owner keeps it; Handoff
   * fetches nothing.
   */
  exchange_rates: string;
  updated_at: Instant;
}

export interface ChannelTable {
  id: string;
  workspace_id: string;
  name: string;
  /** What the channel charges per hire or payment: 1,000 = 10.00 %. */
  fee_basis_points: number;
  position: number;
  archived_at: Instant | null;
  created_at: Instant;
}

export type ContractorStatus = "candidate" | "active" | "paused" | "ended";
export type ContactMethod = "email" | "phone" | "chat";

export interface ContractorTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Lower-cased; unique in the workspace. Links the record to a portal account with the same email. */
  email: string;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  time_zone: string;
  /** "HH:MM" in the contractor's time zone. */
  day_start: string;
  day_end: string;
  /** JSON array of ISO weekdays, 1 = Monday … 7 = Sunday. */
  working_days: string;
  contact_method: ContactMethod;
  phone: string | null;
  chat_handle: string | null;
  /** Minor units of `rate_currency`. */
  hourly_rate: number | null;
  project_rate: number | null;
  rate_currency: string;
  channel_id: string | null;
  /** The owner's own notes; never shown to the contractor. */
  notes: string;
  status: ContractorStatus;
  created_at: Instant;
  updated_at: Instant;
}

export interface ContractorSkillTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  /** Skill areas are the task audit's areas. */
  area_id: string;
  level: number;
  verified: Flag;
}

export interface RateChangeTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  hourly_rate: number | null;
  project_rate: number | null;
  currency: string;
  changed_at: Instant;
  /** Null when the change came from a command-line import. */
  changed_by: string | null;
}

export type OpeningStatus = "open" | "closed";

export interface OpeningTable {
  id: string;
  workspace_id: string;
  title: string;
  area_id: string | null;
  sop_id: string | null;
  job_post: string;
  status: OpeningStatus;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  closed_at: Instant | null;
}

export type PipelineStage =
  "sourced" | "screening" | "interview" | "test_project" | "hired" | "rejected";

export interface CandidacyTable {
  id: string;
  workspace_id: string;
  opening_id: string;
  contractor_id: string;
  stage: PipelineStage;
  /** Order within the stage's column on the board. */
  position: number;
  rejection_reason: string | null;
  stage_changed_at: Instant;
  hired_at: Instant | null;
  created_at: Instant;
}

export interface CandidateSampleTable {
  id: string;
  workspace_id: string;
  candidacy_id: string;
  title: string;
  /** A link, or else an uploaded file below. */
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  data_base64: string | null;
  created_at: Instant;
}

export interface CandidateReferenceTable {
  id: string;
  workspace_id: string;
  candidacy_id: string;
  name: string;
  contact: string;
  contacted: Flag;
  said: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface ReviewCheckTable {
  id: string;
  workspace_id: string;
  candidacy_id: string;
  /** Where the reviews were read, e.g. an Upwork profile. */
  source: string;
  summary: string;
  created_at: Instant;
}

export interface InterviewTable {
  id: string;
  workspace_id: string;
  candidacy_id: string;
  /** YYYY-MM-DD. */
  held_on: string;
  /** JSON array of { question, answer }. */
  questions: string;
  notes: string;
  created_at: Instant;
  updated_at: Instant;
}

export type ScorecardCriterion =
  "communication" | "professionalism" | "samples" | "references" | "reviews" | "test_project";

export interface ScorecardScoreTable {
  id: string;
  workspace_id: string;
  candidacy_id: string;
  criterion: ScorecardCriterion;
  score: number;
  note: string;
  updated_at: Instant;
  updated_by: string;
}

export interface ContractSettingsTable {
  workspace_id: string;
  /** A contract above this value (workspace currency) is flagged before it is sent. */
  huge_contract_amount: number;
  /** The most of the open contract value (or of one area's) one person should hold. */
  max_share_basis_points: number;
  updated_at: Instant;
}

export type ContractStatus = "draft" | "sent" | "active" | "completed" | "ended";
export type PaymentKind = "fixed" | "hourly" | "retainer";
export type ReportCadence = "daily" | "weekly";

export interface ContractTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  /** The skill area the work is in, for the concentration guard. */
  area_id: string | null;
  title: string;
  /** Markdown. */
  scope: string;
  /** Markdown. */
  deliverables: string;
  /** YYYY-MM-DD. */
  start_date: string;
  end_date: string | null;
  work_ownership: string;
  confidentiality: string;
  report_cadence: ReportCadence;
  notice_days: number;
  payment_kind: PaymentKind;
  currency: string;
  /** Fixed price: the total the milestones sum to. */
  total_amount: number | null;
  hourly_rate: number | null;
  weekly_cap_minutes: number | null;
  /** Retainer: the amount per month. */
  retainer_amount: number | null;
  /** Volume discount: after this many hours, milestones or months… */
  discount_after: number | null;
  /** …the rate drops by this much (basis points). */
  discount_basis_points: number | null;
  status: ContractStatus;
  /** Increments on every change of the text, so an acceptance names what it accepted. */
  version: number;
  /** JSON array of the huge-project flags seen when it was sent. */
  guard_flags: string;
  /** The owner's written reason for going on despite the flags. */
  guard_reason: string | null;
  end_reason: string | null;
  sent_at: Instant | null;
  accepted_at: Instant | null;
  /** Completed or ended early. */
  finished_at: Instant | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface ContractProcedureTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  sop_id: string;
  position: number;
}

export interface ContractAcceptanceTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  version: number;
  user_id: string;
  typed_name: string;
  /** The exact text accepted. */
  document: string;
  /** SHA-256 (hex) of `document`. */
  text_hash: string;
  ip: string;
  user_agent: string;
  accepted_at: Instant;
}

/** A fixed-price milestone, or an hourly contract's week, or a retainer's month. */
export type MilestoneKind = "milestone" | "timesheet" | "retainer";
export type MilestoneStatus = "open" | "submitted" | "sent_back" | "accepted" | "released";

export interface MilestoneTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  kind: MilestoneKind;
  position: number;
  title: string;
  deliverable: string;
  /** YYYY-MM-DD in the contractor's time zone. */
  due_date: string | null;
  /** Timesheet: the week's Monday (YYYY-MM-DD); retainer: the month (YYYY-MM). */
  period: string | null;
  /** Timesheet: the minutes the week's entries add up to. */
  minutes: number | null;
  amount: number;
  status: MilestoneStatus;
  submitted_at: Instant | null;
  accepted_at: Instant | null;
  released_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SubmissionTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  milestone_id: string;
  note: string;
  /** JSON array of URLs. */
  links: string;
  submitted_by: string;
  submitted_at: Instant;
  decision: "accepted" | "sent_back" | null;
  feedback: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
}

export interface TimeEntryTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  /** YYYY-MM-DD in the contractor's time zone. */
  work_date: string;
  minutes: number;
  description: string;
  /** The timesheet week it was submitted in; null while the week is open. */
  milestone_id: string | null;
  created_by: string;
  created_at: Instant;
}

export interface BarterTable {
  id: string;
  workspace_id: string;
  partner: string;
  contractor_id: string | null;
  /** What the owner gives. */
  gives: string;
  /** What the owner gets. */
  gets: string;
  gives_value: number;
  gets_value: number;
  currency: string;
  notes: string;
  status: "active" | "closed";
  created_at: Instant;
  updated_at: Instant;
  closed_at: Instant | null;
}

export type LedgerAccountKind =
  "funds" | "escrow" | "payable" | "paid_out" | "barter_owed" | "barter_given" | "barter_received";

export interface LedgerAccountTable {
  id: string;
  workspace_id: string;
  /** kind, what it belongs to and currency, e.g. "escrow:<contract id>:USD"; unique. */
  key: string;
  kind: LedgerAccountKind;
  currency: string;
  contract_id: string | null;
  contractor_id: string | null;
  barter_id: string | null;
  created_at: Instant;
}

export type LedgerTransactionKind =
  "fund" | "release" | "payout" | "refund" | "bonus" | "barter" | "reversal";

export interface LedgerTransactionTable {
  id: string;
  workspace_id: string;
  kind: LedgerTransactionKind;
  currency: string;
  /** The size of the movement, positive; the entries carry the signs. */
  amount: number;
  contract_id: string | null;
  milestone_id: string | null;
  contractor_id: string | null;
  barter_id: string | null;
  memo: string;
  /** Payouts: how and where the money was sent, and on which day. */
  method: string | null;
  reference: string | null;
  paid_on: string | null;
  reverses_id: string | null;
  created_by: string;
  created_at: Instant;
}

/** One side of a movement; a transaction's entries sum to zero per currency. */
export interface LedgerEntryTable {
  id: string;
  workspace_id: string;
  transaction_id: string;
  account_id: string;
  /** Signed minor units: positive adds to the account, negative takes from it. */
  amount: number;
  currency: string;
  created_at: Instant;
}

export interface IdempotencyKeyTable {
  id: string;
  workspace_id: string;
  key: string;
  user_id: string;
  /** SHA-256 of method, route and body: the same key with another request is refused. */
  request_hash: string;
  status_code: number;
  /** The JSON answered the first time, answered again on a replay. */
  response: string;
  created_at: Instant;
}

export interface WorkSettingsTable {
  workspace_id: string;
  /** On-time working days in a row before daily reports relax to weekly. */
  relax_after_days: number;
  /** Deliveries accepted without a send-back, also needed to relax. */
  relax_after_accepted: number;
  /** Missed reports and late milestones within the window that flag a contractor. */
  slip_limit: number;
  slip_window_days: number;
  /** How far back reliability is judged for the loyalty suggestion. */
  loyalty_window_days: number;
  updated_at: Instant;
}

export type AssignmentStatus = "open" | "done" | "cancelled";

export interface AssignmentTable {
  id: string;
  workspace_id: string;
  contract_id: string;
  contractor_id: string;
  /** A task from the audit, when the work is one. */
  task_id: string | null;
  /** The procedure version to follow, when there is one. */
  sop_version_id: string | null;
  title: string;
  notes: string;
  /** YYYY-MM-DD in the contractor's time zone. */
  due_date: string;
  expected_minutes: number;
  status: AssignmentStatus;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
}

export interface ProgressReportTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  done: string;
  next: string;
  blockers: string;
  minutes: number;
  /** JSON array of URLs. */
  links: string;
  /** The due instant this report answers, when one was due. */
  due_at: Instant | null;
  submitted_by: string;
  submitted_at: Instant;
  blocker_resolved_at: Instant | null;
  blocker_resolved_by: string | null;
}

export interface ReportReplyTable {
  id: string;
  workspace_id: string;
  report_id: string;
  author_id: string;
  body: string;
  created_at: Instant;
}

export type Cadence = "daily" | "weekly";

/** Append-only: each pin, and each removal (cadence null), is a row, so the history can be replayed. */
export interface CadencePinTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  cadence: Cadence | null;
  pinned_by: string;
  pinned_at: Instant;
}

/** 1–5 on each side of a delivery, given when it is accepted. */
export interface RatingTable {
  id: string;
  workspace_id: string;
  submission_id: string;
  contractor_id: string;
  quality: number;
  timeliness: number;
  communication: number;
  rated_by: string;
  rated_at: Instant;
}

export interface NotificationTable {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  /** What caused it, e.g. "report-missed:<contractor>:<due instant>"; unique per person. */
  cause_key: string;
  title: string;
  body: string;
  /** Where in the app to act on it. */
  link: string;
  created_at: Instant;
  read_at: Instant | null;
  emailed_at: Instant | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  workspace_id: string;
  /** JSON array of notification kinds also sent by email. */
  email_kinds: string;
  daily_digest: Flag;
  /** "HH:MM" in the person's time zone; no email between them. */
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: Instant;
}

export interface CalendarFeedTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** SHA-256 of the private URL's token; the token itself is never stored. */
  token_hash: string;
  created_at: Instant;
  revoked_at: Instant | null;
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
  run_reviews: RunReviewTable;
  people_settings: PeopleSettingsTable;
  channels: ChannelTable;
  contractors: ContractorTable;
  contractor_skills: ContractorSkillTable;
  rate_changes: RateChangeTable;
  openings: OpeningTable;
  candidacies: CandidacyTable;
  candidate_samples: CandidateSampleTable;
  candidate_references: CandidateReferenceTable;
  review_checks: ReviewCheckTable;
  interviews: InterviewTable;
  scorecard_scores: ScorecardScoreTable;
  contract_settings: ContractSettingsTable;
  contracts: ContractTable;
  contract_procedures: ContractProcedureTable;
  contract_acceptances: ContractAcceptanceTable;
  milestones: MilestoneTable;
  submissions: SubmissionTable;
  time_entries: TimeEntryTable;
  barters: BarterTable;
  ledger_accounts: LedgerAccountTable;
  ledger_transactions: LedgerTransactionTable;
  ledger_entries: LedgerEntryTable;
  idempotency_keys: IdempotencyKeyTable;
  work_settings: WorkSettingsTable;
  assignments: AssignmentTable;
  progress_reports: ProgressReportTable;
  report_replies: ReportReplyTable;
  cadence_pins: CadencePinTable;
  ratings: RatingTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  calendar_feeds: CalendarFeedTable;
  schema_migrations: SchemaMigrationTable;
}
