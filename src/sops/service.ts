import { diffLines } from "diff";
import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace, listPeople } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound, RuleViolation } from "../errors.ts";
import { getAudit, listAreas } from "../worth/service.ts";
import { jobPosts } from "./job-post.ts";
import { renderDetail } from "./markdown.ts";
import {
  DEFAULT_JARGON,
  DEFAULT_MIN_READING_EASE,
  mayHandOver,
  scoreProcedure,
  type ProcedureContent,
  type ProcedureScore,
  type ProcedureStep,
} from "./rules.ts";
import type { DraftInput, JobPost, Sop, SopSummary, Version } from "./schema.ts";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MIN_OVERRIDE_REASON } from "./schema.ts";
import * as store from "./store.ts";
import { templates } from "./templates.ts";

type Db = AppContext["db"];

export interface ReadabilitySettings {
  minReadingEase: number;
  jargon: string[];
}

export async function getSettings(ctx: AppContext, actor: Actor): Promise<ReadabilitySettings> {
  authorize(actor, "sops.read");
  return settingsOf(ctx.db, actor.workspaceId);
}

async function settingsOf(db: Db, workspaceId: string): Promise<ReadabilitySettings> {
  const row = await store.findSettings(db, workspaceId);
  return row
    ? { minReadingEase: row.min_reading_ease, jargon: JSON.parse(row.jargon) as string[] }
    : { minReadingEase: DEFAULT_MIN_READING_EASE, jargon: [...DEFAULT_JARGON] };
}

export async function saveSettings(
  ctx: AppContext,
  actor: Actor,
  input: ReadabilitySettings,
): Promise<ReadabilitySettings> {
  authorize(actor, "sops.settings");
  await store.saveSettings(ctx.db, {
    workspace_id: actor.workspaceId,
    min_reading_ease: input.minReadingEase,
    jargon: JSON.stringify([...new Set(input.jargon)]),
    updated_at: ctx.now(),
  });
  return getSettings(ctx, actor);
}

function contentOf(row: store.VersionRow): ProcedureContent {
  return {
    title: row.title,
    purpose: row.purpose,
    definitionOfDone: row.definition_of_done,
    tools: JSON.parse(row.tools) as string[],
    steps: JSON.parse(row.steps) as ProcedureStep[],
  };
}

