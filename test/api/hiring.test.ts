import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Candidacy, Opening, OpeningDetail } from "../../src/people/schema.ts";
import { setContractorStatus } from "../../src/people/store.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  addNewCandidate,
  candidacyUrl,
  getOpening,
  hiringRowsOf,
  newPerson,
  openingUrl,
  openOpening,
} from "../support/hiring.ts";
import { createSop, plainDraft, publish } from "../support/sops.ts";
import { areaIdOf, bodyOf, read } from "../support/worth.ts";
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

function move(candidacyId: string, body: Record<string, unknown>) {
  return owner.put(`${candidacyUrl(candidacyId)}/stage`, body);
}

async function moved(candidacyId: string, body: Record<string, unknown>): Promise<Candidacy> {
  return bodyOf<Candidacy>(await move(candidacyId, body));
}

/** Each column of the board as the names in it, top to bottom, with positions checked dense. */
function columnsOf(opening: OpeningDetail): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  for (const candidacy of opening.candidacies) {
    const column = (columns[candidacy.stage] ??= []);
    expect(candidacy.position).toBe(column.length);
    column.push(candidacy.contractor.name);
  }
  return columns;
}

describe("openings", () => {
  it("creates, lists with counts per stage, reads, renames, closes and reopens an opening", async () => {
    const areaId = await areaIdOf(owner, "support");
    const created = await openOpening(owner, { title: "Inbox helper", areaId, jobPost: "Help!" });
    expect(created).toMatchObject({
      title: "Inbox helper",
      areaId,
      areaName: "support",
      sopId: null,
      jobPost: "Help!",
      status: "open",
      closedAt: null,
      counts: { sourced: 0, screening: 0, interview: 0, test_project: 0, hired: 0, rejected: 0 },
    });
    await addNewCandidate(owner, created.id, "First");
    const second = await addNewCandidate(owner, created.id, "Second");
    await moved(second.id, { stage: "interview" });

    const listed = await read<Opening[]>(owner, "/api/openings");
    expect(listed.find((opening) => opening.id === created.id)?.counts).toMatchObject({
      sourced: 1,
      interview: 1,
    });

    const renamed = bodyOf<Opening>(
      await owner.put(openingUrl(created.id), { title: "Inbox and chat helper" }),
    );
    expect(renamed).toMatchObject({ title: "Inbox and chat helper", jobPost: "Help!" });

    app.clock.advance(1000);
    const closed = bodyOf<Opening>(await owner.put(openingUrl(created.id), { status: "closed" }));
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toEqual(expect.any(Number));
    const reopened = bodyOf<Opening>(await owner.put(openingUrl(created.id), { status: "open" }));
    expect(reopened).toMatchObject({ status: "open", closedAt: null });
  });

  it("writes the job post from a published procedure, ready to paste", async () => {
    const sop = await createSop(owner, plainDraft({ title: "Answer support email" }));
    await publish(owner, sop.id);
    const opening = await openOpening(owner, { title: "Support", sopId: sop.id });
    expect(opening.sopTitle).toBe("Answer support email");
    expect(opening.jobPost).toContain("Answer support email");
    expect(opening.jobPost).toContain("Tell our readers about the deal of the week.");
    expect(opening.jobPost).not.toContain("Open the blog editor.");

    const own = await openOpening(owner, { sopId: sop.id, jobPost: "My own words" });
    expect(own.jobPost).toBe("My own words");
  });

  it("refuses an unknown area or procedure, or a procedure with nothing published, naming the field", async () => {
    const before = await rows();
    expectError(
      await owner.post("/api/openings", { title: "X", areaId: crypto.randomUUID() }),
      400,
      "opening.unknown_area",
      "areaId",
    );
    expectError(
      await owner.post("/api/openings", { title: "X", sopId: crypto.randomUUID() }),
      400,
      "opening.unknown_procedure",
      "sopId",
    );
    const draftOnly = await createSop(owner);
    expectError(
      await owner.post("/api/openings", { title: "X", sopId: draftOnly.id }),
      400,
      "opening.procedure_unpublished",
      "sopId",
    );
    expectError(await owner.post("/api/openings", { title: " " }), 400, "invalid_input", "title");
    expect(await rows()).toEqual(before);
  });

  it("another workspace's opening is not found", async () => {
    const opening = await openOpening(owner);
    const stranger = world.stranger.client;
    expectError(await stranger.get(openingUrl(opening.id)), 404, "not_found");
    expectError(await stranger.put(openingUrl(opening.id), { title: "Mine" }), 404, "not_found");
    expectError(
      await stranger.post(`${openingUrl(opening.id)}/candidates`, { person: newPerson() }),
      404,
      "not_found",
    );
    expect((await read<Opening[]>(stranger, "/api/openings")).map((o) => o.id)).not.toContain(
      opening.id,
    );
    expect((await getOpening(owner, opening.id)).title).toBe(opening.title);
  });
});

