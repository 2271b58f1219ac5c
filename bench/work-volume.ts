// Work at scale for `npm run bench`: thousands of contractors under contract and hundreds of
// thousands of progress reports, written straight into the database in batches (going through
// the services would take longer than the measurement). The history is realistic enough for
// the cadence rules: each person reports on most working days, misses a few, and a tenth have
// a milestone overdue and another handed in for review.
import { uuidv7 } from "uuidv7";
import type { Insertable, Kysely } from "kysely";
import type { AppContext } from "../src/context.ts";
import type { Database } from "../src/db/tables.ts";
import {
  addDays,
  endOfWorkingDay,
  isWorkingDay,
  type WorkingWeek,
} from "../src/time/working-day.ts";
import { dateOf } from "../src/time/calendar.ts";

export interface WorkVolume {
  contractors: number;
  reports: number;
}

const DAY = 86_400_000;
const zones = [
  "Europe/Kyiv",
  "Asia/Kolkata",
  "America/New_York",
  "Pacific/Auckland",
  "Asia/Manila",
];
const BATCH_ROWS = 1_000;

async function insertBatched<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += BATCH_ROWS) {
      // Kysely's insert typing cannot follow a table chosen by a type parameter.
      await trx
        .insertInto(table)
        .values(rows.slice(start, start + BATCH_ROWS) as never)
        .execute();
    }
  });
}

/**
 * Adds `contractors` people to the workspace, each with an active hourly contract accepted
 * about `reportsEach` working days ago and a report on nearly every working day since.
 */
export async function addWorkVolume(
  ctx: AppContext,
  workspace: { id: string; ownerId: string },
  contractors: number,
  reportsEach: number,
): Promise<WorkVolume> {
  const now = ctx.now();
  const people: Insertable<Database["contractors"]>[] = [];
  const contracts: Insertable<Database["contracts"]>[] = [];
  const milestones: Insertable<Database["milestones"]>[] = [];
  const reports: Insertable<Database["progress_reports"]>[] = [];
  for (let index = 0; index < contractors; index += 1) {
    const id = uuidv7();
    const week: WorkingWeek = {
      timeZone: zones[index % zones.length] as string,
      dayStart: "09:00",
      dayEnd: "17:00",
      workingDays: [1, 2, 3, 4, 5],
    };
    people.push({
      id,
      workspace_id: workspace.id,
      name: `Bench person ${index + 1}`,
      email: `bench-${index + 1}@volume.example`,
      country: null,
      time_zone: week.timeZone,
      day_start: week.dayStart,
      day_end: week.dayEnd,
      working_days: JSON.stringify(week.workingDays),
      contact_method: "email",
      phone: null,
      chat_handle: null,
      hourly_rate: 2_000,
      project_rate: null,
      rate_currency: "USD",
      channel_id: null,
      notes: "",
      status: "active",
      created_at: now,
      updated_at: now,
    });
    // Working days back from yesterday, newest first, until `reportsEach` have a report:
    // every person misses one day in twenty-three, at a different point.
    const days: string[] = [];
    const reportDays: string[] = [];
    for (let date = addDays(dateOf(now, week.timeZone), -1); reportDays.length < reportsEach;) {
      if (isWorkingDay(date, week)) {
        if ((days.length + index) % 23 !== 0) reportDays.push(date);
        days.unshift(date);
      }
      date = addDays(date, -1);
    }
    const acceptedAt = endOfWorkingDay(addDays(days[0] as string, -1), week);
    const contractId = uuidv7();
    contracts.push({
      id: contractId,
      workspace_id: workspace.id,
      contractor_id: id,
      area_id: null,
      title: `Upkeep ${index + 1}`,
      scope: "Keep the shop running.",
      deliverables: "Daily upkeep.",
      start_date: days[0] as string,
      end_date: null,
      work_ownership: "business",
      confidentiality: "standard",
      report_cadence: "daily",
      notice_days: 7,
      payment_kind: "hourly",
      currency: "USD",
      total_amount: null,
      hourly_rate: 2_000,
      weekly_cap_minutes: 20 * 60,
      retainer_amount: null,
      discount_after: null,
      discount_basis_points: null,
      status: "active",
      version: 1,
      guard_flags: "[]",
      guard_reason: null,
      end_reason: null,
      sent_at: acceptedAt - DAY,
      accepted_at: acceptedAt,
      finished_at: null,
      created_by: workspace.ownerId,
      created_at: acceptedAt - 2 * DAY,
      updated_at: acceptedAt,
    });
    for (const date of reportDays) {
      const dueAt = endOfWorkingDay(date, week);
      reports.push({
        id: uuidv7(),
        workspace_id: workspace.id,
        contractor_id: id,
        done: "Answered the day's emails and updated the listings.",
        next: "More of the same.",
        blockers: "",
        minutes: 240,
        links: "[]",
        due_at: dueAt,
        submitted_by: workspace.ownerId,
        submitted_at: dueAt - 2 * 3_600_000,
        blocker_resolved_at: null,
        blocker_resolved_by: null,
      });
    }
    if (index % 10 === 0) {
      for (const [kind, status, dueDate] of [
        ["overdue", "open", addDays(dateOf(now, week.timeZone), -2)],
        ["review", "submitted", addDays(dateOf(now, week.timeZone), 3)],
      ] as const) {
        milestones.push({
          id: uuidv7(),
          workspace_id: workspace.id,
          contract_id: contractId,
          kind: "milestone",
          position: kind === "overdue" ? 1 : 2,
          title: kind === "overdue" ? "Spring listings" : "Summer listings",
          deliverable: "Listings",
          due_date: dueDate,
          period: null,
          minutes: null,
          amount: 10_000,
          status,
          submitted_at: status === "submitted" ? now - DAY : null,
          accepted_at: null,
          released_at: null,
          created_at: acceptedAt,
          updated_at: acceptedAt,
        });
      }
    }
  }
  await insertBatched(ctx.db, "contractors", people);
  await insertBatched(ctx.db, "contracts", contracts);
  await insertBatched(ctx.db, "milestones", milestones);
  await insertBatched(ctx.db, "progress_reports", reports);
  return { contractors: people.length, reports: reports.length };
}
