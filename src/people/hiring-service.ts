import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { authorize } from "../auth/authorize.ts";
import { can, type Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import type { PipelineStage } from "../db/tables.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import { jobPost, listSops } from "../sops/service.ts";
import { listAreas } from "../worth/service.ts";
import {
  changedCards,
  hireRefusal,
  moveRefusal,
  placeCard,
  stageCounts,
  type Card,
} from "./hiring-rules.ts";
import * as store from "./hiring-store.ts";
import { candidacyViews, openingView } from "./hiring-views.ts";
import type {
  Candidacy,
  hireInput,
  hireResult,
  newCandidateInput,
  Opening,
  openingInput,
  openingUpdate,
  stageMove,
} from "./schema.ts";
import { newContractorRow } from "./contractor-rows.ts";
import { checkPersonFields, getContractor } from "./service.ts";
import {
  findContractor,
  insertContractor,
  listSkills,
  saveSkill,
  setContractorStatus,
} from "./store.ts";
import { skillAfterHire } from "./rules.ts";

/** Openings, the pipeline board and hiring: the owner's and manager's side of finding people. */

type Db = AppContext["db"];
type OpeningInput = z.infer<typeof openingInput>;
type OpeningUpdate = z.infer<typeof openingUpdate>;
type NewCandidate = z.infer<typeof newCandidateInput>;
type StageMove = z.infer<typeof stageMove>;
type HireResult = z.infer<typeof hireResult>;
type HireInput = z.infer<typeof hireInput>;

/** The names openings show: task areas from the audit and procedures from the blueprints. */
async function namesFor(ctx: AppContext, actor: Actor) {
  const [areas, sops] = await Promise.all([listAreas(ctx, actor), listSops(ctx, actor)]);
  return {
    areas,
    sops,
    of: (row: store.OpeningRow) => ({
      areaName: areas.find((area) => area.id === row.area_id)?.name ?? null,
      sopTitle: sops.find((sop) => sop.id === row.sop_id)?.title ?? null,
    }),
  };
}

async function countsFor(db: Db, workspaceId: string) {
  const stages = await store.stagesByOpening(db, workspaceId);
  return (openingId: string) =>
    stageCounts(stages.filter((row) => row.opening_id === openingId).map((row) => row.stage));
}

export async function listOpenings(ctx: AppContext, actor: Actor): Promise<Opening[]> {
  authorize(actor, "hiring.read");
  const [rows, counts, names] = await Promise.all([
    store.listOpenings(ctx.db, actor.workspaceId),
    countsFor(ctx.db, actor.workspaceId),
    namesFor(ctx, actor),
  ]);
  return rows.map((row) => openingView(row, counts(row.id), names.of(row)));
}

async function requireOpening(db: Db, actor: Actor, openingId: string) {
  const row = await store.findOpening(db, actor.workspaceId, openingId);
  if (!row) throw new NotFound("not_found", "Opening not found");
  return row;
}

export async function getOpening(
  ctx: AppContext,
  actor: Actor,
  openingId: string,
): Promise<Opening & { candidacies: Candidacy[] }> {
  authorize(actor, "hiring.read");
  const row = await requireOpening(ctx.db, actor, openingId);
  const [rows, names] = await Promise.all([
    store.listCandidacies(ctx.db, actor.workspaceId, openingId),
    namesFor(ctx, actor),
  ]);
  const candidacies = await candidaciesOut(ctx.db, actor.workspaceId, rows);
  return {
    ...openingView(row, stageCounts(rows.map((candidacy) => candidacy.stage)), names.of(row)),
    candidacies,
  };
}

/** The full job post made from the procedure's latest published version. */
async function postFromProcedure(ctx: AppContext, actor: Actor, sopId: string, version: number) {
  const posts = await jobPost(ctx, actor, sopId, version);
  const post = posts.variants.find((variant) => variant.channel === "upwork") ?? posts.variants[0];
  return post?.text.trim() ?? "";
}

export async function createOpening(
  ctx: AppContext,
  actor: Actor,
  input: OpeningInput,
): Promise<Opening> {
  authorize(actor, "hiring.manage");
  const names = await namesFor(ctx, actor);
  if (input.areaId && !names.areas.some((area) => area.id === input.areaId)) {
    throw new Invalid("opening.unknown_area", "That task area does not exist", {
      areaId: "Choose one of your task areas",
    });
  }
  const sop = input.sopId ? names.sops.find((candidate) => candidate.id === input.sopId) : null;
  if (input.sopId && !sop) {
    throw new Invalid("opening.unknown_procedure", "That procedure does not exist", {
      sopId: "Choose one of your procedures",
    });
  }
  let post = input.jobPost;
  if (sop && post === "") {
    if (sop.latestVersion === null) {
      throw new Invalid(
        "opening.procedure_unpublished",
        "The job post is made from a published procedure",
        { sopId: "Publish this procedure first, or write the job post yourself" },
      );
    }
    post = await postFromProcedure(ctx, actor, sop.id, sop.latestVersion);
  }
  const now = ctx.now();
  const row: store.OpeningRow = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    title: input.title,
    area_id: input.areaId ?? sop?.areaId ?? null,
    sop_id: input.sopId,
    job_post: post,
    status: "open",
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    closed_at: null,
  };
  await store.insertOpening(ctx.db, row);
  return openingView(row, stageCounts([]), names.of(row));
}

