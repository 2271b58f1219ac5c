import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { scorecardCriteria } from "../../../src/people/schema.ts";
import {
  candidacySchema,
  contractorStatuses,
  evaluationSchema,
  hireResult,
  interviewSchema,
  openingDetailSchema,
  openingSchema,
  referenceSchema,
  reviewCheckSchema,
  sampleSchema,
  scorecardSchema,
  type pipelineStages,
} from "../../../src/people/schema.ts";
import { api } from "../app/api.ts";
import { benchKey } from "../guardrails/api.ts";
import { directoryKey } from "../people/api.ts";

export { channelsKey, directoryKey, fetchChannels, inviteContractor } from "../people/api.ts";

export type Stage = (typeof pipelineStages)[number];
export type Criterion = (typeof scorecardCriteria)[number];

export const openingsKey = ["openings"] as const;
export const openingKey = (id: string) => ["openings", "one", id] as const;
export const candidacyKey = (id: string) => ["candidacies", id] as const;

const openingPath = (id: string) => `/api/openings/${encodeURIComponent(id)}`;
const candidacyPath = (id: string) => `/api/candidacies/${encodeURIComponent(id)}`;

/** After a change to an opening or its pipeline: the list's counts and the board. */
export async function refreshOpening(queryClient: QueryClient, openingId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: openingsKey }),
    queryClient.invalidateQueries({ queryKey: directoryKey }),
    queryClient.invalidateQueries({ queryKey: benchKey }),
    queryClient.invalidateQueries({ queryKey: openingKey(openingId) }),
  ]);
}

/** After a change to a candidate's evidence: their page, and the board's score and checks. */
export async function refreshCandidacy(
  queryClient: QueryClient,
  candidacyId: string,
  openingId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: candidacyKey(candidacyId) }),
    refreshOpening(queryClient, openingId),
  ]);
}

export function fetchOpenings() {
  return api.get("/api/openings", z.array(openingSchema));
}

export interface OpeningForm {
  title: string;
  areaId: string | null;
  sopId: string | null;
  jobPost: string;
}

export function createOpening(input: OpeningForm) {
  return api.post("/api/openings", input, openingSchema);
}

export function fetchOpening(id: string) {
  return api.get(openingPath(id), openingDetailSchema);
}

export function updateOpening({
  id,
  ...changes
}: { id: string } & Partial<OpeningForm & { status: "open" | "closed" }>) {
  return api.put(openingPath(id), changes, openingSchema);
}

export type NewCandidate =
  | { contractorId: string }
  | {
      person: {
        name: string;
        email: string;
        timeZone: string;
        country: string | null;
        channelId: string | null;
      };
    };

export function addCandidate({ openingId, input }: { openingId: string; input: NewCandidate }) {
  return api.post(`${openingPath(openingId)}/candidates`, input, candidacySchema);
}

export function moveCandidacy({
  id,
  ...move
}: {
  id: string;
  stage: Stage;
  position?: number;
  reason?: string;
}) {
  return api.put(`${candidacyPath(id)}/stage`, move, candidacySchema);
}

export function hire(id: string, skill: { level: number; verified: boolean } | null) {
  return api.post(`${candidacyPath(id)}/hire`, { skill }, hireResult);
}

/** Only what picking a person needs, so the directory's own fields can grow freely. */
const directoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(contractorStatuses),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export function fetchDirectory() {
  return api.get("/api/contractors", z.array(directoryEntry));
}

export function fetchEvaluation(id: string) {
  return api.get(candidacyPath(id), evaluationSchema);
}

export function addSampleLink({ id, title, url }: { id: string; title: string; url: string }) {
  return api.post(`${candidacyPath(id)}/samples`, { title, url }, sampleSchema);
}

export function uploadSample({ id, title, file }: { id: string; title: string; file: File }) {
  const query = new URLSearchParams({ title, fileName: file.name });
  return api.postFile(`${candidacyPath(id)}/sample-files?${query}`, file, sampleSchema);
}

export const sampleFileUrl = (id: string, sampleId: string) =>
  `${candidacyPath(id)}/samples/${encodeURIComponent(sampleId)}/file`;

export type EvidenceKind = "samples" | "references" | "review-checks" | "interviews";

export function removeEvidence({
  id,
  kind,
  itemId,
}: {
  id: string;
  kind: EvidenceKind;
  itemId: string;
}) {
  return api.command("DELETE", `${candidacyPath(id)}/${kind}/${encodeURIComponent(itemId)}`);
}

export interface ReferenceForm {
  name: string;
  contact: string;
  contacted: boolean;
  said: string;
}

export function saveReference({
  id,
  itemId,
  input,
}: {
  id: string;
  itemId?: string;
  input: ReferenceForm;
}) {
  return itemId
    ? api.put(
        `${candidacyPath(id)}/references/${encodeURIComponent(itemId)}`,
        input,
        referenceSchema,
      )
    : api.post(`${candidacyPath(id)}/references`, input, referenceSchema);
}

export function addReviewCheck({
  id,
  source,
  summary,
}: {
  id: string;
  source: string;
  summary: string;
}) {
  return api.post(`${candidacyPath(id)}/review-checks`, { source, summary }, reviewCheckSchema);
}

export interface InterviewForm {
  heldOn: string;
  questions: { question: string; answer: string }[];
  notes: string;
}

export function saveInterview({
  id,
  itemId,
  input,
}: {
  id: string;
  itemId?: string;
  input: InterviewForm;
}) {
  return itemId
    ? api.put(
        `${candidacyPath(id)}/interviews/${encodeURIComponent(itemId)}`,
        input,
        interviewSchema,
      )
    : api.post(`${candidacyPath(id)}/interviews`, input, interviewSchema);
}

export function saveScorecard({
  id,
  scores,
}: {
  id: string;
  scores: { criterion: Criterion; score: number; note: string }[];
}) {
  return api.put(`${candidacyPath(id)}/scorecard`, { scores }, scorecardSchema);
}