describe("candidates", () => {
  it("a new person becomes a candidate record in the directory, in the workspace currency", async () => {
    const opening = await openOpening(owner);
    const person = newPerson("Bea Santos");
    const candidacy = bodyOf<Candidacy>(
      await owner.post(`${openingUrl(opening.id)}/candidates`, { person }),
      201,
    );
    expect(candidacy).toMatchObject({
      openingId: opening.id,
      stage: "sourced",
      position: 0,
      score: null,
      contractor: { name: "Bea Santos", email: person.email, status: "candidate", country: "BR" },
    });
    expect(candidacy.missingChecks.map((check) => check.check)).toEqual([
      "samples",
      "references",
      "reviews",
      "interview",
      "test_project",
      "scorecard",
    ]);
    const record = await app.ctx.db
      .selectFrom("contractors")
      .selectAll()
      .where("id", "=", candidacy.contractor.id)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      workspace_id: world.workspaceId,
      status: "candidate",
      rate_currency: "USD",
      day_start: "09:00",
      day_end: "17:00",
      working_days: "[1,2,3,4,5]",
      time_zone: "America/Sao_Paulo",
    });
  });

  it("someone already in the directory, even ended, can be added to another opening", async () => {
    const first = await addNewCandidate(owner, (await openOpening(owner)).id, "Carla");
    await setContractorStatus(app.ctx.db, world.workspaceId, first.contractor.id, "ended", 1);
    const other = await openOpening(owner);
    const again = bodyOf<Candidacy>(
      await owner.post(`${openingUrl(other.id)}/candidates`, {
        contractorId: first.contractor.id,
      }),
      201,
    );
    expect(again.contractor).toMatchObject({ id: first.contractor.id, status: "ended" });
  });

  it("an email already in the directory is 409 with the existing person's id; nothing is written", async () => {
    const opening = await openOpening(owner);
    const existing = await addNewCandidate(owner, opening.id, "Dora");
    const before = await rows();
    const response = await owner.post(`${openingUrl(opening.id)}/candidates`, {
      person: { ...newPerson("Dora again"), email: existing.contractor.email.toUpperCase() },
    });
    expectError(response, 409, "contractor.email_taken", "person.email");
    expect(response.json().error.message).toContain(existing.contractor.id);
    expect(await rows()).toEqual(before);
  });

  it("the same person twice on one opening is 409", async () => {
    const opening = await openOpening(owner);
    const candidacy = await addNewCandidate(owner, opening.id);
    const before = await rows();
    expectError(
      await owner.post(`${openingUrl(opening.id)}/candidates`, {
        contractorId: candidacy.contractor.id,
      }),
      409,
      "hiring.already_candidate",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses an unknown person, channel or bad input with the field named", async () => {
    const opening = await openOpening(owner);
    const before = await rows();
    const path = `${openingUrl(opening.id)}/candidates`;
    expectError(
      await owner.post(path, { contractorId: crypto.randomUUID() }),
      400,
      "hiring.unknown_contractor",
      "contractorId",
    );
    expectError(
      await owner.post(path, { person: { ...newPerson(), channelId: crypto.randomUUID() } }),
      400,
      "contractor.unknown_channel",
      "person.channelId",
    );
    expectError(
      await owner.post(path, { person: { ...newPerson(), timeZone: "Mars/Olympus" } }),
      400,
      "invalid_input",
    );
    expect(await rows()).toEqual(before);
  });
});

