import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SAMPLE_BYTES, scorecardCriteria } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  candidacyUrl,
  candidateOnNewOpening,
  evaluationOf,
  hiringRowsOf,
  openingUrl,
  pdfBytes,
  uploadSample,
} from "../support/hiring.ts";
import { pngBytes } from "../support/sops.ts";
import { bodyOf } from "../support/worth.ts";
import { buildWorld, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
});
afterAll(() => app.close());

const rows = () => hiringRowsOf(app, world.workspaceId);

async function freshCandidate(): Promise<string> {
  return (await candidateOnNewOpening(owner)).id;
}

const checksOf = async (id: string) =>
  (await evaluationOf(owner, id)).candidacy.missingChecks.map((check) => check.check);

describe("samples", () => {
  it("keeps links and files; a file comes back only as a download", async () => {
    const id = await freshCandidate();
    const link = bodyOf<{ id: string; url: string }>(
      await owner.post(`${candidacyUrl(id)}/samples`, {
        title: "Blog post",
        url: "https://example.com/post",
      }),
      201,
    );
    expect(link).toMatchObject({
      title: "Blog post",
      url: "https://example.com/post",
      fileName: null,
    });

    const file = bodyOf<{ id: string }>(
      await uploadSample(owner, id, pdfBytes, "application/pdf", "Résumé.pdf"),
      201,
    );
    expect(file).toMatchObject({
      title: "Portfolio",
      url: null,
      fileName: "Résumé.pdf",
      contentType: "application/pdf",
      size: pdfBytes.length,
    });
    const download = await owner.get(`${candidacyUrl(id)}/samples/${file.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);

    const text = bodyOf<{ id: string }>(
      await uploadSample(owner, id, Buffer.from("Dear customer,\n"), "text/plain", "reply.txt"),
      201,
    );
    const textDownload = await owner.get(`${candidacyUrl(id)}/samples/${text.id}/file`);
    expect(textDownload.body).toBe("Dear customer,\n");
    expect(textDownload.headers["content-disposition"]).toMatch(/^attachment;/);

    const png = await uploadSample(owner, id, pngBytes, "image/png", "shot.png");
    expect(png.statusCode).toBe(201);

    const evaluation = await evaluationOf(owner, id);
    expect(evaluation.samples.map((sample) => sample.title)).toEqual([
      "Blog post",
      "Portfolio",
      "Portfolio",
      "Portfolio",
    ]);
    expect(evaluation.candidacy.missingChecks.map((c) => c.check)).not.toContain("samples");

    expect((await owner.delete(`${candidacyUrl(id)}/samples/${file.id}`)).statusCode).toBe(204);
    expectError(await owner.get(`${candidacyUrl(id)}/samples/${file.id}/file`), 404, "not_found");
    expectError(await owner.get(`${candidacyUrl(id)}/samples/${link.id}/file`), 404, "not_found");
    expectError(await owner.delete(`${candidacyUrl(id)}/samples/${file.id}`), 404, "not_found");
  });

  it("refuses a wrong type, an empty or too large file, a bad link or a missing title; nothing is written", async () => {
    const id = await freshCandidate();
    const before = await rows();
    expectError(
      await uploadSample(owner, id, Buffer.from("<svg/>"), "image/svg+xml", "x.svg"),
      415,
      "unsupported_media_type",
    );
    expectError(
      await uploadSample(owner, id, Buffer.from("PK"), "application/zip", "x.zip"),
      415,
      "unsupported_media_type",
    );
    expectError(
      await uploadSample(owner, id, Buffer.alloc(MAX_SAMPLE_BYTES + 1, 0x20), "text/plain"),
      413,
      "too_large",
    );
    expectError(
      await uploadSample(owner, id, Buffer.alloc(0), "application/pdf"),
      400,
      "sample.size",
      "file",
    );
    expectError(
      await owner.request("POST", `${candidacyUrl(id)}/sample-files?fileName=a.pdf`, pdfBytes, {
        "content-type": "application/pdf",
      }),
      400,
      "invalid_input",
      "title",
    );
    expectError(
      await owner.post(`${candidacyUrl(id)}/samples`, { title: "X", url: "javascript:alert(1)" }),
      400,
      "invalid_input",
      "url",
    );
    expect(await rows()).toEqual(before);
  });

  it("names the download as RFC 8187 asks, ' ( ) * included", async () => {
    const id = await freshCandidate();
    const file = bodyOf<{ id: string }>(
      await uploadSample(owner, id, pdfBytes, "application/pdf", "Ana's (final) *v2*.pdf"),
      201,
    );
    const download = await owner.get(`${candidacyUrl(id)}/samples/${file.id}/file`);
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Ana's (final) *v2*.pdf"; filename*=UTF-8''Ana%27s%20%28final%29%20%2Av2%2A.pdf`,
    );
  });

  it("refuses a file name with control characters, naming the field; nothing is written", async () => {
    const id = await freshCandidate();
    const before = await rows();
    for (const name of [
      "a\r\nSet-Cookie: x=1.pdf",
      "tab\there.pdf",
      "bell\u0007.pdf",
      "del\u007f.pdf",
    ]) {
      expectError(
        await uploadSample(owner, id, pdfBytes, "application/pdf", name),
        400,
        "invalid_input",
        "fileName",
      );
    }
    expect(await rows()).toEqual(before);
  });

  it("accepts a file of exactly the limit", async () => {
    const id = await freshCandidate();
    const response = await uploadSample(
      owner,
      id,
      Buffer.alloc(MAX_SAMPLE_BYTES, 0x41),
      "text/plain",
      "long.txt",
    );
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe("references, review checks and interviews", () => {
  it("records references; only a contacted one counts as checked", async () => {
    const id = await freshCandidate();
    const reference = bodyOf<{ id: string; contacted: boolean }>(
      await owner.post(`${candidacyUrl(id)}/references`, {
        name: "Former client",
        contact: "jo@example.com",
      }),
      201,
    );
    expect(reference).toMatchObject({ contacted: false, said: "" });
    expect(await checksOf(id)).toContain("references");

    const updated = bodyOf<{ contacted: boolean; said: string }>(
      await owner.put(`${candidacyUrl(id)}/references/${reference.id}`, {
        name: "Former client",
        contact: "jo@example.com",
        contacted: true,
        said: "Always on time",
      }),
    );
    expect(updated).toMatchObject({ contacted: true, said: "Always on time" });
    expect(await checksOf(id)).not.toContain("references");

    expectError(
      await owner.put(`${candidacyUrl(id)}/references/${crypto.randomUUID()}`, { name: "X" }),
      404,
      "not_found",
    );
    expect((await owner.delete(`${candidacyUrl(id)}/references/${reference.id}`)).statusCode).toBe(
      204,
    );
    expect(await checksOf(id)).toContain("references");
  });

  it("records online review checks", async () => {
    const id = await freshCandidate();
    const check = bodyOf<{ id: string }>(
      await owner.post(`${candidacyUrl(id)}/review-checks`, {
        source: "Upwork profile",
        summary: "4.9 stars over 40 jobs",
      }),
      201,
    );
    expect(await checksOf(id)).not.toContain("reviews");
    expectError(
      await owner.post(`${candidacyUrl(id)}/review-checks`, { source: "Upwork", summary: "" }),
      400,
      "invalid_input",
      "summary",
    );
    expect((await owner.delete(`${candidacyUrl(id)}/review-checks/${check.id}`)).statusCode).toBe(
      204,
    );
    expect(await checksOf(id)).toContain("reviews");
  });

  it("records interviews with the questions asked and the answers", async () => {
    const id = await freshCandidate();
    const interview = bodyOf<{ id: string }>(
      await owner.post(`${candidacyUrl(id)}/interviews`, {
        heldOn: "2026-03-14",
        questions: [{ question: "How do you report progress?" }],
        notes: "Clear and calm",
      }),
      201,
    );
    expect(await checksOf(id)).not.toContain("interview");
    const changed = bodyOf<{ questions: unknown[] }>(
      await owner.put(`${candidacyUrl(id)}/interviews/${interview.id}`, {
        heldOn: "2026-03-14",
        questions: [
          { question: "How do you report progress?", answer: "A short note every evening" },
          { question: "Hours a week?", answer: "20" },
        ],
        notes: "Clear and calm",
      }),
    );
    expect(changed.questions).toEqual([
      { question: "How do you report progress?", answer: "A short note every evening" },
      { question: "Hours a week?", answer: "20" },
    ]);
    expect((await evaluationOf(owner, id)).interviews).toHaveLength(1);
    expectError(
      await owner.post(`${candidacyUrl(id)}/interviews`, { heldOn: "14/03/2026" }),
      400,
      "invalid_input",
      "heldOn",
    );
    expect((await owner.delete(`${candidacyUrl(id)}/interviews/${interview.id}`)).statusCode).toBe(
      204,
    );
    expect(await checksOf(id)).toContain("interview");
  });
});

describe("the scorecard", () => {
  it("rolls the scores up with the weights shown, and the missing checks clear when all is done", async () => {
    const id = await freshCandidate();
    const partial = bodyOf<{ score: number; criteria: { weight: number; score: number | null }[] }>(
      await owner.put(`${candidacyUrl(id)}/scorecard`, {
        scores: [
          { criterion: "communication", score: 5, note: "Replies within the hour" },
          { criterion: "reviews", score: 2 },
        ],
      }),
    );
    expect(partial.score).toBe(4);
    expect(partial.criteria.map((c) => c.weight)).toEqual([20, 15, 20, 15, 10, 20]);
    expect(partial.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect((await evaluationOf(owner, id)).candidacy.score).toBe(4);

    await owner.post(`${candidacyUrl(id)}/samples`, { title: "Post", url: "https://example.com" });
    await owner.post(`${candidacyUrl(id)}/references`, { name: "Jo", contacted: true });
    await owner.post(`${candidacyUrl(id)}/review-checks`, { source: "Guru", summary: "Good" });
    await owner.post(`${candidacyUrl(id)}/interviews`, { heldOn: "2026-03-01" });
    const scores = [5, 4, 3, 2, 1, 4];
    const full = bodyOf<{ score: number }>(
      await owner.put(`${candidacyUrl(id)}/scorecard`, {
        scores: scorecardCriteria.map((criterion, index) => ({
          criterion,
          score: scores[index],
        })),
      }),
    );
    expect(full.score).toBe(3.4);
    const evaluation = await evaluationOf(owner, id);
    expect(evaluation.candidacy.missingChecks).toEqual([]);
    expect(
      evaluation.scorecard.criteria.find((c) => c.criterion === "communication"),
    ).toMatchObject({ score: 5, note: "", label: "Communication" });
  });

  it("refuses a score of 0 or 6 and a criterion twice, naming the field; nothing is written", async () => {
    const id = await freshCandidate();
    await owner.put(`${candidacyUrl(id)}/scorecard`, {
      scores: [{ criterion: "communication", score: 3 }],
    });
    const before = await rows();
    for (const score of [0, 6, 2.5]) {
      expectError(
        await owner.put(`${candidacyUrl(id)}/scorecard`, {
          scores: [{ criterion: "communication", score }],
        }),
        400,
        "invalid_input",
        "scores.0.score",
      );
    }
    expectError(
      await owner.put(`${candidacyUrl(id)}/scorecard`, {
        scores: [
          { criterion: "communication", score: 3 },
          { criterion: "communication", score: 4 },
        ],
      }),
      400,
      "invalid_input",
      "scores",
    );
    expect(await rows()).toEqual(before);
  });
});

describe("refusals", () => {
  it("a closed opening's candidates take no new evidence", async () => {
    const candidacy = await candidateOnNewOpening(owner);
    bodyOf(await owner.put(openingUrl(candidacy.openingId), { status: "closed" }));
    const before = await rows();
    const url = candidacyUrl(candidacy.id);
    expectError(
      await owner.post(`${url}/samples`, { title: "X", url: "https://example.com" }),
      409,
      "hiring.opening_closed",
    );
    expectError(
      await uploadSample(owner, candidacy.id, pdfBytes, "application/pdf"),
      409,
      "hiring.opening_closed",
    );
    expectError(
      await owner.post(`${url}/references`, { name: "Jo" }),
      409,
      "hiring.opening_closed",
    );
    expectError(
      await owner.put(`${url}/scorecard`, { scores: [{ criterion: "reviews", score: 3 }] }),
      409,
      "hiring.opening_closed",
    );
    expect(await rows()).toEqual(before);
    expect((await evaluationOf(owner, candidacy.id)).candidacy.id).toBe(candidacy.id);
  });

  it("another workspace sees and changes nothing", async () => {
    const id = await freshCandidate();
    const sample = bodyOf<{ id: string }>(
      await uploadSample(owner, id, pdfBytes, "application/pdf"),
      201,
    );
    const before = await rows();
    const stranger = world.stranger.client;
    const url = candidacyUrl(id);
    expectError(await stranger.get(url), 404, "not_found");
    expectError(await stranger.get(`${url}/samples/${sample.id}/file`), 404, "not_found");
    expectError(await stranger.delete(`${url}/samples/${sample.id}`), 404, "not_found");
    expectError(
      await stranger.post(`${url}/references`, { name: "Jo", contacted: true }),
      404,
      "not_found",
    );
    expectError(await uploadSample(stranger, id, pdfBytes, "application/pdf"), 404, "not_found");
    expectError(
      await stranger.put(`${url}/scorecard`, { scores: [{ criterion: "reviews", score: 5 }] }),
      404,
      "not_found",
    );
    expect(await rows()).toEqual(before);
  });

  it("a contractor is refused every read and write", async () => {
    const id = await freshCandidate();
    const contractor = world.contractor.client;
    expectError(await contractor.get(candidacyUrl(id)), 403, "forbidden");
    expectError(
      await contractor.post(`${candidacyUrl(id)}/review-checks`, { source: "A", summary: "B" }),
      403,
      "forbidden",
    );
  });
});
