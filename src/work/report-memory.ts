import type { Kysely } from "kysely";
import type { Database } from "../db/tables.ts";
import * as history from "./history-store.ts";
import type { ProgressReport } from "./rules.ts";

/**
 * Every contractor's report times, remembered between reads. The cadence of thousands of
 * people is worked out from hundreds of thousands of reports on every dashboard read and
 * every sweep; reading them all each time is most of that work. Reports are only ever added,
 * so while someone's count and latest time are unchanged their remembered times are still
 * all of them, and only people with new reports are read again.
 */

interface Remembered extends history.ReportTally {
  reports: ProgressReport[];
}

const remembered = new Map<string, Remembered>();
/** Enough for every contractor of a large workspace; past it the memory simply starts over. */
const MAX_REMEMBERED = 20_000;

/** Each contractor's reports as the cadence rules read them; someone with none is absent. */
export async function reportsOf(
  db: Kysely<Database>,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<Map<string, ProgressReport[]>> {
  const tallies = await history.reportTallies(db, workspaceId, contractorIds);
  const reports = new Map<string, ProgressReport[]>();
  const stale: string[] = [];
  for (const [contractorId, tally] of tallies) {
    const known = remembered.get(contractorId);
    if (known && known.count === tally.count && known.latest === tally.latest)
      reports.set(contractorId, known.reports);
    else stale.push(contractorId);
  }
  if (stale.length === 0) return reports;

  for (const contractorId of stale) reports.set(contractorId, []);
  for (const row of await history.reportTimes(db, workspaceId, stale)) {
    reports.get(row.contractor_id)?.push({ submittedAt: Number(row.submitted_at) });
  }
  if (remembered.size + stale.length > MAX_REMEMBERED) remembered.clear();
  for (const contractorId of stale) {
    // A report sent between the two reads leaves a tally that no longer matches, so the next
    // read fetches this person again rather than trusting a mixed picture.
    const tally = tallies.get(contractorId) ?? { count: 0, latest: 0 };
    remembered.set(contractorId, { ...tally, reports: reports.get(contractorId) ?? [] });
  }
  return reports;
}
