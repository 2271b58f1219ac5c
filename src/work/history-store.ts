import type { Kysely } from "kysely";
import type { Cadence, Database } from "../db/tables.ts";

/**
 * The reporting history of contractors as the cadence rules read it: their reports, the
 * decisions on their deliveries, their milestones' due dates and the owner's pin. Read for
 * a whole set of contractors at once, so the scheduler's sweep costs a few queries per
 * workspace rather than a few per person.
 */
type Db = Kysely<Database>;

export interface ContractorWeekRow {
  id: string;
  name: string;
  email: string;
  time_zone: string;
  day_start: string;
  day_end: string;
  working_days: string;
}

/** Contractors (status active) with at least one active contract. */
export function activeContractorsUnderContract(
  db: Db,
  workspaceId: string,
): Promise<ContractorWeekRow[]> {
  return db
    .selectFrom("contractors as p")
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.time_zone",
      "p.day_start",
      "p.day_end",
      "p.working_days",
    ])
    .where("p.workspace_id", "=", workspaceId)
    .where("p.status", "=", "active")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("contracts as c")
          .select("c.id")
          .whereRef("c.contractor_id", "=", "p.id")
          .whereRef("c.workspace_id", "=", "p.workspace_id")
          .where("c.status", "=", "active"),
      ),
    )
    .orderBy("p.name")
    .orderBy("p.id")
    .execute();
}

