import type { Candidacy } from "../../../src/people/schema.ts";
import {
  addNewCandidate,
  candidacyUrl,
  candidateOnNewOpening,
  hiringRowsOf,
  newPerson,
  openingUrl,
  openOpening,
  pdfBytes,
} from "../../support/hiring.ts";
import {
  staff,
  staffOfFirstWorkspace,
  unique,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import { bodyOf } from "../../support/worth.ts";

/**
 * Hiring belongs to the owner and manager: a contractor is refused every opening, candidate
 * and scorecard (403), and another workspace's owner finds none of them (404).
 */

const unchanged = (setting: RowSetting) => hiringRowsOf(setting.app, setting.world.workspaceId);

async function freshOpening(setting: RowSetting): Promise<string> {
  return (await openOpening(await setting.ownerDevice(), { title: `Opening ${unique()}` })).id;
}

async function freshCandidacy(setting: RowSetting): Promise<Candidacy> {
  return candidateOnNewOpening(await setting.ownerDevice());
}

/** A candidacy of the first workspace with one piece of evidence of the given kind on it. */
async function withEvidence(
  setting: RowSetting,
  kind: "samples" | "references" | "review-checks" | "interviews",
) {
  const owner = await setting.ownerDevice();
  const candidacy = await freshCandidacy(setting);
  const url = candidacyUrl(candidacy.id);
  const response =
    kind === "samples"
      ? await owner.request("POST", `${url}/sample-files?title=CV&fileName=cv.pdf`, pdfBytes, {
          "content-type": "application/pdf",
        })
      : await owner.post(`${url}/${kind}`, evidenceBodies[kind]);
  return { url, itemId: bodyOf<{ id: string }>(response, 201).id };
}

const evidenceBodies = {
  samples: { title: "Blog post", url: "https://example.com/post" },
  references: { name: "Former client", contacted: true, said: "Reliable" },
  "review-checks": { source: "Upwork profile", summary: "Good reviews" },
  interviews: { heldOn: "2026-03-14", questions: [{ question: "Hours a week?", answer: "20" }] },
} as const;

function evidenceRows(kind: keyof typeof evidenceBodies, editable: boolean): PermissionRow[] {
  const rows: PermissionRow[] = [
    {
      method: "POST",
      route: `/api/candidacies/:id/${kind}`,
      request: async (setting) => ({
        path: `${candidacyUrl((await freshCandidacy(setting)).id)}/${kind}`,
        body: evidenceBodies[kind],
      }),
      expect: staffOfFirstWorkspace(201),
      unchanged,
    },
    {
      method: "DELETE",
      route: `/api/candidacies/:id/${kind}/:itemId`,
      request: async (setting) => {
        const { url, itemId } = await withEvidence(setting, kind);
        return { path: `${url}/${kind}/${itemId}` };
      },
      expect: staffOfFirstWorkspace(204),
      unchanged,
    },
  ];
  if (editable) {
    rows.push({
      method: "PUT",
      route: `/api/candidacies/:id/${kind}/:itemId`,
      request: async (setting) => {
        const { url, itemId } = await withEvidence(setting, kind);
        return { path: `${url}/${kind}/${itemId}`, body: evidenceBodies[kind] };
      },
      expect: staffOfFirstWorkspace(200),
      unchanged,
    });
  }
  return rows;
}

export const hiringRows: PermissionRow[] = [
  { method: "GET", route: "/api/openings", expect: staff(200) },
  {
    method: "POST",
    route: "/api/openings",
    request: async () => ({ path: "/api/openings", body: { title: `Opening ${unique()}` } }),
    expect: staff(201),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/openings/:id",
    request: async (setting) => ({ path: openingUrl(await freshOpening(setting)) }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/openings/:id",
    request: async (setting) => ({
      path: openingUrl(await freshOpening(setting)),
      body: { title: `Renamed ${unique()}`, status: "closed" },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/openings/:id/candidates",
    request: async (setting) => ({
      path: `${openingUrl(await freshOpening(setting))}/candidates`,
      body: { person: newPerson() },
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged,
  },
  {
    method: "PUT",
    route: "/api/candidacies/:id/stage",
    request: async (setting) => {
      const owner = await setting.ownerDevice();
      const opening = await openOpening(owner);
      const candidacy = await addNewCandidate(owner, opening.id);
      return { path: `${candidacyUrl(candidacy.id)}/stage`, body: { stage: "interview" } };
    },
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "POST",
    route: "/api/candidacies/:id/hire",
    request: async (setting) => ({
      path: `${candidacyUrl((await freshCandidacy(setting)).id)}/hire`,
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/candidacies/:id",
    request: async (setting) => ({ path: candidacyUrl((await freshCandidacy(setting)).id) }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "POST",
    route: "/api/candidacies/:id/sample-files",
    request: async (setting) => ({
      path: `${candidacyUrl((await freshCandidacy(setting)).id)}/sample-files?title=CV&fileName=cv.pdf`,
      body: pdfBytes,
      headers: { "content-type": "application/pdf" },
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged,
  },
  {
    method: "GET",
    route: "/api/candidacies/:id/samples/:itemId/file",
    request: async (setting) => {
      const { url, itemId } = await withEvidence(setting, "samples");
      return { path: `${url}/samples/${itemId}/file` };
    },
    expect: staffOfFirstWorkspace(200),
  },
  ...evidenceRows("samples", false),
  ...evidenceRows("references", true),
  ...evidenceRows("review-checks", false),
  ...evidenceRows("interviews", true),
  {
    method: "PUT",
    route: "/api/candidacies/:id/scorecard",
    request: async (setting) => ({
      path: `${candidacyUrl((await freshCandidacy(setting)).id)}/scorecard`,
      body: { scores: [{ criterion: "communication", score: 4, note: `Note ${unique()}` }] },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged,
  },
];
