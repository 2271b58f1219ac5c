import type { Assignment, Report, Reply } from "./schema.ts";
import type { NamedAssignmentRow, ReportRow } from "./store.ts";

/** Rows of the work area as the API answers them. */

export function assignmentView(row: NamedAssignmentRow): Assignment {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractTitle: row.contract_title,
    contractorId: row.contractor_id,
    contractorName: row.contractor_name,
    taskId: row.task_id,
    taskName: row.task_name,
    sopVersionId: row.sop_version_id,
    sopTitle: row.sop_title,
    title: row.title,
    notes: row.notes,
    dueDate: row.due_date,
    expectedMinutes: row.expected_minutes,
    status: row.status,
    createdAt: Number(row.created_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

export function reportView(row: ReportRow, contractorName: string, replies: Reply[]): Report {
  return {
    id: row.id,
    contractorId: row.contractor_id,
    contractorName,
    done: row.done,
    next: row.next,
    blockers: row.blockers,
    minutes: row.minutes,
    links: JSON.parse(row.links) as string[],
    dueAt: row.due_at === null ? null : Number(row.due_at),
    submittedAt: Number(row.submitted_at),
    blockerResolvedAt: row.blocker_resolved_at === null ? null : Number(row.blocker_resolved_at),
    replies,
  };
}