/** When each contractor started reporting: the first time one of their contracts was accepted. */
export async function reportingStarts(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<Map<string, number>> {
  if (contractorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("contracts")
    .select(["contractor_id", (eb) => eb.fn.min("accepted_at").as("started_at")])
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "in", contractorIds)
    .where("accepted_at", "is not", null)
    .groupBy("contractor_id")
    .execute();
  return new Map(rows.map((row) => [row.contractor_id, Number(row.started_at)]));
}

export interface ReportTally {
  count: number;
  latest: number;
}

/**
 * How many reports each contractor has sent and when the latest came in: read from the index
 * alone, a fraction of the cost of reading every report, and enough to tell whether the reports
 * remembered for someone are still all of them (reports are only ever added).
 */
export async function reportTallies(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<Map<string, ReportTally>> {
  if (contractorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("progress_reports")
    .select([
      "contractor_id",
      (eb) => eb.fn.countAll().as("count"),
      (eb) => eb.fn.max("submitted_at").as("latest"),
    ])
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "in", contractorIds)
    .groupBy("contractor_id")
    .execute();
  return new Map(
    rows.map((row) => [
      row.contractor_id,
      { count: Number(row.count), latest: Number(row.latest) },
    ]),
  );
}

export async function reportTimes(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<{ contractor_id: string; submitted_at: number }[]> {
  if (contractorIds.length === 0) return [];
  return db
    .selectFrom("progress_reports")
    .select(["contractor_id", "submitted_at"])
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "in", contractorIds)
    .execute();
}

export interface ReviewRow {
  contractor_id: string;
  kind: "milestone" | "run";
  /** The milestone or checklist run decided. */
  delivery_id: string;
  title: string;
  decision: "accepted" | "sent_back";
  feedback: string | null;
  decided_at: number;
  quality: number | null;
  timeliness: number | null;
  communication: number | null;
}

/**
 * Every decision on a delivery of the contractors, with its rating if any: milestone
 * submissions under their contracts and their checklist runs (a run belongs to a portal
 * account, matched to the contractor by email as the portal does).
 */
export async function reviewsOf(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<ReviewRow[]> {
  if (contractorIds.length === 0) return [];
  const [milestones, runs] = await Promise.all([
    db
      .selectFrom("submissions as s")
      .innerJoin("contracts as c", (join) =>
        join.onRef("c.id", "=", "s.contract_id").onRef("c.workspace_id", "=", "s.workspace_id"),
      )
      .innerJoin("milestones as m", (join) =>
        join.onRef("m.id", "=", "s.milestone_id").onRef("m.workspace_id", "=", "s.workspace_id"),
      )
      .leftJoin("ratings as r", (join) =>
        join.onRef("r.submission_id", "=", "s.id").onRef("r.workspace_id", "=", "s.workspace_id"),
      )
      .select([
        "c.contractor_id",
        "m.id as delivery_id",
        "m.title",
        "s.decision",
        "s.feedback",
        "s.decided_at",
        "r.quality",
        "r.timeliness",
        "r.communication",
      ])
      .where("s.workspace_id", "=", workspaceId)
      .where("c.contractor_id", "in", contractorIds)
      .where("s.decision", "is not", null)
      .where("s.decided_at", "is not", null)
      .execute(),
    db
      .selectFrom("run_reviews as rr")
      .innerJoin("checklist_runs as cr", (join) =>
        join.onRef("cr.id", "=", "rr.run_id").onRef("cr.workspace_id", "=", "rr.workspace_id"),
      )
      .innerJoin("sop_versions as v", (join) =>
        join.onRef("v.id", "=", "cr.version_id").onRef("v.workspace_id", "=", "cr.workspace_id"),
      )
      .innerJoin("users as u", (join) =>
        join.onRef("u.id", "=", "cr.contractor_id").onRef("u.workspace_id", "=", "cr.workspace_id"),
      )
      .innerJoin("contractors as p", (join) =>
        join.onRef("p.email", "=", "u.email").onRef("p.workspace_id", "=", "u.workspace_id"),
      )
      .select([
        "p.id as contractor_id",
        "cr.id as delivery_id",
        "v.title",
        "rr.decision",
        "rr.feedback",
        "rr.decided_at",
        "rr.quality",
        "rr.timeliness",
        "rr.communication",
      ])
      .where("rr.workspace_id", "=", workspaceId)
      .where("p.id", "in", contractorIds)
      .execute(),
  ]);
  return [
    ...milestones.map((row) => ({ ...row, kind: "milestone" as const })),
    ...runs.map((row) => ({ ...row, kind: "run" as const })),
  ].map((row) => ({
    ...row,
    decision: row.decision as ReviewRow["decision"],
    decided_at: Number(row.decided_at),
  }));
}

export interface MilestoneDueRow {
  contractor_id: string;
  title: string;
  due_date: string;
  first_submitted_at: number | null;
}

/** Milestones with a due date, each with its first submission (a resubmission is not on time). */
export async function milestonesDue(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<MilestoneDueRow[]> {
  if (contractorIds.length === 0) return [];
  const rows = await db
    .selectFrom("milestones as m")
    .innerJoin("contracts as c", (join) =>
      join.onRef("c.id", "=", "m.contract_id").onRef("c.workspace_id", "=", "m.workspace_id"),
    )
    .select((eb) => [
      "c.contractor_id",
      "m.title",
      "m.due_date",
      eb
        .selectFrom("submissions as s")
        .select((inner) => inner.fn.min("s.submitted_at").as("first"))
        .whereRef("s.milestone_id", "=", "m.id")
        .whereRef("s.workspace_id", "=", "m.workspace_id")
        .as("first_submitted_at"),
    ])
    .where("m.workspace_id", "=", workspaceId)
    .where("c.contractor_id", "in", contractorIds)
    .where("m.due_date", "is not", null)
    .where("c.status", "!=", "draft")
    .execute();
  return rows.map((row) => ({
    contractor_id: row.contractor_id,
    title: row.title,
    due_date: row.due_date as string,
    first_submitted_at: row.first_submitted_at === null ? null : Number(row.first_submitted_at),
  }));
}

export function pinsOf(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<{ contractor_id: string; cadence: Cadence | null; pinned_at: number }[]> {
  if (contractorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("cadence_pins")
    .select(["contractor_id", "cadence", "pinned_at"])
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "in", contractorIds)
    .orderBy("pinned_at")
    .orderBy("id")
    .execute();
}

/** The portal accounts of contractors, matched by email as the portal does. */
export async function portalAccounts(
  db: Db,
  workspaceId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "contractor")
    .where("deactivated_at", "is", null)
    .where("email", "in", emails)
    .execute();
  return new Map(rows.map((row) => [row.email, row.id]));
}

export async function hasActiveContract(
  db: Db,
  workspaceId: string,
  contractorId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("contracts")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "=", contractorId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return row !== undefined;
}
