import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import { listAreas } from "../worth/service.ts";
import { criterionLabels, criterionWeights, rolledUpScore } from "./hiring-rules.ts";
import * as store from "./hiring-store.ts";
import { candidacyViews } from "./hiring-views.ts";
import {
  MAX_SAMPLE_BYTES,
  scorecardCriteria,
  type Evaluation,
  type interviewInput,
  type referenceInput,
  type reviewCheckInput,
  type sampleLinkInput,
  type scorecardInput,
} from "./schema.ts";

/** The evidence gathered on one candidate and the scorecard that weighs it. */

type Db = AppContext["db"];
type Scorecard = Evaluation["scorecard"];

/** What a sample file may be: documents and pictures that are safe to hand back as downloads. */
export const SAMPLE_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "text/plain",
] as const;

async function requireCandidacy(db: Db, actor: Actor, candidacyId: string) {
  const row = await store.findCandidacy(db, actor.workspaceId, candidacyId);
  if (!row) throw new NotFound("not_found", "Candidate not found");
  return row;
}

/** Evidence is written only while the opening is open; a closed opening is a record. */
async function writableCandidacy(db: Db, actor: Actor, candidacyId: string) {
  authorize(actor, "hiring.manage");
  const row = await requireCandidacy(db, actor, candidacyId);
  const opening = await store.findOpening(db, actor.workspaceId, row.opening_id);
  if (opening?.status !== "open") {
    throw new Conflict("hiring.opening_closed", "This opening is closed; reopen it to change it");
  }
  return row;
}

const missing = (what: string) => new NotFound("not_found", `${what} not found`);

