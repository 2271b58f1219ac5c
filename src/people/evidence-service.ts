import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { Updateable } from "kysely";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/tables.ts";
import { Invalid, NotFound } from "../errors.ts";
import { listAreas } from "../worth/service.ts";
import { criterionLabels, criterionWeights, rolledUpScore } from "./hiring-rules.ts";
import * as store from "./hiring-store.ts";
import { candidaciesOut, requireCandidacy, requireOpenOpening } from "./hiring-service.ts";
import {
  MAX_SAMPLE_BYTES,
  SAMPLE_TYPES,
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

/** Evidence is written only while the opening is open. */
async function writableCandidacy(db: Db, actor: Actor, candidacyId: string) {
  authorize(actor, "hiring.manage");
  const row = await requireCandidacy(db, actor, candidacyId);
  await requireOpenOpening(db, actor, row.opening_id);
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
      candidaciesOut(ctx.db, ws, [row]),
      store.findOpening(ctx.db, ws, row.opening_id),
      listAreas(ctx, actor),
      store.listSamples(ctx.db, ws, candidacyId),
      store.listEvidence(ctx.db, "candidate_references", ws, candidacyId),
      store.listEvidence(ctx.db, "review_checks", ws, candidacyId),
      store.listEvidence(ctx.db, "interviews", ws, candidacyId),
      store.listScores(ctx.db, ws, [candidacyId]),
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

/** The columns every piece of evidence starts with. */
function evidenceBase(ctx: AppContext, actor: Actor, candidacyId: string) {
  return {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    candidacy_id: candidacyId,
    created_at: ctx.now(),
  };
}

/**
 * Adds a piece of evidence to a candidacy whose opening is open, building the row only once
 * the candidacy may be changed; answers the row as written.
 */
async function addEvidence<Row>(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  insert: (db: Db, row: Row) => Promise<void>,
  build: (base: ReturnType<typeof evidenceBase>) => Row,
): Promise<Row> {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const row = build(evidenceBase(ctx, actor, candidacyId));
  await insert(ctx.db, row);
  return row;
}

/** Changes a reference or an interview of a candidacy whose opening is open. */
async function changeEvidence<T extends store.EditableEvidence>(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  target: { table: T; id: string; what: string },
  changes: Updateable<Database[T]>,
) {
  await writableCandidacy(ctx.db, actor, candidacyId);
  const { table, id, what } = target;
  const row = await store.updateEvidence(
    ctx.db,
    table,
    actor.workspaceId,
    candidacyId,
    id,
    changes,
  );
  if (!row) throw missing(what);
  return row;
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

const noFile = { url: null, file_name: null, content_type: null, size: null, data_base64: null };

export async function addSampleLink(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: z.infer<typeof sampleLinkInput>,
) {
  const row = await addEvidence(ctx, actor, candidacyId, store.insertSample, (base) => ({
    ...base,
    ...noFile,
    title: input.title,
    url: input.url,
  }));
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
  const row = await addEvidence(ctx, actor, candidacyId, store.insertSample, (base) => {
    const type = SAMPLE_TYPES.find((candidate) => candidate === file.contentType);
    if (!type) {
      throw new Invalid(
        "sample.type",
        "Upload a PDF, an image (PNG, JPEG, WebP, GIF) or plain text",
        { file: "Unsupported type" },
      );
    }
    if (file.bytes.length === 0 || file.bytes.length > MAX_SAMPLE_BYTES) {
      throw new Invalid("sample.size", "Sample files are at most 5 MB", {
        file: "Empty or larger than 5 MB",
      });
    }
    return {
      ...base,
      ...noFile,
      title: file.title,
      file_name: file.fileName,
      content_type: type,
      size: file.bytes.length,
      data_base64: file.bytes.toString("base64"),
    };
  });
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

export const deleteSample = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "candidate_samples", candidacyId, id, "Sample");

type ReferenceInput = z.infer<typeof referenceInput>;

function referenceColumns(
  input: ReferenceInput,
): Pick<store.ReferenceRow, "name" | "contact" | "contacted" | "said"> {
  return {
    name: input.name,
    contact: input.contact,
    contacted: input.contacted ? 1 : 0,
    said: input.said,
  };
}

export async function addReference(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: ReferenceInput,
) {
  const row = await addEvidence(ctx, actor, candidacyId, store.insertReference, (base) => ({
    ...base,
    ...referenceColumns(input),
    updated_at: base.created_at,
  }));
  return referenceView(row);
}

export async function updateReference(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  id: string,
  input: ReferenceInput,
) {
  const target = { table: "candidate_references" as const, id, what: "Reference" };
  const changes = { ...referenceColumns(input), updated_at: ctx.now() };
  return referenceView(await changeEvidence(ctx, actor, candidacyId, target, changes));
}

export const deleteReference = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "candidate_references", candidacyId, id, "Reference");

export async function addReviewCheck(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: z.infer<typeof reviewCheckInput>,
) {
  const row = await addEvidence(ctx, actor, candidacyId, store.insertReviewCheck, (base) => ({
    ...base,
    source: input.source,
    summary: input.summary,
  }));
  return reviewCheckView(row);
}

export const deleteReviewCheck = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "review_checks", candidacyId, id, "Review check");

type InterviewInput = z.infer<typeof interviewInput>;

function interviewColumns(
  input: InterviewInput,
): Pick<store.InterviewRow, "held_on" | "questions" | "notes"> {
  return {
    held_on: input.heldOn,
    questions: JSON.stringify(input.questions),
    notes: input.notes,
  };
}

export async function addInterview(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: InterviewInput,
) {
  const row = await addEvidence(ctx, actor, candidacyId, store.insertInterview, (base) => ({
    ...base,
    ...interviewColumns(input),
    updated_at: base.created_at,
  }));
  return interviewView(row);
}

export async function updateInterview(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  id: string,
  input: InterviewInput,
) {
  const target = { table: "interviews" as const, id, what: "Interview" };
  const changes = { ...interviewColumns(input), updated_at: ctx.now() };
  return interviewView(await changeEvidence(ctx, actor, candidacyId, target, changes));
}

export const deleteInterview = (ctx: AppContext, actor: Actor, candidacyId: string, id: string) =>
  removeEvidence(ctx, actor, "interviews", candidacyId, id, "Interview");

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