export function versionView(row: store.VersionRow): Version {
  const content = contentOf(row);
  const score = JSON.parse(row.score) as ProcedureScore;
  return {
    sopId: row.sop_id,
    number: row.number,
    ...content,
    steps: content.steps.map((step) => ({ ...step, detailHtml: renderDetail(step.detail) })),
    score,
    overrideReason: row.override_reason,
    mayHandOver: mayHandOver(score, row.override_reason),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

function summaryOf(sop: store.SopRow, versions: store.VersionRow[]): SopSummary {
  const draft = versions.find((version) => version.number === null);
  const published = versions.filter((version) => version.number !== null);
  const latest = published.at(-1);
  return {
    id: sop.id,
    title: (draft ?? latest)?.title ?? "",
    taskId: sop.task_id,
    areaId: sop.area_id,
    latestVersion: latest?.number ?? null,
    hasDraft: draft !== undefined,
    hardToFollow: latest ? latest.hard_to_follow === 1 : null,
    updatedAt: sop.updated_at,
  };
}

export async function listSops(ctx: AppContext, actor: Actor): Promise<SopSummary[]> {
  authorize(actor, "sops.read");
  const sops = await store.listSops(ctx.db, actor.workspaceId);
  const versions = await store.listVersions(
    ctx.db,
    actor.workspaceId,
    sops.map((sop) => sop.id),
  );
  return sops.map((sop) =>
    summaryOf(
      sop,
      versions.filter((version) => version.sop_id === sop.id),
    ),
  );
}

async function requireSop(db: Db, actor: Actor, sopId: string) {
  const sop = await store.findSop(db, actor.workspaceId, sopId);
  if (!sop) throw new NotFound("not_found", "Procedure not found");
  return sop;
}

export async function getSop(ctx: AppContext, actor: Actor, sopId: string): Promise<Sop> {
  authorize(actor, "sops.read");
  const sop = await requireSop(ctx.db, actor, sopId);
  const [versions, shares] = await Promise.all([
    store.listVersions(ctx.db, actor.workspaceId, [sop.id]),
    store.listShares(ctx.db, actor.workspaceId, sop.id),
  ]);
  const draft = versions.find((version) => version.number === null);
  return {
    ...summaryOf(sop, versions),
    draft: draft ? versionView(draft) : null,
    versions: versions
      .filter((version) => version.number !== null && version.published_at !== null)
      .map((version) => {
        const score = JSON.parse(version.score) as ProcedureScore;
        return {
          number: version.number ?? 0,
          title: version.title,
          publishedAt: version.published_at ?? 0,
          readingEase: score.whole.readingEase,
          hardToFollow: version.hard_to_follow === 1,
          overrideReason: version.override_reason,
        };
      }),
    shares: shares.map((share) => ({
      userId: share.user_id,
      name: share.user_name,
      versionNumber: share.version_number ?? 0,
      sharedAt: share.shared_at,
    })),
  };
}

/** Steps may show only images uploaded to this procedure. */
async function checkImages(db: Db, actor: Actor, sopId: string, steps: DraftInput["steps"]) {
  const problems: Record<string, string> = {};
  for (const [index, step] of steps.entries()) {
    if (step.imageId === null) continue;
    const image = await store.findImage(db, actor.workspaceId, step.imageId);
    if (!image || image.sop_id !== sopId) {
      problems[`steps.${index}.imageId`] = "Upload the image to this procedure first";
    }
  }
  if (Object.keys(problems).length > 0) {
    throw new Invalid("invalid_input", "Some fields need attention", problems);
  }
}

async function writeDraft(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  sopId: string,
  input: DraftInput,
): Promise<void> {
  await checkImages(db, actor, sopId, input.steps);
  const settings = await settingsOf(db, actor.workspaceId);
  const score = scoreProcedure(input, settings);
  const fields = {
    title: input.title,
    purpose: input.purpose,
    definition_of_done: input.definitionOfDone,
    tools: JSON.stringify(input.tools),
    steps: JSON.stringify(input.steps),
    score: JSON.stringify(score),
    hard_to_follow: score.hardToFollow ? (1 as const) : (0 as const),
    updated_at: ctx.now(),
  };
  const draft = await store.findDraft(db, actor.workspaceId, sopId);
  if (draft) {
    await store.updateVersion(db, actor.workspaceId, draft.id, fields);
  } else {
    await store.insertVersion(db, {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      sop_id: sopId,
      number: null,
      override_reason: null,
      override_by: null,
      published_at: null,
      published_by: null,
      ...fields,
    });
  }
  await store.updateSop(db, actor.workspaceId, sopId, { updated_at: ctx.now() });
}

export async function createSop(ctx: AppContext, actor: Actor, input: DraftInput): Promise<Sop> {
  authorize(actor, "sops.manage");
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await store.insertSop(trx, {
      id,
      workspace_id: actor.workspaceId,
      task_id: null,
      area_id: null,
      created_at: now,
      updated_at: now,
    });
    await writeDraft(ctx, trx, actor, id, {
      ...input,
      steps: input.steps.map((step) => ({ ...step, imageId: null })),
    });
  });
  return getSop(ctx, actor, id);
}

export function listTemplates(actor: Actor) {
  authorize(actor, "sops.read");
  return Object.entries(templates).map(([key, template]) => ({
    key,
    title: template.title,
    purpose: template.purpose,
    steps: template.steps.length,
  }));
}

export async function createFromTemplate(ctx: AppContext, actor: Actor, key: string): Promise<Sop> {
  const template = templates[key];
  if (!template) {
    throw new Invalid("invalid_input", "Unknown template", {
      template: "Choose one of the templates",
    });
  }
  return createSop(ctx, actor, template);
}

