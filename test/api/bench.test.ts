import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractorStatus } from "../../src/db/tables.ts";
import type { Bench, ContractorDetail } from "../../src/people/schema.ts";
import { addPerson as addContractor, inputOf } from "../support/directory.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { openOpening, openingUrl } from "../support/hiring.ts";
import { createSop } from "../support/sops.ts";
import { addTask, areaIdOf, bodyOf, ownerOfNewWorkspace, read } from "../support/worth.ts";
import { expectError } from "../support/errors.ts";
import { buildWorld, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const bench = (client: ApiClient) => read<Bench>(client, "/api/bench");

async function areaOf(client: ApiClient, name: string) {
  const id = await areaIdOf(client, name);
  return (await bench(client)).areas.find((area) => area.areaId === id);
}

interface Skill {
  area: string;
  level: number;
  verified?: boolean;
}

async function skillsInput(owner: Person, skills: Skill[]) {
  const out = [];
  for (const skill of skills) {
    out.push({
      areaId: await areaIdOf(owner.client, skill.area),
      level: skill.level,
      verified: skill.verified ?? false,
    });
  }
  return out;
}

/** A person in the directory with skills in the named areas. */
async function addPerson(
  owner: Person,
  name: string,
  status: ContractorStatus,
  skills: Skill[],
): Promise<string> {
  const person = await addContractor(owner.client, {
    name,
    status,
    skills: await skillsInput(owner, skills),
  });
  return person.id;
}

/** Changes one person through the directory, as the edit form does. */
async function change(
  owner: Person,
  contractorId: string,
  changes: { status?: ContractorStatus; skills?: Skill[] },
): Promise<void> {
  const person = await read<ContractorDetail>(owner.client, `/api/contractors/${contractorId}`);
  const input = {
    ...inputOf(person),
    ...(changes.status && { status: changes.status }),
    ...(changes.skills && { skills: await skillsInput(owner, changes.skills) }),
  };
  bodyOf(await owner.client.put(`/api/contractors/${contractorId}`, input));
}

const setStatus = (owner: Person, id: string, status: ContractorStatus) =>
  change(owner, id, { status });
const setSkills = (owner: Person, id: string, skills: Skill[]) => change(owner, id, { skills });

async function setMinLevel(owner: Person, minSkillLevel: number) {
  bodyOf(await owner.client.put("/api/contractor-settings", { minSkillLevel }));
}

describe("GET /api/bench", () => {
  it("is empty for a new workspace: no area is in use yet", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    expect(await bench(owner.client)).toEqual({ minLevel: 3, required: 2, areas: [] });
  });

  it("lists an area once a task or a procedure needs it, warning that nobody can do it", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    await addTask(owner.client, { area: "design" });
    await addTask(owner.client, { area: "design" });
    const sop = await createSop(owner.client);
    const contentId = await areaIdOf(owner.client, "content");
    const linked = await owner.client.patch(`/api/sops/${sop.id}/links`, {
      taskId: null,
      areaId: contentId,
    });
    expect(linked.statusCode, linked.body).toBe(200);

    const { areas } = await bench(owner.client);
    expect(areas.map((area) => [area.areaName, area.usedBy])).toEqual([
      ["content", { tasks: 0, procedures: 1, people: 0 }],
      ["design", { tasks: 2, procedures: 0, people: 0 }],
    ]);
    expect(areas[1]).toMatchObject({ qualified: 0, people: [], openingId: null });
    expect(areas[1]?.warning).toBe(
      "Nobody can do design at level 3 or above — the work has no one to go to. " +
        "Always have at least two people who can do the same quality work.",
    );
  });

  it("leaves out tasks the owner keeps (strategic) or means to drop (not needed)", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    await addTask(owner.client, { area: "research", strategic: true });
    await addTask(owner.client, { area: "design", needed: false });
    expect((await bench(owner.client)).areas).toEqual([]);
    await addTask(owner.client, { area: "design" });
    expect((await areaOf(owner.client, "design"))?.usedBy.tasks).toBe(1);
  });

  it("follows people as they are added, activated, paused and change skills", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    const ana = await addPerson(owner, "Ana", "active", [
      { area: "design", level: 4, verified: true },
    ]);
    let design = await areaOf(owner.client, "design");
    expect(design).toMatchObject({
      qualified: 1,
      people: [{ id: ana, name: "Ana", level: 4, verified: true }],
      usedBy: { tasks: 0, procedures: 0, people: 1 },
    });
    expect(design?.warning).toMatch(/^Only one person can do design at level 3 or above/);

    const ben = await addPerson(owner, "Ben", "candidate", [{ area: "design", level: 5 }]);
    design = await areaOf(owner.client, "design");
    expect(design?.qualified).toBe(1);
    expect(design?.usedBy.people).toBe(2);

    await setStatus(owner, ben, "active");
    design = await areaOf(owner.client, "design");
    expect(design?.qualified).toBe(2);
    expect(design?.warning).toBeNull();
    expect(design?.people.map((person) => person.name)).toEqual(["Ben", "Ana"]);

    await setStatus(owner, ana, "paused");
    design = await areaOf(owner.client, "design");
    expect(design?.qualified).toBe(1);
    expect(design?.warning).not.toBeNull();

    await setStatus(owner, ana, "active");
    await setSkills(owner, ana, [{ area: "design", level: 2 }]);
    design = await areaOf(owner.client, "design");
    expect(design?.people.map((person) => person.name)).toEqual(["Ben"]);

    await setStatus(owner, ben, "ended");
    design = await areaOf(owner.client, "design");
    expect(design?.qualified).toBe(0);
    expect(design?.warning).toMatch(/^Nobody can do design/);
  });

  it("respects the owner's minimum level", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    await addPerson(owner, "Ana", "active", [{ area: "web", level: 4 }]);
    await addPerson(owner, "Ben", "active", [{ area: "web", level: 3 }]);
    expect((await areaOf(owner.client, "web"))?.qualified).toBe(2);

    await setMinLevel(owner, 4);
    const strict = await bench(owner.client);
    expect(strict.minLevel).toBe(4);
    expect(strict.areas[0]?.people.map((person) => person.name)).toEqual(["Ana"]);
    expect(strict.areas[0]?.warning).toMatch(/^Only one person can do web at level 4 or above/);

    await setMinLevel(owner, 2);
    expect((await areaOf(owner.client, "web"))?.qualified).toBe(2);
  });

  it("shows the open opening for an area, and forgets it once closed", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    await addTask(owner.client, { area: "SEO" });
    const seo = await areaIdOf(owner.client, "SEO");
    await openOpening(owner.client, { title: "Bookkeeper", areaId: null });
    const opening = await openOpening(owner.client, { title: "SEO specialist", areaId: seo });
    expect((await areaOf(owner.client, "SEO"))?.openingId).toBe(opening.id);

    const closed = await owner.client.put(openingUrl(opening.id), { status: "closed" });
    bodyOf(closed);
    expect((await areaOf(owner.client, "SEO"))?.openingId).toBeNull();
  });

  it("shows a workspace only its own people", async () => {
    const first = await ownerOfNewWorkspace(app, "USD");
    const second = await ownerOfNewWorkspace(app, "EUR");
    await addPerson(first, "Ana", "active", [{ area: "design", level: 5 }]);
    await addTask(second.client, { area: "design" });
    const theirs = await areaOf(second.client, "design");
    expect(theirs).toMatchObject({ qualified: 0, people: [], usedBy: { people: 0, tasks: 1 } });
  });
});

describe("who sees the bench", () => {
  it("is for staff: a contractor is refused, nobody is asked to sign in, a stranger sees their own", async () => {
    await addTask(world.owner.client, { area: "design" });
    await addPerson(world.owner, "Ana", "active", [{ area: "design", level: 5 }]);
    expect((await bench(world.manager.client)).areas).toHaveLength(1);
    expectError(await world.contractor.client.get("/api/bench"), 403, "forbidden");
    expectError(await world.anonymous.get("/api/bench"), 401, "auth.required");
    const theirs = await world.stranger.client.get("/api/bench");
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().areas).toEqual([]);
    expect(theirs.body).not.toContain("Ana");
  });
});