export async function updateOpening(
  ctx: AppContext,
  actor: Actor,
  openingId: string,
  changes: OpeningUpdate,
): Promise<Opening> {
  authorize(actor, "hiring.manage");
  const row = await requireOpening(ctx.db, actor, openingId);
  if (changes.areaId) {
    const areas = await listAreas(ctx, actor);
    if (!areas.some((area) => area.id === changes.areaId)) {
      throw new Invalid("opening.unknown_area", "That task area does not exist", {
        areaId: "Choose one of your task areas",
      });
    }
  }
  const now = ctx.now();
  const statusChanged = changes.status !== undefined && changes.status !== row.status;
  await store.updateOpening(ctx.db, actor.workspaceId, openingId, {
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.areaId !== undefined && { area_id: changes.areaId }),
    ...(changes.jobPost !== undefined && { job_post: changes.jobPost }),
    ...(statusChanged && {
      status: changes.status,
      closed_at: changes.status === "closed" ? now : null,
    }),
    updated_at: now,
  });
  const [updated, counts, names] = await Promise.all([
    requireOpening(ctx.db, actor, openingId),
    countsFor(ctx.db, actor.workspaceId),
    namesFor(ctx, actor),
  ]);
  return openingView(updated, counts(openingId), names.of(updated));
}

/** The opening, refused when it is closed: a closed opening's pipeline and evidence are a record. */
export async function requireOpenOpening(db: Db, actor: Actor, openingId: string) {
  const opening = await requireOpening(db, actor, openingId);
  if (opening.status === "closed") {
    throw new Conflict("hiring.opening_closed", "This opening is closed; reopen it to change it");
  }
  return opening;
}

/**
 * Starts a change to an opening's pipeline: refuses a closed opening, and touches the row so
 * concurrent moves on the same board (on PostgreSQL) wait for each other and positions stay dense.
 */
async function openForChanges(db: Db, actor: Actor, openingId: string, now: number) {
  const opening = await requireOpenOpening(db, actor, openingId);
  await store.updateOpening(db, actor.workspaceId, openingId, { updated_at: now });
  return opening;
}

/** Writes the stage and position of every card the move changed. */
async function saveBoard(db: Db, actor: Actor, before: Card[], after: Card[]) {
  for (const card of changedCards(before, after)) {
    await store.updateCandidacy(db, actor.workspaceId, card.id, {
      stage: card.stage,
      position: card.position,
    });
  }
}

/** Candidacies as the API shows them, with the evidence behind their scores and missing checks. */
export async function candidaciesOut(
  db: Db,
  workspaceId: string,
  rows: readonly store.CandidacyWithPerson[],
): Promise<Candidacy[]> {
  const evidence = await store.evidenceOf(
    db,
    workspaceId,
    rows.map((row) => row.id),
  );
  return candidacyViews(rows, evidence);
}

export async function requireCandidacy(db: Db, actor: Actor, candidacyId: string) {
  const row = await store.findCandidacy(db, actor.workspaceId, candidacyId);
  if (!row) throw new NotFound("not_found", "Candidate not found");
  return row;
}

async function candidacyOut(ctx: AppContext, actor: Actor, candidacyId: string) {
  const row = await requireCandidacy(ctx.db, actor, candidacyId);
  const [view] = await candidaciesOut(ctx.db, actor.workspaceId, [row]);
  return view as Candidacy;
}

