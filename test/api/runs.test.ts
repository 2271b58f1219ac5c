import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, RunSummary, Stuck } from "../../src/sops/schema.ts";
import { uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  ask,
  check,
  checkAll,
  createSop,
  getRun,
  officialeseDraft,
  plainDraft,
  publish,
  runFor,
  runUrl,
  saveDraft,
  share,
  sharedProcedure,
  sopUrl,
  startRun,
  step,
  uploadPng,
} from "../support/sops.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";
import { bodyOf, read } from "../support/worth.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let contractor: ApiClient;
/** A second contractor of the same workspace. */
let lena: Person;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
  contractor = world.contractor.client;
  lena = await invitePerson(app, owner, uniqueEmail("lena"), "contractor", "Lena");
});
afterAll(() => app.close());

const someUuid = "0190a0a0-0000-7000-8000-000000000000";
const MINUTE = 60_000;

const runs = (client: ApiClient, query = "") => read<RunSummary[]>(client, `/api/runs${query}`);

describe("starting a run", () => {
  it("runs a shared version for a contractor, due in their time zone", async () => {
    const sop = await sharedProcedure(owner, [world.contractor.id]);
    const run = await startRun(owner, {
      sopId: sop.id,
      contractorId: world.contractor.id,
      dueDate: "2026-11-30",
    });
    expect(run).toMatchObject({
      sopId: sop.id,
      title: "Post the weekly offer",
      versionNumber: 1,
      contractorId: world.contractor.id,
      contractorName: "Marco",
      dueDate: "2026-11-30",
      timeZone: "Europe/Kyiv",
      status: "open",
      stepsDone: 0,
      stepCount: 4,
      openQuestions: 0,
      submittedAt: null,
      questions: [],
    });
    expect(run.version.number).toBe(1);
    expect(run.steps).toEqual(
      [0, 1, 2, 3].map((index) => ({ index, checkedAt: null, note: "", link: "", minutes: null })),
    );
    expect((await runs(owner, `?sopId=${sop.id}`)).map((r) => r.id)).toEqual([run.id]);
  });

  it("refuses a version not shared with that contractor (422 sop.not_shared)", async () => {
    const sop = await sharedProcedure(owner, [world.contractor.id]);
    const response = await owner.post("/api/runs", {
      sopId: sop.id,
      versionNumber: 1,
      contractorId: lena.id,
      dueDate: "2026-12-01",
    });
    expectError(response, 422, "sop.not_shared");
    expect(await runs(owner, `?sopId=${sop.id}`)).toEqual([]);
  });

  it("refuses a hard-to-follow version, a draft, and a version that does not exist", async () => {
    const hard = await createSop(owner, officialeseDraft());
    await publish(owner, hard.id);
    const draftOnly = await createSop(owner);
    const body = (sopId: string, versionNumber = 1) => ({
      sopId,
      versionNumber,
      contractorId: world.contractor.id,
      dueDate: "2026-12-01",
    });
    expectError(await owner.post("/api/runs", body(hard.id)), 422, "sop.hard_to_follow");
    expectError(await owner.post("/api/runs", body(draftOnly.id)), 404, "not_found");
    expectError(await owner.post("/api/runs", body(someUuid)), 404, "not_found");
  });

  it("refuses an unknown, inactive or non-contractor person, naming contractorId", async () => {
    const quitter = await invitePerson(app, owner, uniqueEmail("quitter"), "contractor", "Quinn");
    const sop = await sharedProcedure(owner, [quitter.id]);
    bodyOf(await owner.post(`/api/people/${quitter.id}/deactivate`));
    for (const contractorId of [quitter.id, someUuid, world.manager.id, world.stranger.id]) {
      const response = await owner.post("/api/runs", {
        sopId: sop.id,
        versionNumber: 1,
        contractorId,
        dueDate: "2026-12-01",
      });
      expectError(response, 400, "invalid_input", "contractorId");
    }
    expect(await runs(owner, `?sopId=${sop.id}`)).toEqual([]);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-2-01", "01/12/2026", "2026-12-01T10:00"])(
    "refuses the due date %s with 400 naming dueDate",
    async (dueDate) => {
      const sop = await sharedProcedure(owner, [world.contractor.id]);
      const response = await owner.post("/api/runs", {
        sopId: sop.id,
        versionNumber: 1,
        contractorId: world.contractor.id,
        dueDate,
      });
      expectError(response, 400, "invalid_input", "dueDate");
      expect(await runs(owner, `?sopId=${sop.id}`)).toEqual([]);
    },
  );

  it("takes a leap day", async () => {
    const sop = await sharedProcedure(owner, [world.contractor.id]);
    const run = await startRun(owner, {
      sopId: sop.id,
      contractorId: world.contractor.id,
      dueDate: "2028-02-29",
    });
    expect(run.dueDate).toBe("2028-02-29");
  });
});

describe("who sees a run", () => {
  it("the contractor sees only their own; another contractor gets 404 and an empty list", async () => {
    const run = await runFor(owner, world.contractor.id);
    const mine = await runs(contractor);
    expect(mine.map((r) => r.id)).toContain(run.id);
    expect(mine.every((r) => r.contractorId === world.contractor.id)).toBe(true);
    expect((await getRun(contractor, run.id)).id).toBe(run.id);

    expect(await runs(lena.client)).toEqual([]);
    expectError(await lena.client.get(runUrl(run.id)), 404, "not_found");
    expectError(await lena.client.post(`${runUrl(run.id)}/steps/0/check`, {}), 404, "not_found");
    expectError(await world.stranger.client.get(runUrl(run.id)), 404, "not_found");
    expect(await runs(world.stranger.client)).toEqual([]);
    expect((await getRun(contractor, run.id)).stepsDone).toBe(0);
  });
});

describe("working a run", () => {
  it("ticks a step with a note and a link, and unticks it", async () => {
    const run = await runFor(owner, world.contractor.id);
    const ticked = await check(contractor, run.id, 0, {
      note: "Used the spring offer",
      link: "https://shop.example/blog/spring",
    });
    expect(ticked.steps[0]).toMatchObject({
      index: 0,
      checkedAt: expect.any(Number),
      note: "Used the spring offer",
      link: "https://shop.example/blog/spring",
    });
    expect(ticked.stepsDone).toBe(1);
    expect(await getRun(owner, run.id)).toEqual(ticked);

    for (const link of ["javascript:alert(1)", "shop.example/blog", "ftp://shop.example"]) {
      expectError(
        await contractor.post(`${runUrl(run.id)}/steps/1/check`, { link }),
        400,
        "invalid_input",
        "link",
      );
    }
    expect((await getRun(owner, run.id)).stepsDone).toBe(1);

    const unticked = bodyOf<Run>(await contractor.post(`${runUrl(run.id)}/steps/0/uncheck`));
    expect(unticked.steps[0]).toMatchObject({ checkedAt: null, note: "", link: "" });
    expect(unticked.stepsDone).toBe(0);
  });

  it("answers 404 for a step beyond the version, and 400 for one beyond any version", async () => {
    const run = await runFor(owner, world.contractor.id);
    expectError(await contractor.post(`${runUrl(run.id)}/steps/4/check`, {}), 404, "not_found");
    expectError(
      await contractor.post(`${runUrl(run.id)}/steps/4/questions`, { question: "Where?" }),
      404,
      "not_found",
    );
    expectError(
      await contractor.post(`${runUrl(run.id)}/steps/60/check`, {}),
      400,
      "invalid_input",
      "index",
    );
    expectError(
      await contractor.post(`${runUrl(run.id)}/steps/-1/check`, {}),
      400,
      "invalid_input",
      "index",
    );
    expect((await getRun(owner, run.id)).stepsDone).toBe(0);
  });

  it("a question on a step reaches the owner, whose answer the contractor sees", async () => {
    const run = await runFor(owner, world.contractor.id);
    const asked = await ask(contractor, run.id, 2, "Which shop link do I add?");
    expect(asked.openQuestions).toBe(1);
    expect(asked.questions).toEqual([
      {
        id: expect.any(String),
        stepIndex: 2,
        question: "Which shop link do I add?",
        askedAt: expect.any(Number),
        answer: null,
        answeredAt: null,
      },
    ]);
    const seen = (await runs(owner, `?sopId=${run.sopId}`))[0];
    expect(seen?.openQuestions).toBe(1);

    const questionId = asked.questions[0]!.id;
    const answerUrl = `${runUrl(run.id)}/questions/${questionId}/answer`;
    expectError(await contractor.post(answerUrl, { answer: "Myself" }), 403, "forbidden");
    expectError(
      await owner.post(`${runUrl(run.id)}/questions/${someUuid}/answer`, { answer: "?" }),
      404,
      "not_found",
    );
    const answered = bodyOf<Run>(
      await owner.post(answerUrl, { answer: "The link to the offer page." }),
    );
    expect(answered.openQuestions).toBe(0);
    expect((await getRun(contractor, run.id)).questions[0]).toMatchObject({
      answer: "The link to the offer page.",
      answeredAt: expect.any(Number),
    });
  });

  it("is handed in only once every step is ticked, and then no longer changes", async () => {
    const run = await runFor(owner, world.contractor.id);
    await check(contractor, run.id, 0);
    await check(contractor, run.id, 1);
    const early = await contractor.post(`${runUrl(run.id)}/submit`);
    expectError(early, 422, "run.incomplete");
    expect(early.json().error.message).toMatch(/2 steps are not done/);
    expect((await getRun(owner, run.id)).status).toBe("open");

    await checkAll(contractor, run);
    const submitted = bodyOf<Run>(await contractor.post(`${runUrl(run.id)}/submit`));
    expect(submitted).toMatchObject({
      status: "submitted",
      submittedAt: expect.any(Number),
      stepsDone: 4,
    });
    expect(await getRun(owner, run.id)).toEqual(submitted);

    for (const response of [
      await contractor.post(`${runUrl(run.id)}/steps/0/uncheck`),
      await contractor.post(`${runUrl(run.id)}/steps/1/check`, { note: "again" }),
      await contractor.post(`${runUrl(run.id)}/steps/1/questions`, { question: "Too late?" }),
      await contractor.post(`${runUrl(run.id)}/submit`),
    ]) {
      expectError(response, 422, "run.submitted");
    }
    expect(await getRun(owner, run.id)).toEqual(submitted);
  });

  it("keeps its version when the procedure is published again", async () => {
    const sop = await sharedProcedure(owner, [world.contractor.id]);
    const run = await startRun(owner, { sopId: sop.id, contractorId: world.contractor.id });
    await saveDraft(
      owner,
      sop.id,
      plainDraft({ steps: [step("Open the shop admin."), step("Press save.")] }),
    );
    const v2 = await publish(owner, sop.id);
    expect(v2.number).toBe(2);
    await share(owner, sop.id, 2, [world.contractor.id]);

    const kept = await getRun(contractor, run.id);
    expect(kept.versionNumber).toBe(1);
    expect(kept.version.number).toBe(1);
    expect(kept.version.steps.map((s) => s.instruction)).toEqual(
      plainDraft().steps.map((s) => s.instruction),
    );
    expect(kept.stepCount).toBe(4);
    // Step 3 exists in version 1, though not in version 2.
    expect((await check(contractor, run.id, 3)).steps[3]?.checkedAt).toEqual(expect.any(Number));
    expect((await runs(owner, `?sopId=${sop.id}`))[0]?.versionNumber).toBe(1);
  });
});

describe("a run's images", () => {
  it("stay visible to its contractor after a version without them is shared", async () => {
    const sop = await createSop(owner);
    const imageId = await uploadPng(owner, sop.id);
    const withImage = plainDraft();
    withImage.steps[0] = step("Open the blog editor.", { imageId });
    await saveDraft(owner, sop.id, withImage);
    await publish(owner, sop.id);
    await share(owner, sop.id, 1, [world.contractor.id]);
    const run = await startRun(owner, { sopId: sop.id, contractorId: world.contractor.id });
    expect(run.version.steps[0]?.imageId).toBe(imageId);
    const image = () => contractor.get(`/api/sops/images/${imageId}`);
    expect((await image()).statusCode).toBe(200);

    await saveDraft(owner, sop.id, plainDraft());
    await publish(owner, sop.id);
    await share(owner, sop.id, 2, [world.contractor.id]);
    expect((await getRun(contractor, run.id)).version.steps[0]?.imageId).toBe(imageId);
    expect((await image()).statusCode).toBe(200);
    expectError(await lena.client.get(`/api/sops/images/${imageId}`), 404, "not_found");
  });
});

describe("time per step and where people get stuck", () => {
  it("counts minutes from the clock and flags the slow step and the asked-about step", async () => {
    const run = await runFor(owner, world.contractor.id);
    const minutesBetweenTicks = [2, 3, 45, 2];
    let latest = run;
    for (const [index, minutes] of minutesBetweenTicks.entries()) {
      app.clock.advance(minutes * MINUTE);
      if (index === 1) await ask(contractor, run.id, 1, "What is the offer text?");
      latest = await check(contractor, run.id, index);
    }
    expect(latest.steps.map((s) => s.minutes)).toEqual(minutesBetweenTicks);
    expect((await getRun(owner, run.id)).steps.map((s) => s.minutes)).toEqual(minutesBetweenTicks);

    const stuck = await read<Stuck>(owner, `${sopUrl(run.sopId)}/stuck`);
    expect(stuck.map((s) => [s.stepIndex, s.stuck])).toEqual([
      [0, false],
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(stuck[1]).toMatchObject({ questions: 1, runs: 1, medianMinutes: 3 });
    expect(stuck[1]?.why).toMatch(/^1 question over 1 run:/);
    expect(stuck[2]).toMatchObject({ questions: 0, medianMinutes: 45 });
    // The typical step (the median over all ticks) takes 2.5 minutes.
    expect(stuck[2]?.why).toBe(
      "Takes 45 minutes, about 18× a typical step: split it or add an example",
    );
    for (const calm of [stuck[0], stuck[3]]) expect(calm?.why).toBeNull();
  });

  it("lists nothing for a procedure that has no runs, and 404 for one that does not exist", async () => {
    const sop = await sharedProcedure(owner, [world.contractor.id]);
    expect(await read<Stuck>(owner, `${sopUrl(sop.id)}/stuck`)).toEqual([]);
    expectError(await owner.get(`${sopUrl(someUuid)}/stuck`), 404, "not_found");
  });
});
