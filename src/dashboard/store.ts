import type { Kysely } from "kysely";
import type { Database } from "../db/tables.ts";

/**
 * What the dashboard reads across areas in one pass each: only the rows that need someone
 * now (waiting milestones, submitted work, unanswered contracts), never a whole history.
 */
type Db = Kysely<Database>;

export interface MilestoneToDeliverRow {
  id: string;
  title: string;
  status: "open" | "sent_back";
  due_date: string | null;
  contract_id: string;
  contract_title: string;
  contractor_id: string;
  contractor_name: string;
  time_zone: string;
  day_start: string;
  day_end: string;
  working_days: string;
}

/**
 * Milestones of running contracts still to be handed in (open or sent back): those due on or
 * before `dueBy`, and with `sentBack` every sent-back one whatever its date.
 */
export async function milestonesToDeliver(
  db: Db,
  workspaceId: string,
  filter: { dueBy: string; contractorId?: string; sentBack?: boolean },
): Promise<MilestoneToDeliverRow[]> {
  let select = db
    .selectFrom("milestones as m")
    .innerJoin("contracts as c", (join) =>
      join.onRef("c.id", "=", "m.contract_id").onRef("c.workspace_id", "=", "m.workspace_id"),
    )
    .innerJoin("contractors as p", (join) =>
      join.onRef("p.id", "=", "c.contractor_id").onRef("p.workspace_id", "=", "c.workspace_id"),
    )
    .select([
      "m.id",
      "m.title",
      "m.status",
      "m.due_date",
      "c.id as contract_id",
      "c.title as contract_title",
      "p.id as contractor_id",
      "p.name as contractor_name",
      "p.time_zone",
      "p.day_start",
      "p.day_end",
      "p.working_days",
    ])
    .where("m.workspace_id", "=", workspaceId)
    .where("c.status", "=", "active")
    .where("m.status", "in", ["open", "sent_back"])
    .where((eb) => {
      const due = eb.and([eb("m.due_date", "is not", null), eb("m.due_date", "<=", filter.dueBy)]);
      return filter.sentBack ? eb.or([due, eb("m.status", "=", "sent_back")]) : due;
    });
  if (filter.contractorId) select = select.where("c.contractor_id", "=", filter.contractorId);
  const rows = await select.orderBy("m.due_date").orderBy("m.id").execute();
  return rows.map((row) => ({ ...row, status: row.status as MilestoneToDeliverRow["status"] }));
}

/** Handed-in milestones of running contracts, waiting for the owner's decision. */
export function submittedMilestones(db: Db, workspaceId: string) {
  return db
    .selectFrom("milestones as m")
    .innerJoin("contracts as c", (join) =>
      join.onRef("c.id", "=", "m.contract_id").onRef("c.workspace_id", "=", "m.workspace_id"),
    )
    .innerJoin("contractors as p", (join) =>
      join.onRef("p.id", "=", "c.contractor_id").onRef("p.workspace_id", "=", "c.workspace_id"),
    )
    .select([
      "m.id",
      "m.title",
      "m.kind",
      "m.submitted_at",
      "c.id as contract_id",
      "c.title as contract_title",
      "p.name as contractor_name",
    ])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.status", "=", "submitted")
    .where("c.status", "=", "active")
    .orderBy("m.submitted_at")
    .orderBy("m.id")
    .execute();
}

/** Checklist runs handed in, with the procedure's title and who ran it. */
export function submittedRuns(db: Db, workspaceId: string) {
  return db
    .selectFrom("checklist_runs as r")
    .innerJoin("sop_versions as v", (join) =>
      join.onRef("v.id", "=", "r.version_id").onRef("v.workspace_id", "=", "r.workspace_id"),
    )
    .innerJoin("users as u", (join) =>
      join.onRef("u.id", "=", "r.contractor_id").onRef("u.workspace_id", "=", "r.workspace_id"),
    )
    .select(["r.id", "r.sop_id", "r.submitted_at", "v.title", "u.name as contractor_name"])
    .where("r.workspace_id", "=", workspaceId)
    .where("r.status", "=", "submitted")
    .orderBy("r.submitted_at")
    .orderBy("r.id")
    .execute();
}

/** Contracts sent and not accepted yet, oldest first. */
export function sentContracts(db: Db, workspaceId: string) {
  return db
    .selectFrom("contracts as c")
    .innerJoin("contractors as p", (join) =>
      join.onRef("p.id", "=", "c.contractor_id").onRef("p.workspace_id", "=", "c.workspace_id"),
    )
    .select(["c.id", "c.title", "c.sent_at", "p.name as contractor_name"])
    .where("c.workspace_id", "=", workspaceId)
    .where("c.status", "=", "sent")
    .orderBy("c.sent_at")
    .orderBy("c.id")
    .execute();
}

export async function hasContractors(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("contractors")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