describe("the board", () => {
  it("moves cards between stages in any order and reorders a column, keeping positions dense", async () => {
    const opening = await openOpening(owner);
    const [a, b, c] = [
      await addNewCandidate(owner, opening.id, "A"),
      await addNewCandidate(owner, opening.id, "B"),
      await addNewCandidate(owner, opening.id, "C"),
    ] as [Candidacy, Candidacy, Candidacy];
    expect(columnsOf(await getOpening(owner, opening.id))).toEqual({ sourced: ["A", "B", "C"] });

    await moved(c.id, { stage: "sourced", position: 0 });
    expect(columnsOf(await getOpening(owner, opening.id))).toEqual({ sourced: ["C", "A", "B"] });

    app.clock.advance(5000);
    const atTest = await moved(a.id, { stage: "test_project" });
    expect(atTest.stageChangedAt).toBeGreaterThan(a.stageChangedAt);
    await moved(b.id, { stage: "interview" });
    await moved(c.id, { stage: "test_project", position: 0 });
    expect(columnsOf(await getOpening(owner, opening.id))).toEqual({
      interview: ["B"],
      test_project: ["C", "A"],
    });
    await moved(a.id, { stage: "screening" });
    expect(columnsOf(await getOpening(owner, opening.id))).toEqual({
      screening: ["A"],
      interview: ["B"],
      test_project: ["C"],
    });
  });

  it("rejecting needs a reason, which is kept; the rejected can come back", async () => {
    const candidacy = await addNewCandidate(owner, (await openOpening(owner)).id);
    const before = await rows();
    expectError(await move(candidacy.id, { stage: "rejected" }), 400, "invalid_input", "reason");
    expect(await rows()).toEqual(before);
    const rejected = await moved(candidacy.id, {
      stage: "rejected",
      reason: "No samples in our niche",
    });
    expect(rejected).toMatchObject({
      stage: "rejected",
      rejectionReason: "No samples in our niche",
    });
    const back = await moved(candidacy.id, { stage: "screening" });
    expect(back).toMatchObject({ stage: "screening", rejectionReason: null });
  });

  it("a move to hired is refused (hire instead) and a hired card stays put", async () => {
    const candidacy = await addNewCandidate(owner, (await openOpening(owner)).id);
    const before = await rows();
    expectError(await move(candidacy.id, { stage: "hired" }), 409, "hiring.use_hire", "stage");
    expect(await rows()).toEqual(before);
    bodyOf(await owner.post(`${candidacyUrl(candidacy.id)}/hire`));
    const hired = await rows();
    expectError(await move(candidacy.id, { stage: "sourced" }), 409, "hiring.already_hired");
    expectError(
      await move(candidacy.id, { stage: "rejected", reason: "Oops" }),
      409,
      "hiring.already_hired",
    );
    expect(await rows()).toEqual(hired);
  });

  it("a closed opening refuses new candidates, moves and hires", async () => {
    const opening = await openOpening(owner);
    const candidacy = await addNewCandidate(owner, opening.id);
    bodyOf(await owner.put(openingUrl(opening.id), { status: "closed" }));
    const before = await rows();
    expectError(
      await owner.post(`${openingUrl(opening.id)}/candidates`, { person: newPerson() }),
      409,
      "hiring.opening_closed",
    );
    expectError(await move(candidacy.id, { stage: "screening" }), 409, "hiring.opening_closed");
    expectError(
      await owner.post(`${candidacyUrl(candidacy.id)}/hire`),
      409,
      "hiring.opening_closed",
    );
    expect(await rows()).toEqual(before);
  });

  it("another workspace cannot move or hire a candidate", async () => {
    const candidacy = await addNewCandidate(owner, (await openOpening(owner)).id);
    const before = await rows();
    const stranger = world.stranger.client;
    expectError(
      await stranger.put(`${candidacyUrl(candidacy.id)}/stage`, { stage: "screening" }),
      404,
      "not_found",
    );
    expectError(await stranger.post(`${candidacyUrl(candidacy.id)}/hire`), 404, "not_found");
    expect(await rows()).toEqual(before);
  });
});

