import type { ReportDue } from "./sweep-rules.ts";

/**
 * What a person's calendar feed holds: milestone due dates and contract ends as all-day
 * events, the next report as a short event ending at its due time. Pure: the service reads
 * the rows and renders the events as iCalendar.
 */

const REPORT_EVENT_MS = 30 * 60_000;

export interface FeedContract {
  id: string;
  title: string;
  endDate: string | null;
  contractorId: string;
  contractorName: string;
}

export interface FeedMilestone {
  id: string;
  contractId: string;
  title: string;
  dueDate: string;
  status: string;
}

export type FeedEvent = {
  /** Stable across fetches, so calendar apps update an event instead of adding another. */
  uid: string;
  summary: string;
  description: string;
  /** Path in the app. */
  link: string;
} & ({ allDay: true; date: string } | { allDay: false; start: number; end: number });

export interface FeedInput {
  /** Staff see every contract and name the contractor; a contractor sees their own. */
  staff: boolean;
  contracts: readonly FeedContract[];
  milestones: readonly FeedMilestone[];
  reportDues: readonly ReportDue[];
}

const doneStatuses = new Set(["accepted", "released"]);

export function feedEvents(input: FeedInput): FeedEvent[] {
  const contracts = new Map(input.contracts.map((contract) => [contract.id, contract]));
  const linkOf = (contractId: string) =>
    input.staff ? `/contracts/${contractId}` : `/portal/contracts/${contractId}`;
  const whose = (contract: FeedContract) => (input.staff ? ` — ${contract.contractorName}` : "");
  const events: FeedEvent[] = [];
  for (const milestone of input.milestones) {
    const contract = contracts.get(milestone.contractId);
    if (!contract) continue;
    const done = doneStatuses.has(milestone.status);
    events.push({
      uid: `milestone-${milestone.id}`,
      summary: `${done ? "Delivered" : "Due"}: ${milestone.title}${whose(contract)}`,
      description: `Milestone of “${contract.title}”.`,
      link: linkOf(contract.id),
      allDay: true,
      date: milestone.dueDate,
    });
  }
  for (const contract of input.contracts) {
    if (contract.endDate === null) continue;
    events.push({
      uid: `contract-end-${contract.id}`,
      summary: `Contract ends: ${contract.title}${whose(contract)}`,
      description: "The last day of the contract.",
      link: linkOf(contract.id),
      allDay: true,
      date: contract.endDate,
    });
  }
  const names = new Map(input.contracts.map((c) => [c.contractorId, c.contractorName]));
  for (const report of input.reportDues) {
    const name = names.get(report.contractorId);
    if (name === undefined) continue;
    events.push({
      uid: `report-${report.contractorId}-${report.dueAt}`,
      summary: input.staff ? `Progress report due — ${name}` : "Progress report due",
      description: "The report is due at the end of this event.",
      link: input.staff ? `/people/${report.contractorId}` : "/portal",
      allDay: false,
      start: report.dueAt - REPORT_EVENT_MS,
      end: report.dueAt,
    });
  }
  return events;
}
