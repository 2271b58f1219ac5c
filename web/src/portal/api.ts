import { z } from "zod";
import { runSchema, sharedSopSchema } from "../../../src/sops/schema.ts";
import { api } from "../app/api.ts";

export const sharedSopsKey = ["portal", "sops"] as const;

/** The procedures shared with the signed-in contractor, one version each. */
export function fetchSharedSops() {
  return api.get("/api/portal/sops", z.array(sharedSopSchema));
}

const runPath = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

export function checkStep({
  runId,
  index,
  note,
  link,
}: {
  runId: string;
  index: number;
  note: string;
  link: string;
}) {
  return api.post(`${runPath(runId)}/steps/${index}/check`, { note, link }, runSchema);
}

export function uncheckStep({ runId, index }: { runId: string; index: number }) {
  return api.post(`${runPath(runId)}/steps/${index}/uncheck`, undefined, runSchema);
}

export function askQuestion({
  runId,
  index,
  question,
}: {
  runId: string;
  index: number;
  question: string;
}) {
  return api.post(`${runPath(runId)}/steps/${index}/questions`, { question }, runSchema);
}

export function submitRun(runId: string) {
  return api.post(`${runPath(runId)}/submit`, undefined, runSchema);
}
