import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  diffSchema,
  imageSchema,
  jobPostSchema,
  runSchema,
  runSummarySchema,
  settingsSchema,
  sopSchema,
  sopSummarySchema,
  stuckSchema,
  templateSchema,
  versionSchema,
  type DraftInput,
} from "../../../src/sops/schema.ts";
import { api } from "../app/api.ts";

export const sopsKey = ["sops"] as const;
export const sopSettingsKey = ["sops", "settings"] as const;
export const templatesKey = ["sops", "templates"] as const;
export const runsKey = ["runs"] as const;

export const sopKey = (id: string) => ["sops", "one", id] as const;
export const versionKey = (id: string, number: number) =>
  ["sops", "one", id, "version", number] as const;
export const diffKey = (id: string, from: number, to: number) =>
  ["sops", "one", id, "diff", from, to] as const;
export const jobPostKey = (id: string, number: number) =>
  ["sops", "one", id, "job-post", number] as const;
export const stuckKey = (id: string) => ["sops", "one", id, "stuck"] as const;
export const sopRunsKey = (sopId: string) => ["runs", "for", sopId] as const;
export const runKey = (id: string) => ["runs", "one", id] as const;

/** Runs and questions change on the other side: the owner's pages look again this often. */
export const POLL_MS = 10_000;

const sopPath = (id: string) => `/api/sops/${encodeURIComponent(id)}`;
const runPath = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

/** After any change to a procedure: its page, the list and whatever hangs off them. */
export async function refreshSop(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sopKey(id) }),
    queryClient.invalidateQueries({ queryKey: sopsKey, exact: true }),
  ]);
}

export function fetchSops() {
  return api.get("/api/sops", z.array(sopSummarySchema));
}

/** What a new procedure's answer must at least hold: where to go next. */
const createdSchema = z.object({ id: z.string() });

export function createSop(title: string) {
  return api.post("/api/sops", { title }, createdSchema);
}

export function fetchTemplates() {
  return api.get("/api/sops/templates", z.array(templateSchema));
}

export function createFromTemplate(template: string) {
  return api.post("/api/sops/from-template", { template }, createdSchema);
}

export function fetchSopSettings() {
  return api.get("/api/sops/settings", settingsSchema);
}

export function saveSopSettings(input: z.infer<typeof settingsSchema>) {
  return api.put("/api/sops/settings", input, settingsSchema);
}

export function fetchSop(id: string) {
  return api.get(sopPath(id), sopSchema);
}

/** Saves the draft; the answer is the draft with its live readability score. */
export function saveDraft({ id, draft }: { id: string; draft: DraftInput }) {
  return api.put(`${sopPath(id)}/draft`, draft, versionSchema);
}

export function discardDraft(id: string) {
  return api.command("DELETE", `${sopPath(id)}/draft`);
}

export function saveLinks({
  id,
  ...links
}: {
  id: string;
  taskId: string | null;
  areaId: string | null;
}) {
  return api.patch(`${sopPath(id)}/links`, links, z.unknown());
}

export function publish({ id, overrideReason }: { id: string; overrideReason: string | null }) {
  return api.post(`${sopPath(id)}/publish`, { overrideReason }, versionSchema);
}

export function fetchVersion(id: string, number: number) {
  return api.get(`${sopPath(id)}/versions/${number}`, versionSchema);
}

export function overrideGate({
  id,
  number,
  reason,
}: {
  id: string;
  number: number;
  reason: string;
}) {
  return api.post(`${sopPath(id)}/versions/${number}/override`, { reason }, z.unknown());
}

export function fetchDiff(id: string, from: number, to: number) {
  return api.get(`${sopPath(id)}/diff?from=${from}&to=${to}`, diffSchema);
}

export function share(input: { id: string; versionNumber: number; contractorIds: string[] }) {
  const { id, ...body } = input;
  return api.post(`${sopPath(id)}/shares`, body, z.unknown());
}

export function unshare({ id, userId }: { id: string; userId: string }) {
  return api.command("DELETE", `${sopPath(id)}/shares/${encodeURIComponent(userId)}`);
}

export function fetchJobPost(id: string, number: number) {
  return api.get(`${sopPath(id)}/versions/${number}/job-post`, jobPostSchema);
}

export function fetchStuck(id: string) {
  return api.get(`${sopPath(id)}/stuck`, stuckSchema);
}

export const imageUrl = (imageId: string) => `/api/sops/images/${encodeURIComponent(imageId)}`;

/** Sends the image file itself as the body, with its own Content-Type. */
export function uploadImage({ id, file }: { id: string; file: File }) {
  return api.postFile(`${sopPath(id)}/images`, file, imageSchema);
}

export function fetchRuns(sopId?: string) {
  return api.get(
    sopId ? `/api/runs?sopId=${encodeURIComponent(sopId)}` : "/api/runs",
    z.array(runSummarySchema),
  );
}

export function startRun(input: {
  sopId: string;
  versionNumber: number;
  contractorId: string;
  dueDate: string;
}) {
  return api.post("/api/runs", input, z.unknown());
}

export function fetchRun(id: string) {
  return api.get(runPath(id), runSchema);
}

export function answerQuestion({
  runId,
  questionId,
  answer,
}: {
  runId: string;
  questionId: string;
  answer: string;
}) {
  return api.post(
    `${runPath(runId)}/questions/${encodeURIComponent(questionId)}/answer`,
    { answer },
    z.unknown(),
  );
}
