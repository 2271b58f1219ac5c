import type { Candidacy, Evaluation, Opening, OpeningDetail } from "../../src/people/schema.ts";
import type { TestApp } from "./app.ts";
import { uniqueEmail } from "./accounts.ts";
import type { ApiClient } from "./client.ts";
import { bodyOf, read } from "./worth.ts";

export const openingUrl = (id: string) => `/api/openings/${id}`;
export const candidacyUrl = (id: string) => `/api/candidacies/${id}`;

export async function openOpening(
  client: ApiClient,
  input: Record<string, unknown> = {},
): Promise<Opening> {
  return bodyOf<Opening>(
    await client.post("/api/openings", { title: "Customer support writer", ...input }),
    201,
  );
}

export function getOpening(client: ApiClient, id: string): Promise<OpeningDetail> {
  return read<OpeningDetail>(client, openingUrl(id));
}

/** A new person, as the "Add candidate" form sends them. */
export function newPerson(name = "Ana Lima") {
  return { name, email: uniqueEmail("candidate"), timeZone: "America/Sao_Paulo", country: "BR" };
}

export async function addNewCandidate(
  client: ApiClient,
  openingId: string,
  name?: string,
): Promise<Candidacy> {
  return bodyOf<Candidacy>(
    await client.post(`${openingUrl(openingId)}/candidates`, { person: newPerson(name) }),
    201,
  );
}

/** An open opening with one new candidate on it. */
export async function candidateOnNewOpening(client: ApiClient): Promise<Candidacy> {
  const opening = await openOpening(client);
  return addNewCandidate(client, opening.id);
}

export function evaluationOf(client: ApiClient, candidacyId: string): Promise<Evaluation> {
  return read<Evaluation>(client, candidacyUrl(candidacyId));
}

/** Sends a sample file as the raw body, as the upload button does. */
export function uploadSample(
  client: ApiClient,
  candidacyId: string,
  bytes: Buffer,
  contentType: string,
  name = "portfolio.pdf",
) {
  const query = new URLSearchParams({ title: "Portfolio", fileName: name });
  return client.request("POST", `${candidacyUrl(candidacyId)}/sample-files?${query}`, bytes, {
    "content-type": contentType,
  });
}

export const pdfBytes = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

/** Every row of the hiring tables and the directory for one workspace, to prove nothing changed. */
export async function hiringRowsOf(app: TestApp, workspaceId: string): Promise<unknown[]> {
  const tables = [
    "openings",
    "candidacies",
    "contractors",
    "candidate_samples",
    "candidate_references",
    "review_checks",
    "interviews",
    "scorecard_scores",
  ] as const;
  const rows: unknown[] = [];
  for (const table of tables) {
    rows.push(
      await app.ctx.db
        .selectFrom(table)
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .orderBy("id")
        .execute(),
    );
  }
  return rows;
}
