import type { Kysely } from "kysely";
import type { Database } from "../db/tables.ts";
import type { ContractSnapshot, ContractorSnapshot, MilestoneSnapshot } from "./sweep-rules.ts";

type Db = Kysely<Database>;

export interface Member {
  userId: string;
  email: string;
  role: "owner" | "manager" | "contractor";
  timeZone: string;
}

export async function workspaceIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("workspaces").select("id").orderBy("id").execute();
  return rows.map((row) => row.id);
}

/** Everyone in the workspace who can still sign in. */
export async function membersOf(db: Db, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "email", "role", "time_zone"])
    .where("workspace_id", "=", workspaceId)
    .where("deactivated_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    role: row.role,
    timeZone: row.time_zone,
  }));
}

/** Contracts sent or running, the only ones anything is due on. */
export async function liveContracts(db: Db, workspaceId: string): Promise<ContractSnapshot[]> {
  const rows = await db
    .selectFrom("contracts")
    .select(["id", "title", "status", "version", "sent_at", "contractor_id"])
    .where("workspace_id", "=", workspaceId)
    .where("status", "in", ["sent", "active"])
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status as ContractSnapshot["status"],
    version: row.version,
    sentAt: row.sent_at,
    contractorId: row.contractor_id,
  }));
}

/** The contractors with a live contract, with the portal account their email links. */
export async function contractorsOf(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
  members: readonly Member[],
): Promise<ContractorSnapshot[]> {
  if (contractorIds.length === 0) return [];
  const rows = await db
    .selectFrom("contractors")
    .select(["id", "name", "email", "time_zone", "day_start", "day_end", "working_days"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...contractorIds])
    .orderBy("id")
    .execute();
  const accounts = new Map(
    members
      .filter((member) => member.role === "contractor")
      .map((member) => [member.email.toLowerCase(), member]),
  );
  return rows.map((row) => {
    const account = accounts.get(row.email.toLowerCase());
    return {
      id: row.id,
      name: row.name,
      week: {
        timeZone: row.time_zone,
        dayStart: row.day_start,
        dayEnd: row.day_end,
        workingDays: JSON.parse(row.working_days) as number[],
      },
      user: account ? { userId: account.userId } : null,
    };
  });
}

/** Milestones of running contracts still waiting on someone. */
export async function waitingMilestones(
  db: Db,
  workspaceId: string,
  contractIds: readonly string[],
): Promise<MilestoneSnapshot[]> {
  if (contractIds.length === 0) return [];
  const rows = await db
    .selectFrom("milestones")
    .select(["id", "contract_id", "title", "due_date", "status", "submitted_at"])
    .where("workspace_id", "=", workspaceId)
    .where("contract_id", "in", [...contractIds])
    .where("status", "in", ["open", "submitted", "sent_back"])
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    contractId: row.contract_id,
    title: row.title,
    dueDate: row.due_date,
    status: row.status,
    submittedAt: row.submitted_at,
  }));
}
