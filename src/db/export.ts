import type { Kysely } from "kysely";
import { schemaVersion } from "./migrate.ts";
import type { Database } from "./tables.ts";

/** Tables in an order that restores without breaking foreign keys. */
const tablesInOrder = [
  "workspaces",
  "users",
  "sessions",
  "api_tokens",
  "invites",
  "password_resets",
  "outbox",
  "worth_profiles",
  "task_areas",
  "barter_skills",
  "audit_tasks",
  "sites",
  "funnel_periods",
  "budget_plans",
  "sop_settings",
  "sops",
  "sop_versions",
  "sop_images",
  "sop_shares",
  "checklist_runs",
  "run_steps",
  "run_questions",
  "people_settings",
  "channels",
  "contractors",
  "contractor_skills",
  "rate_changes",
  "openings",
  "candidacies",
  "candidate_samples",
  "candidate_references",
  "review_checks",
  "interviews",
  "scorecard_scores",
  "contract_settings",
  "contracts",
  "contract_procedures",
  "contract_acceptances",
  "milestones",
  "submissions",
  "time_entries",
  "barters",
  "ledger_accounts",
  "ledger_transactions",
  "ledger_entries",
  "idempotency_keys",
  "work_settings",
  "assignments",
  "progress_reports",
  "report_replies",
  "cadence_pins",
  "ratings",
  "run_reviews",
  "notifications",
  "notification_preferences",
  "calendar_feeds",
] as const satisfies readonly (keyof Database)[];

export interface LogicalExport {
  format: "handoff-export";
  schemaVersion: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

/**
 * Every row of every table, read in one transaction so the export is consistent.
 * Restore by inserting table by table in the listed order into a database migrated to
 * the same schema version.
 */
export async function exportDatabase(db: Kysely<Database>): Promise<LogicalExport> {
  return db.transaction().execute(async (trx) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of tablesInOrder) {
      tables[table] = await trx.selectFrom(table).selectAll().execute();
    }
    return {
      format: "handoff-export",
      schemaVersion: await schemaVersion(trx),
      exportedAt: Date.now(),
      tables,
    };
  });
}