export async function saveDraft(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  input: DraftInput,
): Promise<Version> {
  authorize(actor, "sops.manage");
  await ctx.db.transaction().execute(async (trx) => {
    await requireSop(trx, actor, sopId);
    await writeDraft(ctx, trx, actor, sopId, input);
  });
  const draft = await store.findDraft(ctx.db, actor.workspaceId, sopId);
  if (!draft) throw new NotFound("not_found", "Draft not found");
  return versionView(draft);
}

export async function discardDraft(ctx: AppContext, actor: Actor, sopId: string): Promise<void> {
  authorize(actor, "sops.manage");
  await requireSop(ctx.db, actor, sopId);
  const draft = await store.findDraft(ctx.db, actor.workspaceId, sopId);
  if (!draft) throw new NotFound("not_found", "There is no draft");
  if ((await store.latestNumber(ctx.db, actor.workspaceId, sopId)) === 0) {
    throw new Conflict(
      "sop.only_draft",
      "This procedure has nothing but its draft; edit it instead",
    );
  }
  await store.deleteVersion(ctx.db, actor.workspaceId, draft.id);
}

export async function linkSop(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  links: { taskId: string | null; areaId: string | null },
): Promise<Sop> {
  authorize(actor, "sops.manage");
  await requireSop(ctx.db, actor, sopId);
  const problems: Record<string, string> = {};
  if (links.taskId !== null) {
    const tasks = (await getAudit(ctx, actor)).tasks;
    if (!tasks.some((task) => task.id === links.taskId))
      problems.taskId = "Choose one of your tasks";
  }
  if (links.areaId !== null) {
    const areas = await listAreas(ctx, actor);
    if (!areas.some((area) => area.id === links.areaId))
      problems.areaId = "Choose one of your areas";
  }
  if (Object.keys(problems).length > 0)
    throw new Invalid("invalid_input", "Some fields need attention", problems);
  await store.updateSop(ctx.db, actor.workspaceId, sopId, {
    task_id: links.taskId,
    area_id: links.areaId,
    updated_at: ctx.now(),
  });
  return getSop(ctx, actor, sopId);
}

/** Freezes the draft as the next numbered version; the draft is gone until the next edit. */
export async function publish(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  overrideReason: string | null,
): Promise<Version> {
  authorize(actor, "sops.manage");
  const reason = overrideReason?.trim() ? overrideReason.trim() : null;
  if (reason !== null) {
    // Letting a hard-to-follow version go out is the owner's call, as on the override route.
    authorize(actor, "sops.settings");
    if (reason.length < MIN_OVERRIDE_REASON) {
      throw new Invalid("invalid_input", "Some fields need attention", {
        overrideReason: "Explain in a sentence why it may go out as it is",
      });
    }
  }
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    await requireSop(trx, actor, sopId);
    const draft = await store.findDraft(trx, actor.workspaceId, sopId);
    if (!draft)
      throw new Conflict("sop.no_draft", "There is no draft to publish; edit the procedure first");
    const now = ctx.now();
    await store.updateVersion(trx, actor.workspaceId, draft.id, {
      number: (await store.latestNumber(trx, actor.workspaceId, sopId)) + 1,
      published_at: now,
      published_by: actor.userId,
      override_reason: reason,
      override_by: reason ? actor.userId : null,
      updated_at: now,
    });
    await store.updateSop(trx, actor.workspaceId, sopId, { updated_at: now });
    return draft.id;
  });
  return versionView(await store.findVersionById(ctx.db, actor.workspaceId, versionId));
}

async function requirePublished(db: Db, actor: Actor, sopId: string, number: number) {
  const version = await store.findVersion(db, actor.workspaceId, sopId, number);
  if (!version || version.published_at === null)
    throw new NotFound("not_found", "Version not found");
  return version;
}

export async function overrideGate(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  number: number,
  reason: string,
): Promise<Version> {
  authorize(actor, "sops.settings");
  const version = await requirePublished(ctx.db, actor, sopId, number);
  await store.updateVersion(ctx.db, actor.workspaceId, version.id, {
    override_reason: reason,
    override_by: actor.userId,
  });
  return versionView({ ...version, override_reason: reason, override_by: actor.userId });
}