function sampleView(row: Omit<store.SampleRow, "data_base64">) {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

function referenceView(row: store.ReferenceRow) {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    contacted: row.contacted === 1,
    said: row.said,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function reviewCheckView(row: store.ReviewCheckRow) {
  return { id: row.id, source: row.source, summary: row.summary, createdAt: row.created_at };
}

function interviewView(row: store.InterviewRow) {
  return {
    id: row.id,
    heldOn: row.held_on,
    questions: JSON.parse(row.questions) as { question: string; answer: string }[],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function scorecardView(rows: readonly store.ScoreRow[]): Scorecard {
  return {
    criteria: scorecardCriteria.map((criterion) => {
      const row = rows.find((score) => score.criterion === criterion);
      return {
        criterion,
        label: criterionLabels[criterion],
        weight: criterionWeights[criterion],
        score: row?.score ?? null,
        note: row?.note ?? "",
      };
    }),
    score: rolledUpScore(rows),
  };
}

export async function getEvaluation(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
): Promise<Evaluation> {
  authorize(actor, "hiring.read");
  const row = await requireCandidacy(ctx.db, actor, candidacyId);
  const ws = actor.workspaceId;
  const [candidacies, opening, areas, samples, references, reviewChecks, interviews, scores] =
    await Promise.all([
      candidacyViews(ctx.db, ws, [row]),
      store.findOpening(ctx.db, ws, row.opening_id),
      listAreas(ctx, actor),
      store.listSamples(ctx.db, ws, candidacyId),
      store.listReferences(ctx.db, ws, candidacyId),
      store.listReviewChecks(ctx.db, ws, candidacyId),
      store.listInterviews(ctx.db, ws, candidacyId),
      store.listScores(ctx.db, ws, candidacyId),
    ]);
  const [candidacy] = candidacies;
  if (!candidacy || !opening) throw missing("Candidate");
  return {
    candidacy,
    opening: {
      id: opening.id,
      title: opening.title,
      areaName: areas.find((area) => area.id === opening.area_id)?.name ?? null,
      status: opening.status,
    },
    samples: samples.map(sampleView),
    references: references.map(referenceView),
    reviewChecks: reviewChecks.map(reviewCheckView),
    interviews: interviews.map(interviewView),
    scorecard: scorecardView(scores),
  };
}

// Samples.

function newSample(ctx: AppContext, actor: Actor, candidacyId: string, title: string) {
  return {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    title,
    url: null,
    file_name: null,
    content_type: null,
    size: null,
    data_base64: null,
    created_at: ctx.now(),
  };
}

export async function addSampleLink(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: z.infer<typeof sampleLinkInput>,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const row = { ...newSample(ctx, actor, candidacyId, input.title), url: input.url };
  await store.insertSample(ctx.db, row);
  return sampleView(row);
}

export interface SampleFile {
  title: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Keeps an uploaded sample in the database (base64) so backups and replicas carry it with the
 * candidate. It is only ever handed back as a download, never shown inline.
 */
export async function addSampleFile(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  file: SampleFile,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const type = SAMPLE_TYPES.find((candidate) => candidate === file.contentType);
  if (!type) {
    throw new Invalid(
      "sample.type",
      "Upload a PDF, an image (PNG, JPEG, WebP, GIF) or plain text",
      {
        file: "Unsupported type",
      },
    );
  }
  if (file.bytes.length === 0 || file.bytes.length > MAX_SAMPLE_BYTES) {
    throw new Invalid("sample.size", "Sample files are at most 5 MB", {
      file: "Empty or larger than 5 MB",
    });
  }
  const row = {
    ...newSample(ctx, actor, candidacyId, file.title),
    file_name: file.fileName,
    content_type: type,
    size: file.bytes.length,
    data_base64: file.bytes.toString("base64"),
  };
  await store.insertSample(ctx.db, row);
  return sampleView(row);
}

export async function readSampleFile(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  sampleId: string,
) {
  authorize(actor, "hiring.read");
  const file = await store.findSampleFile(ctx.db, actor.workspaceId, candidacyId, sampleId);
  if (!file?.data_base64 || !file.content_type) throw missing("Sample file");
  return {
    fileName: file.file_name ?? "sample",
    contentType: file.content_type,
    bytes: Buffer.from(file.data_base64, "base64"),
  };
}

async function removeEvidence(
  ctx: AppContext,
  actor: Actor,
  table: store.EvidenceTable,
  candidacyId: string,
  id: string,
  what: string,
): Promise<void> {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const removed = await store.deleteEvidence(ctx.db, table, actor.workspaceId, candidacyId, id);
  if (!removed) throw missing(what);
}

export const deleteSample = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "candidate_samples", candidacyId, id, "Sample");

// References.

type ReferenceInput = z.infer<typeof referenceInput>;

export async function addReference(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: ReferenceInput,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const now = ctx.now();
  const row = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    name: input.name,
    contact: input.contact,
    contacted: input.contacted ? 1 : 0,
    said: input.said,
    created_at: now,
    updated_at: now,
  } as const;
  await store.insertReference(ctx.db, row);
  return referenceView(row);
}

export async function updateReference(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  id: string,
  input: ReferenceInput,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const changed = await store.updateReference(ctx.db, actor.workspaceId, candidacyId, id, {
    name: input.name,
    contact: input.contact,
    contacted: input.contacted ? 1 : 0,
    said: input.said,
    updated_at: ctx.now(),
  });
  if (!changed) throw missing("Reference");
  const rows = await store.listReferences(ctx.db, actor.workspaceId, candidacyId);
  const row = rows.find((reference) => reference.id === id);
  if (!row) throw missing("Reference");
  return referenceView(row);
}

export const deleteReference = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "candidate_references", candidacyId, id, "Reference");

// Online review checks.

export async function addReviewCheck(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: z.infer<typeof reviewCheckInput>,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const row = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    source: input.source,
    summary: input.summary,
    created_at: ctx.now(),
  };
  await store.insertReviewCheck(ctx.db, row);
  return reviewCheckView(row);
}

export const deleteReviewCheck = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "review_checks", candidacyId, id, "Review check");

// Interviews.

type InterviewInput = z.infer<typeof interviewInput>;

export async function addInterview(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: InterviewInput,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const now = ctx.now();
  const row = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    held_on: input.heldOn,
    questions: JSON.stringify(input.questions),
    notes: input.notes,
    created_at: now,
    updated_at: now,
  };
  await store.insertInterview(ctx.db, row);
  return interviewView(row);
}

export async function updateInterview(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  id: string,
  input: InterviewInput,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const changed = await store.updateInterview(ctx.db, actor.workspaceId, candidacyId, id, {
    held_on: input.heldOn,
    questions: JSON.stringify(input.questions),
    notes: input.notes,
    updated_at: ctx.now(),
  });
  if (!changed) throw missing("Interview");
  const rows = await store.listInterviews(ctx.db, actor.workspaceId, candidacyId);
  const row = rows.find((interview) => interview.id === id);
  if (!row) throw missing("Interview");
  return interviewView(row);
}

export const deleteInterview = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "interviews", candidacyId, id, "Interview");

// The scorecard.

/** Saves the whole scorecard: criteria left out are unscored. */
export async function saveScorecard(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: z.infer<typeof scorecardInput>,
): Promise<Scorecard> {
  const now = ctx.now();
  const rows = input.scores.map((score) => ({
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    criterion: score.criterion,
    score: score.score,
    note: score.note,
    updated_at: now,
    updated_by: actor.userId,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await writableCandidacy(trx, actor, candidacyId);
    await store.replaceScores(trx, actor.workspaceId, candidacyId, rows);
  });
  return scorecardView(rows);
}
