import type { Response } from "light-my-request";
import type { DraftInput, Run, Sop, Version } from "../../src/sops/schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { bodyOf, read } from "./worth.ts";

/** The smallest valid PNG: one transparent pixel. */
export const pngBytes = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
export const gifBytes = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");

type Step = DraftInput["steps"][number];

/** A step with the given instruction; detail, check and image empty unless given. */
export function step(instruction: string, more: Partial<Step> = {}): Step {
  return { instruction, detail: "", check: "", imageId: null, ...more };
}

/** A procedure in plain words that clears the default readability bar. */
export function plainDraft(changes: Partial<DraftInput> = {}): DraftInput {
  return {
    title: "Post the weekly offer",
    purpose: "Tell our readers about the deal of the week.",
    definitionOfDone: "The offer is on the blog and in the shop.",
    tools: ["Blog editor"],
    steps: [
      step("Open the blog editor."),
      step("Paste the offer text."),
      step("Add the shop link."),
      step("Press publish."),
    ],
    ...changes,
  };
}

const officialese =
  "Subsequently, utilize the organizational infrastructure to facilitate comprehensive stakeholder communication initiatives.";

/** The same kind of work in officialese: far under the bar, with jargon. */
export function officialeseDraft(changes: Partial<DraftInput> = {}): DraftInput {
  return plainDraft({
    title: "Stakeholder communication",
    purpose: "Leverage synergistic methodologies to operationalize organizational objectives.",
    definitionOfDone: "Communication deliverables are disseminated comprehensively.",
    steps: [step(officialese), step("Facilitate the aforementioned organizational deliverables.")],
    ...changes,
  });
}

export const sopUrl = (id: string) => `/api/sops/${id}`;

export async function createSop(client: ApiClient, draft: DraftInput = plainDraft()): Promise<Sop> {
  return bodyOf<Sop>(await client.post("/api/sops", draft), 201);
}

export async function getSop(client: ApiClient, id: string): Promise<Sop> {
  return read<Sop>(client, sopUrl(id));
}

export async function saveDraft(
  client: ApiClient,
  id: string,
  draft: DraftInput,
): Promise<Version> {
  return bodyOf<Version>(await client.put(`${sopUrl(id)}/draft`, draft));
}

export async function publish(
  client: ApiClient,
  id: string,
  overrideReason: string | null = null,
): Promise<Version> {
  return bodyOf<Version>(await client.post(`${sopUrl(id)}/publish`, { overrideReason }), 201);
}

export async function share(
  client: ApiClient,
  id: string,
  versionNumber: number,
  contractorIds: string[],
): Promise<Sop> {
  return bodyOf<Sop>(await client.post(`${sopUrl(id)}/shares`, { versionNumber, contractorIds }));
}

/** A new procedure published as version 1 and shared with the given contractors. */
export async function sharedProcedure(
  owner: ApiClient,
  contractorIds: string[],
  draft: DraftInput = plainDraft(),
): Promise<Sop> {
  const sop = await createSop(owner, draft);
  await publish(owner, sop.id);
  if (contractorIds.length > 0) await share(owner, sop.id, 1, contractorIds);
  return sop;
}

export async function startRun(
  owner: ApiClient,
  run: { sopId: string; versionNumber?: number; contractorId: string; dueDate?: string },
): Promise<Run> {
  const response = await owner.post("/api/runs", {
    versionNumber: 1,
    dueDate: "2026-12-01",
    ...run,
  });
  return bodyOf<Run>(response, 201);
}

/** A checklist of a fresh, shared procedure for one contractor. */
export async function runFor(
  owner: ApiClient,
  contractorId: string,
  draft: DraftInput = plainDraft(),
): Promise<Run> {
  const sop = await sharedProcedure(owner, [contractorId], draft);
  return startRun(owner, { sopId: sop.id, contractorId });
}

export const runUrl = (id: string) => `/api/runs/${id}`;

export async function getRun(client: ApiClient, id: string): Promise<Run> {
  return read<Run>(client, runUrl(id));
}

export async function check(
  contractor: ApiClient,
  runId: string,
  index: number,
  body: { note?: string; link?: string } = {},
): Promise<Run> {
  return bodyOf<Run>(await contractor.post(`${runUrl(runId)}/steps/${index}/check`, body));
}

export async function ask(
  contractor: ApiClient,
  runId: string,
  index: number,
  question: string,
): Promise<Run> {
  return bodyOf<Run>(
    await contractor.post(`${runUrl(runId)}/steps/${index}/questions`, { question }),
  );
}

/** Ticks every step of a run, in order. */
export async function checkAll(contractor: ApiClient, run: Run): Promise<Run> {
  let latest = run;
  for (const { index } of run.steps) latest = await check(contractor, run.id, index);
  return latest;
}

/** Sends a file as the raw body of an image upload. */
export function uploadImage(
  client: ApiClient,
  sopId: string,
  bytes: Buffer,
  contentType = "image/png",
): Promise<Response> {
  return client.request("POST", `${sopUrl(sopId)}/images`, bytes, { "content-type": contentType });
}

export async function uploadPng(client: ApiClient, sopId: string): Promise<string> {
  return bodyOf<{ id: string }>(await uploadImage(client, sopId, pngBytes), 201).id;
}

/** How many images the database holds for one procedure (the API lists none). */
export async function imagesStored(app: TestApp, sopId: string): Promise<number> {
  const rows = await app.ctx.db
    .selectFrom("sop_images")
    .select("id")
    .where("sop_id", "=", sopId)
    .execute();
  return rows.length;
}