/** A contractor reads a version only when it is the one shared with them. */
export async function getVersion(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  number: number,
): Promise<Version> {
  if (actor.role === "contractor") {
    authorize(actor, "runs.work");
    const shared = await store.sharesWith(ctx.db, actor.workspaceId, actor.userId);
    const version = shared.find((row) => row.sop_id === sopId && row.number === number);
    if (!version) throw new NotFound("not_found", "Version not found");
    return versionView(version);
  }
  authorize(actor, "sops.read");
  return versionView(await requirePublished(ctx.db, actor, sopId, number));
}

export async function sharedWithMe(ctx: AppContext, actor: Actor) {
  authorize(actor, "runs.work");
  const rows = await store.sharesWith(ctx.db, actor.workspaceId, actor.userId);
  return rows.map((row) => ({
    sopId: row.sop_id,
    title: row.title,
    versionNumber: row.number ?? 0,
    sharedAt: row.shared_at,
  }));
}

function linesOf(content: ProcedureContent): string {
  const lines = [
    `Title: ${content.title}`,
    `Purpose: ${content.purpose}`,
    `Done when: ${content.definitionOfDone}`,
    `Tools: ${content.tools.join(", ")}`,
    ...content.steps.flatMap((step, index) => [
      `Step ${index + 1}: ${step.instruction}`,
      ...(step.detail ? step.detail.split("\n").map((line) => `  ${line}`) : []),
      ...(step.check ? [`  Check: ${step.check}`] : []),
      ...(step.imageId ? [`  Image: ${step.imageId}`] : []),
    ]),
  ];
  return `${lines.join("\n")}\n`;
}

export async function diffVersions(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  from: number,
  to: number,
) {
  authorize(actor, "sops.read");
  const [older, newer] = await Promise.all([
    requirePublished(ctx.db, actor, sopId, from),
    requirePublished(ctx.db, actor, sopId, to),
  ]);
  const lines = diffLines(linesOf(contentOf(older)), linesOf(contentOf(newer))).flatMap((part) =>
    part.value
      .replace(/\n$/, "")
      .split("\n")
      .map((text) => ({
        kind: part.added
          ? ("added" as const)
          : part.removed
            ? ("removed" as const)
            : ("same" as const),
        text,
      })),
  );
  return { from, to, lines };
}

/** Shares a version with contractors; only a version that reads plainly, or was overridden in writing. */
export async function share(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  input: { versionNumber: number; contractorIds: string[] },
): Promise<Sop> {
  authorize(actor, "sops.manage");
  const version = await requirePublished(ctx.db, actor, sopId, input.versionNumber);
  const score = JSON.parse(version.score) as ProcedureScore;
  if (!mayHandOver(score, version.override_reason)) {
    throw new RuleViolation(
      "sop.hard_to_follow",
      `Version ${input.versionNumber} is hard to follow: ${score.reasons.join("; ")}. Fix it, or override with a written reason.`,
    );
  }
  const contractors = new Set(
    (await listPeople(ctx, actor))
      .filter((person) => person.role === "contractor" && person.active)
      .map((person) => person.id),
  );
  const unknown = input.contractorIds.filter((id) => !contractors.has(id));
  if (unknown.length > 0) {
    throw new Invalid("invalid_input", "Share only with active contractors of this workspace", {
      contractorIds: "Choose active contractors",
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const userId of new Set(input.contractorIds)) {
      await store.upsertShare(trx, {
        id: uuidv7(),
        workspace_id: actor.workspaceId,
        sop_id: sopId,
        version_id: version.id,
        user_id: userId,
        shared_at: ctx.now(),
      });
    }
  });
  return getSop(ctx, actor, sopId);
}

export async function unshare(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  userId: string,
): Promise<void> {
  authorize(actor, "sops.manage");
  await requireSop(ctx.db, actor, sopId);
  if ((await store.deleteShare(ctx.db, actor.workspaceId, sopId, userId)) === 0) {
    throw new NotFound("not_found", "Not shared with that person");
  }
}

