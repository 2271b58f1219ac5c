import { sql, type Kysely } from "kysely";
import { createIndex, workspaceTable } from "./shape.ts";

/**
 * Contracts and money: contracts with their milestones (and the timesheet weeks and
 * retainer months that are paid the same way), the contractor's acceptance of the exact
 * text, time entries, barter agreements, the append-only double-entry ledger and the
 * idempotency keys that keep a repeated money request from moving money twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;

  await schema
    .createTable("contract_settings")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id"))
    .addColumn("huge_contract_amount", "bigint", (c) => c.notNull())
    .addColumn("max_share_basis_points", "integer", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await workspaceTable(schema, "contracts")
    .addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
    .addColumn("area_id", "text", (c) => c.references("task_areas.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("deliverables", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("work_ownership", "text", (c) => c.notNull())
    .addColumn("confidentiality", "text", (c) => c.notNull())
    .addColumn("report_cadence", "text", (c) => c.notNull())
    .addColumn("notice_days", "integer", (c) => c.notNull())
    .addColumn("payment_kind", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("total_amount", "bigint")
    .addColumn("hourly_rate", "bigint")
    .addColumn("weekly_cap_minutes", "integer")
    .addColumn("retainer_amount", "bigint")
    .addColumn("discount_after", "integer")
    .addColumn("discount_basis_points", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("guard_flags", "text", (c) => c.notNull())
    .addColumn("guard_reason", "text")
    .addColumn("end_reason", "text")
    .addColumn("sent_at", "bigint")
    .addColumn("accepted_at", "bigint")
    .addColumn("finished_at", "bigint")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "contracts_status", "contracts", [
    "workspace_id",
    "status",
    "created_at",
  ]);
  await createIndex(schema, "contracts_contractor", "contracts", ["workspace_id", "contractor_id"]);

  await workspaceTable(schema, "contract_procedures")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("sop_id", "text", (c) => c.notNull().references("sops.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "contract_procedures_sop",
    "contract_procedures",
    ["workspace_id", "contract_id", "sop_id"],
    true,
  );

  await workspaceTable(schema, "contract_acceptances")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("typed_name", "text", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("text_hash", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("accepted_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "contract_acceptances_version",
    "contract_acceptances",
    ["workspace_id", "contract_id", "version"],
    true,
  );

  await workspaceTable(schema, "milestones")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("deliverable", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("period", "text")
    .addColumn("minutes", "integer")
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("list_amount", "bigint")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("submitted_at", "bigint")
    .addColumn("accepted_at", "bigint")
    .addColumn("released_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "milestones_contract", "milestones", [
    "workspace_id",
    "contract_id",
    "position",
  ]);
  await createIndex(
    schema,
    "milestones_period",
    "milestones",
    ["workspace_id", "contract_id", "kind", "period"],
    true,
  );
  await createIndex(schema, "milestones_status", "milestones", [
    "workspace_id",
    "status",
    "due_date",
  ]);

  await workspaceTable(schema, "submissions")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("milestone_id", "text", (c) => c.notNull().references("milestones.id"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("links", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "bigint", (c) => c.notNull())
    .addColumn("decision", "text")
    .addColumn("feedback", "text")
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "bigint")
    .execute();
  await createIndex(schema, "submissions_milestone", "submissions", [
    "workspace_id",
    "milestone_id",
    "submitted_at",
  ]);

  await workspaceTable(schema, "time_entries")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("work_date", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("milestone_id", "text", (c) => c.references("milestones.id"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "time_entries_contract", "time_entries", [
    "workspace_id",
    "contract_id",
    "work_date",
  ]);

  await workspaceTable(schema, "barters")
    .addColumn("partner", "text", (c) => c.notNull())
    .addColumn("contractor_id", "text", (c) => c.references("contractors.id"))
    .addColumn("gives", "text", (c) => c.notNull())
    .addColumn("gets", "text", (c) => c.notNull())
    .addColumn("gives_value", "bigint", (c) => c.notNull())
    .addColumn("gets_value", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .execute();
  await createIndex(schema, "barters_status", "barters", ["workspace_id", "status"]);

  await workspaceTable(schema, "ledger_accounts")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("contractor_id", "text", (c) => c.references("contractors.id"))
    .addColumn("barter_id", "text", (c) => c.references("barters.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "ledger_accounts_key",
    "ledger_accounts",
    ["workspace_id", "key"],
    true,
  );

  await workspaceTable(schema, "ledger_transactions")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("milestone_id", "text", (c) => c.references("milestones.id"))
    .addColumn("contractor_id", "text", (c) => c.references("contractors.id"))
    .addColumn("barter_id", "text", (c) => c.references("barters.id"))
    .addColumn("memo", "text", (c) => c.notNull())
    .addColumn("method", "text")
    .addColumn("reference", "text")
    .addColumn("paid_on", "text")
    .addColumn("reverses_id", "text", (c) => c.references("ledger_transactions.id"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "ledger_transactions_time", "ledger_transactions", [
    "workspace_id",
    "created_at",
  ]);
  await createIndex(schema, "ledger_transactions_contractor", "ledger_transactions", [
    "workspace_id",
    "contractor_id",
    "created_at",
  ]);
  await createIndex(schema, "ledger_transactions_contract", "ledger_transactions", [
    "workspace_id",
    "contract_id",
  ]);
  // The database itself refuses a second release of the same work, whatever the app does.
  await schema
    .createIndex("ledger_transactions_one_release")
    .on("ledger_transactions")
    .columns(["workspace_id", "milestone_id"])
    .unique()
    .where(sql.ref("kind"), "=", "release")
    .execute();
  // A movement is reversed at most once.
  await schema
    .createIndex("ledger_transactions_one_reversal")
    .on("ledger_transactions")
    .columns(["workspace_id", "reverses_id"])
    .unique()
    .where(sql.ref("reverses_id"), "is not", null)
    .execute();

  await workspaceTable(schema, "ledger_entries")
    .addColumn("transaction_id", "text", (c) => c.notNull().references("ledger_transactions.id"))
    .addColumn("account_id", "text", (c) => c.notNull().references("ledger_accounts.id"))
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(schema, "ledger_entries_account", "ledger_entries", [
    "workspace_id",
    "account_id",
  ]);
  await createIndex(schema, "ledger_entries_transaction", "ledger_entries", [
    "workspace_id",
    "transaction_id",
  ]);

  await workspaceTable(schema, "idempotency_keys")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status_code", "integer", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await createIndex(
    schema,
    "idempotency_keys_key",
    "idempotency_keys",
    ["workspace_id", "key"],
    true,
  );
}