async function personFor(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  input: NewCandidate,
  currency: string,
): Promise<string> {
  if ("contractorId" in input) {
    const existing = await findContractor(db, actor.workspaceId, input.contractorId);
    if (!existing) {
      throw new Invalid("hiring.unknown_contractor", "That person is not in the directory", {
        contractorId: "Choose someone from the directory",
      });
    }
    return existing.id;
  }
  const { person } = input;
  await checkPersonFields(db, actor, person, { fieldPrefix: "person." });
  const row = newContractorRow({
    workspaceId: actor.workspaceId,
    ...person,
    rateCurrency: currency,
    status: "candidate",
    now: ctx.now(),
  });
  await insertContractor(db, row);
  return row.id;
}

export async function addCandidate(
  ctx: AppContext,
  actor: Actor,
  openingId: string,
  input: NewCandidate,
): Promise<Candidacy> {
  authorize(actor, "hiring.manage");
  const { currency } = await getWorkspace(ctx, actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await openForChanges(trx, actor, openingId, now);
    const contractorId = await personFor(ctx, trx, actor, input, currency);
    if (await store.findCandidacyOf(trx, actor.workspaceId, openingId, contractorId)) {
      throw new Conflict("hiring.already_candidate", "This person is already on this opening", {
        contractorId: "Already a candidate for this opening",
      });
    }
    const cards = await store.boardCards(trx, actor.workspaceId, openingId);
    const row = {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      opening_id: openingId,
      contractor_id: contractorId,
      stage: "sourced" as const,
      position: cards.filter((card) => card.stage === "sourced").length,
      rejection_reason: null,
      stage_changed_at: now,
      hired_at: null,
      created_at: now,
    };
    await store.insertCandidacy(trx, row);
    return row.id;
  });
  return candidacyOut(ctx, actor, id);
}

/** Moves a card on the board: another stage, another place in the column, or both. */
export async function moveCandidacy(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  move: StageMove,
): Promise<Candidacy> {
  authorize(actor, "hiring.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await requireCandidacy(trx, actor, candidacyId);
    await openForChanges(trx, actor, row.opening_id, now);
    const refusal = moveRefusal(row.stage, move.stage);
    if (refusal) throw new Conflict(refusal.code, refusal.message, { stage: refusal.message });
    await rearrange(trx, actor, row, move.stage, move.position);
    const changedStage = row.stage !== move.stage;
    await store.updateCandidacy(trx, actor.workspaceId, candidacyId, {
      rejection_reason: move.stage === "rejected" ? (move.reason ?? null) : null,
      ...(changedStage && { stage_changed_at: now }),
    });
  });
  return candidacyOut(ctx, actor, candidacyId);
}

async function rearrange(
  db: Db,
  actor: Actor,
  row: store.CandidacyWithPerson,
  stage: PipelineStage,
  position?: number,
) {
  const before = await store.boardCards(db, actor.workspaceId, row.opening_id);
  await saveBoard(db, actor, before, placeCard(before, row.id, stage, position));
}

/**
 * Hires the candidate: the card goes to "hired" and the same directory record becomes an
 * active contractor, together. Missing checks do not stop it; the page shows them first.
 */
export async function hire(
  ctx: AppContext,
  actor: Actor,
  candidacyId: string,
  input: HireInput = { skill: null },
): Promise<HireResult> {
  authorize(actor, "hiring.manage");
  const contractorId = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await requireCandidacy(trx, actor, candidacyId);
    const opening = await openForChanges(trx, actor, row.opening_id, now);
    const refusal = hireRefusal(row.stage);
    if (refusal) throw new Conflict(refusal.code, refusal.message);
    await rearrange(trx, actor, row, "hired");
    await store.updateCandidacy(trx, actor.workspaceId, candidacyId, {
      hired_at: now,
      stage_changed_at: now,
      rejection_reason: null,
    });
    await setContractorStatus(trx, actor.workspaceId, row.contractor_id, "active", now);
    if (input.skill && opening.area_id) {
      const areaId = opening.area_id;
      const known = (await listSkills(trx, actor.workspaceId, [row.contractor_id])).find(
        (skill) => skill.area_id === areaId,
      );
      const skill = skillAfterHire(
        known && { level: known.level, verified: known.verified === 1 },
        input.skill,
      );
      await saveSkill(trx, {
        id: uuidv7(),
        workspace_id: actor.workspaceId,
        contractor_id: row.contractor_id,
        area_id: areaId,
        level: skill.level,
        verified: skill.verified ? 1 : 0,
      });
    }
    return row.contractor_id;
  });
  const [candidacy, contractor] = await Promise.all([
    candidacyOut(ctx, actor, candidacyId),
    getContractor(ctx, actor, contractorId),
  ]);
  return {
    candidacy,
    contractor,
    canInvite: contractor.portal.status === "none" && can(actor, "invites.manage"),
  };
}