export async function jobPost(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  number: number,
): Promise<JobPost> {
  authorize(actor, "sops.read");
  const sop = await requireSop(ctx.db, actor, sopId);
  const version = contentOf(await requirePublished(ctx.db, actor, sopId, number));
  const [workspace, audit, areas] = await Promise.all([
    getWorkspace(ctx, actor),
    getAudit(ctx, actor),
    listAreas(ctx, actor),
  ]);
  const task = audit.tasks.find((row) => row.id === sop.task_id);
  const areaId = sop.area_id ?? task?.areaId ?? null;
  return {
    variants: jobPosts({
      title: version.title,
      purpose: version.purpose,
      definitionOfDone: version.definitionOfDone,
      skillArea: areas.find((area) => area.id === areaId)?.name ?? null,
      hoursPerWeek: task?.hoursPerWeek ?? null,
      hourlyRate: task?.effectiveRate ?? null,
      currency: workspace.currency,
    }),
  };
}

const signatures: Record<(typeof IMAGE_TYPES)[number], (bytes: Buffer) => boolean> = {
  "image/png": (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) =>
    b.subarray(0, 6).toString("latin1") === "GIF87a" ||
    b.subarray(0, 6).toString("latin1") === "GIF89a",
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" &&
    b.subarray(8, 12).toString("latin1") === "WEBP",
};

/**
 * Stores an example screenshot in the database (base64), so backups and PostgreSQL
 * replicas carry it with the procedure; the 2 MB cap keeps rows small. The bytes must be
 * what the content type claims.
 */
export async function uploadImage(
  ctx: AppContext,
  actor: Actor,
  sopId: string,
  contentType: string,
  bytes: Buffer,
) {
  authorize(actor, "sops.manage");
  await requireSop(ctx.db, actor, sopId);
  const type = IMAGE_TYPES.find((candidate) => candidate === contentType);
  if (!type) {
    throw new Invalid("image.type", "Upload a PNG, JPEG, WebP or GIF image", {
      image: "Unsupported type",
    });
  }
  if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) {
    throw new Invalid("image.size", "Images are at most 2 MB", {
      image: "Empty or larger than 2 MB",
    });
  }
  if (!signatures[type](bytes)) {
    throw new Invalid("image.content", "The file is not the image type it claims to be", {
      image: "Not a valid image",
    });
  }
  const row = {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    sop_id: sopId,
    content_type: type,
    size: bytes.length,
    data_base64: bytes.toString("base64"),
    created_at: ctx.now(),
  };
  await store.insertImage(ctx.db, row);
  return { id: row.id, contentType: type, bytes: row.size };
}

/**
 * Owners and managers see every image; a contractor only those shown by the version shared
 * with them or by the version one of their runs works from.
 */
export async function readImage(ctx: AppContext, actor: Actor, imageId: string) {
  const image = await store.findImage(ctx.db, actor.workspaceId, imageId);
  if (!image) throw new NotFound("not_found", "Image not found");
  if (actor.role === "contractor") {
    authorize(actor, "runs.work");
    // The version shared with them now, and the versions their own runs keep working from.
    const [shared, runs, versions] = await Promise.all([
      store.sharesWith(ctx.db, actor.workspaceId, actor.userId),
      store.listRuns(ctx.db, actor.workspaceId, {
        sopId: image.sop_id,
        contractorId: actor.userId,
      }),
      store.listVersions(ctx.db, actor.workspaceId, [image.sop_id]),
    ]);
    const theirs = [
      ...shared,
      ...versions.filter((version) => runs.some((run) => run.version_id === version.id)),
    ];
    const visible = theirs.some(
      (version) => version.sop_id === image.sop_id && version.steps.includes(image.id),
    );
    if (!visible) throw new NotFound("not_found", "Image not found");
  } else {
    authorize(actor, "sops.read");
  }
  return { contentType: image.content_type, bytes: Buffer.from(image.data_base64, "base64") };
}
