import { boardOrder, missingChecks, rolledUpScore, type StageCounts } from "./hiring-rules.ts";
import type * as store from "./hiring-store.ts";
import type { Candidacy, Opening } from "./schema.ts";

/** Rows of the hiring tables as the API shows them. */

export interface OpeningNames {
  areaName: string | null;
  sopTitle: string | null;
}

export function openingView(
  row: store.OpeningRow,
  counts: StageCounts,
  names: OpeningNames,
): Opening {
  return {
    id: row.id,
    title: row.title,
    areaId: row.area_id,
    areaName: names.areaName,
    sopId: row.sop_id,
    sopTitle: names.sopTitle,
    jobPost: row.job_post,
    status: row.status,
    counts,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export type Evidence = Awaited<ReturnType<typeof store.evidenceOf>>;

function candidacyView(row: store.CandidacyWithPerson, evidence: Evidence): Candidacy {
  const own = <T extends { candidacy_id: string }>(rows: T[]) =>
    rows.filter((item) => item.candidacy_id === row.id);
  const scores = own(evidence.scores);
  return {
    id: row.id,
    openingId: row.opening_id,
    contractor: {
      id: row.contractor_id,
      name: row.contractor_name,
      email: row.contractor_email,
      country: row.contractor_country,
      timeZone: row.contractor_time_zone,
      channelName: row.channel_name,
      status: row.contractor_status,
    },
    stage: row.stage,
    position: row.position,
    rejectionReason: row.rejection_reason,
    stageChangedAt: row.stage_changed_at,
    hiredAt: row.hired_at,
    score: rolledUpScore(scores),
    missingChecks: missingChecks({
      samples: own(evidence.samples).length,
      references: own(evidence.references).map((reference) => ({
        contacted: reference.contacted === 1,
      })),
      reviewChecks: own(evidence.reviewChecks).length,
      interviews: own(evidence.interviews).length,
      scored: scores.map((score) => score.criterion),
    }),
    createdAt: row.created_at,
  };
}

/** Candidacies with their score and missing checks, in board order. */
export function candidacyViews(
  rows: readonly store.CandidacyWithPerson[],
  evidence: Evidence,
): Candidacy[] {
  return boardOrder(rows).map((row) => candidacyView(row, evidence));
}