describe("hiring", () => {
  it("records the hired person's level in the opening's area, so the bench counts them", async () => {
    const design = await areaIdOf(owner, "design");
    const opening = await openOpening(owner, { title: "Designer", areaId: design });
    const candidacy = await addNewCandidate(owner, opening.id, "Gus");
    const benchOf = async () =>
      (
        await read<{ areas: { areaId: string; qualified: number }[] }>(owner, "/api/bench")
      ).areas.find((area) => area.areaId === design)?.qualified ?? 0;
    const before = await benchOf();
    expectError(
      await owner.post(`${candidacyUrl(candidacy.id)}/hire`, { skill: { level: 6 } }),
      400,
      "invalid_input",
      "skill.level",
    );
    const hired = bodyOf<{ canInvite: boolean }>(
      await owner.post(`${candidacyUrl(candidacy.id)}/hire`, {
        skill: { level: 4, verified: true },
      }),
    );
    expect(hired.canInvite).toBe(true);
    const person = await read<{ skills: { areaId: string; level: number; verified: boolean }[] }>(
      owner,
      `/api/contractors/${candidacy.contractor.id}`,
    );
    expect(person.skills).toEqual([
      expect.objectContaining({ areaId: design, level: 4, verified: true }),
    ]);
    expect(await benchOf()).toBe(before + 1);
  });

  it("makes the same record an active contractor; only the owner is offered the invite", async () => {
    const opening = await openOpening(owner);
    const first = await addNewCandidate(owner, opening.id, "Eli");
    const candidacy = await addNewCandidate(owner, opening.id, "Fay");
    await moved(candidacy.id, { stage: "test_project" });
    app.clock.advance(60_000);
    const result = bodyOf<{
      candidacy: Candidacy;
      contractor: { id: string; status: string; name: string };
      canInvite: boolean;
    }>(await world.manager.client.post(`${candidacyUrl(candidacy.id)}/hire`));
    expect(result.candidacy).toMatchObject({ stage: "hired", position: 0 });
    expect(result.candidacy.hiredAt).toEqual(expect.any(Number));
    // Missing checks do not stop a hire; they stay visible on the record.
    expect(result.candidacy.missingChecks.length).toBeGreaterThan(0);
    expect(result.contractor).toMatchObject({
      id: candidacy.contractor.id,
      name: "Fay",
      status: "active",
    });
    // Only the owner sends portal invites, so a manager is not offered one.
    expect(result.canInvite).toBe(false);
    expect(columnsOf(await getOpening(owner, opening.id))).toEqual({
      sourced: ["Eli"],
      hired: ["Fay"],
    });
    expect(first.contractor.status).toBe("candidate");
    expectError(
      await owner.post(`${candidacyUrl(candidacy.id)}/hire`),
      409,
      "hiring.already_hired",
    );
  });

  it("refuses a rejected candidate and writes nothing", async () => {
    const candidacy = await addNewCandidate(owner, (await openOpening(owner)).id);
    await moved(candidacy.id, { stage: "rejected", reason: "Went quiet" });
    const before = await rows();
    expectError(await owner.post(`${candidacyUrl(candidacy.id)}/hire`), 409, "hiring.rejected");
    expect(await rows()).toEqual(before);
  });
});
