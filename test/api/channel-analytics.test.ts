import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Candidacy, ChannelAnalytics } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { candidacyUrl, newPerson, openingUrl, openOpening } from "../support/hiring.ts";
import { channelId } from "../support/directory.ts";
import { bodyOf, ownerOfNewWorkspace, read } from "../support/worth.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const analytics = (client: ApiClient) => read<ChannelAnalytics>(client, "/api/channels/analytics");

async function addCandidate(
  client: ApiClient,
  openingId: string,
  candidate: { name: string; channelId: string | null } | { contractorId: string },
): Promise<Candidacy> {
  const body =
    "contractorId" in candidate
      ? candidate
      : { person: { ...newPerson(candidate.name), channelId: candidate.channelId } };
  return bodyOf<Candidacy>(await client.post(`${openingUrl(openingId)}/candidates`, body), 201);
}

async function score(
  client: ApiClient,
  candidacyId: string,
  scores: Record<string, number>,
): Promise<void> {
  const response = await client.put(`${candidacyUrl(candidacyId)}/scorecard`, {
    scores: Object.entries(scores).map(([criterion, value]) => ({ criterion, score: value })),
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe("GET /api/channels/analytics", () => {
  it("lists the default channels with nothing counted yet, and says what is still to come", async () => {
    const owner = await ownerOfNewWorkspace(app, "EUR");
    const result = await analytics(owner.client);
    expect(result.currency).toBe("EUR");
    expect(result.channels.map((row) => row.name)).toEqual([
      "Referral",
      "Own network",
      "Search engine",
      "Upwork",
      "Guru",
      "PeoplePerHour",
      "Fiverr",
      "Other",
    ]);
    for (const row of result.channels) {
      expect(row).toMatchObject({
        candidates: 0,
        hires: 0,
        hireRate: null,
        averageScore: null,
        averageRating: null,
        costPerHire: null,
      });
    }
    expect(result.notes).toContain("Cost per hire appears once payments are recorded in Payments.");
    expect(result.notes).toContain(
      "Average rating appears once delivered work is reviewed in Work.",
    );
  });

  it("counts candidates, hires, hire rate and the weighted scorecard per channel", async () => {
    const owner = (await ownerOfNewWorkspace(app, "USD")).client;
    const upwork = await channelId(owner, "Upwork");
    const referral = await channelId(owner, "Referral");
    const fee = { name: "Upwork", feeBasisPoints: 1000 };
    bodyOf(await owner.put(`/api/channels/${upwork}`, fee));
    const guru = { name: "Guru", feeBasisPoints: 0, archived: true };
    bodyOf(await owner.put(`/api/channels/${await channelId(owner, "Guru")}`, guru));
    const design = await openOpening(owner, { title: "Designer" });
    const photos = await openOpening(owner, { title: "Product photographer" });

    const ana = await addCandidate(owner, design.id, { name: "Ana Lima", channelId: upwork });
    const ben = await addCandidate(owner, design.id, { name: "Ben Okafor", channelId: upwork });
    await addCandidate(owner, design.id, { name: "Cy Reyes", channelId: referral });
    await addCandidate(owner, design.id, { name: "Dee Park", channelId: null });
    // Ana tries for a second opening: still one Upwork candidate.
    const anaAgain = await addCandidate(owner, photos.id, { contractorId: ana.contractor.id });

    // (5 × 20 + 3 × 20) ÷ 40 = 4.00 at the weights the candidate's page shows.
    await score(owner, ana.id, { communication: 5, samples: 3 });
    await score(owner, ben.id, { communication: 2 });
    await score(owner, anaAgain.id, { test_project: 3 });
    bodyOf(await owner.post(`${candidacyUrl(ana.id)}/hire`));

    const result = await analytics(owner);
    const byName = new Map(result.channels.map((row) => [row.name, row]));
    expect(byName.get("Upwork")).toEqual({
      channelId: upwork,
      name: "Upwork",
      feeBasisPoints: 1000,
      candidates: 2,
      hires: 1,
      hireRate: 0.5,
      averageScore: 3,
      averageRating: null,
      costPerHire: null,
    });
    expect(byName.get("Referral")).toMatchObject({
      candidates: 1,
      hires: 0,
      hireRate: 0,
      averageScore: null,
    });
    expect(result.channels.at(-1)).toMatchObject({
      channelId: null,
      name: "No channel recorded",
      candidates: 1,
      hires: 0,
    });
    expect(byName.get("Fiverr")).toMatchObject({ candidates: 0, hireRate: null });
    // Archived and unused, Guru is left out.
    expect(byName.has("Guru")).toBe(false);
  });

  it("shows another workspace none of these people", async () => {
    const first = (await ownerOfNewWorkspace(app, "USD")).client;
    const opening = await openOpening(first, { title: "Writer" });
    await addCandidate(first, opening.id, {
      name: "Eve Adams",
      channelId: await channelId(first, "Guru"),
    });
    const second = (await ownerOfNewWorkspace(app, "USD")).client;
    const theirs = await analytics(second);
    expect(theirs.channels.every((row) => row.candidates === 0)).toBe(true);
    expect(theirs.channels.some((row) => row.channelId === null)).toBe(false);
  });
});
