import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_JARGON } from "../../src/sops/rules.ts";
import { MAX_IMAGE_BYTES, MAX_STEPS } from "../../src/sops/schema.ts";
import type { JobPost, Sop, Version } from "../../src/sops/schema.ts";
import { newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  createSop,
  getSop,
  gifBytes,
  imagesStored,
  officialeseDraft,
  plainDraft,
  pngBytes,
  publish,
  saveDraft,
  share,
  sharedProcedure,
  sopUrl,
  step,
  uploadImage,
  uploadPng,
} from "../support/sops.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";
import { addTask, bodyOf, dollars, ownerOfNewWorkspace, read } from "../support/worth.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let manager: ApiClient;
let contractor: ApiClient;
/** A second contractor of the same workspace, with whom nothing is shared. */
let other: Person;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
  manager = world.manager.client;
  contractor = world.contractor.client;
  other = await invitePerson(app, owner, uniqueEmail("lena"), "contractor", "Lena");
});
afterAll(() => app.close());

const someUuid = "0190a0a0-0000-7000-8000-000000000000";

const version = (client: ApiClient, id: string, number: number) =>
  read<Version>(client, `${sopUrl(id)}/versions/${number}`);

const sharedWithMe = (client: ApiClient) =>
  read<{ sopId: string; versionNumber: number }[]>(client, "/api/portal/sops");

describe("writing a procedure", () => {
  it("starts as a draft whose readability is scored on every save", async () => {
    const sop = await createSop(owner);
    expect(sop).toMatchObject({
      title: "Post the weekly offer",
      latestVersion: null,
      hasDraft: true,
      hardToFollow: null,
      versions: [],
      shares: [],
    });
    expect(sop.draft).toMatchObject({ number: null, publishedAt: null, mayHandOver: true });
    expect(sop.draft?.score.hardToFollow).toBe(false);
    expect(sop.draft?.score.whole.readingEase).toBeGreaterThanOrEqual(60);

    const longer = plainDraft({
      steps: [
        ...plainDraft().steps,
        step("Check the price in the shop, then the stock level, and also the shipping notes."),
      ],
    });
    const saved = await saveDraft(owner, sop.id, longer);
    expect(saved.number).toBeNull();
    expect(saved.steps).toHaveLength(5);
    expect(saved.score.steps).toHaveLength(5);
    expect(saved.score.steps[4]?.flags).toContain(
      "Holds more than one action; split it into steps",
    );
    expect(saved.score.whole.readingEase).not.toBe(sop.draft?.score.whole.readingEase);
    expect((await getSop(owner, sop.id)).draft).toEqual(saved);
  });

  it("marks a procedure in officialese hard to follow and says why", async () => {
    const sop = await createSop(owner, officialeseDraft());
    const score = sop.draft!.score;
    expect(score.hardToFollow).toBe(true);
    expect(score.reasons).toEqual([
      expect.stringMatching(/^Reading ease is -?\d+(\.\d)?, below the 60 of plain English$/),
    ]);
    expect(score.jargon).toEqual(expect.arrayContaining(["leverage", "utilize", "facilitate"]));
    expect(score.whole.longWords).toContain("infrastructure");
    expect(score.steps[0]?.flags).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Reading ease -?[\d.]+ is below 60$/)]),
    );
    expect(sop.draft?.mayHandOver).toBe(false);
  });

  it("refuses an instruction over 300 characters or more than 60 steps, naming the field", async () => {
    const sop = await createSop(owner);
    const before = await getSop(owner, sop.id);
    const tooLong = plainDraft({ steps: [step("x".repeat(301))] });
    expectError(
      await owner.put(`${sopUrl(sop.id)}/draft`, tooLong),
      400,
      "invalid_input",
      "steps.0.instruction",
    );
    const tooMany = plainDraft({
      steps: Array.from({ length: MAX_STEPS + 1 }, (_, i) => step(`Do thing ${i}.`)),
    });
    expectError(await owner.put(`${sopUrl(sop.id)}/draft`, tooMany), 400, "invalid_input", "steps");
    const listed = await read<unknown[]>(owner, "/api/sops");
    expectError(await owner.post("/api/sops", tooMany), 400, "invalid_input", "steps");
    expect(await read<unknown[]>(owner, "/api/sops")).toEqual(listed);
    expect(await getSop(owner, sop.id)).toEqual(before);

    // At the limits exactly, both are fine.
    const atLimits = plainDraft({
      steps: [
        step("x".repeat(300)),
        ...Array.from({ length: MAX_STEPS - 1 }, (_, i) => step(`Do ${i}.`)),
      ],
    });
    expect((await saveDraft(owner, sop.id, atLimits)).steps).toHaveLength(MAX_STEPS);
  });
});

describe("versions", () => {
  it("publishing freezes version 1; an edit is a new draft beside it; version 2 follows", async () => {
    const sop = await createSop(owner);
    const v1 = await publish(owner, sop.id);
    expect(v1).toMatchObject({ number: 1, publishedAt: expect.any(Number), mayHandOver: true });
    expect(await getSop(owner, sop.id)).toMatchObject({
      latestVersion: 1,
      hasDraft: false,
      draft: null,
      hardToFollow: false,
      versions: [{ number: 1, hardToFollow: false, overrideReason: null }],
    });
    expectError(await owner.post(`${sopUrl(sop.id)}/publish`, {}), 409, "sop.no_draft");

    const edited = plainDraft({
      steps: [
        step("Open the blog editor."),
        step("Paste the new offer text."),
        step("Add the shop link."),
        step("Press publish."),
        step("Share the post."),
      ],
    });
    await saveDraft(owner, sop.id, edited);
    expect(await version(owner, sop.id, 1)).toEqual(v1);
    expect(await getSop(owner, sop.id)).toMatchObject({ latestVersion: 1, hasDraft: true });

    const v2 = await publish(owner, sop.id);
    expect(v2.number).toBe(2);
    expect(v2.steps.map((s) => s.instruction)).toEqual(edited.steps.map((s) => s.instruction));
    expect(await version(owner, sop.id, 1)).toEqual(v1);
    expect(await version(owner, sop.id, 2)).toEqual(v2);
    expect((await getSop(owner, sop.id)).versions.map((v) => v.number)).toEqual([1, 2]);
    expectError(await owner.get(`${sopUrl(sop.id)}/versions/3`), 404, "not_found");
  });

  it("shows what changed between two versions, line by line", async () => {
    const sop = await createSop(owner);
    await publish(owner, sop.id);
    const [first, , third, fourth] = plainDraft().steps;
    await saveDraft(
      owner,
      sop.id,
      plainDraft({
        steps: [first!, step("Paste the new offer text."), third!, fourth!, step("Share it.")],
      }),
    );
    await publish(owner, sop.id);

    const diff = await read<{
      from: number;
      to: number;
      lines: { kind: string; text: string }[];
    }>(owner, `${sopUrl(sop.id)}/diff?from=1&to=2`);
    expect(diff).toMatchObject({ from: 1, to: 2 });
    const of = (kind: string) => diff.lines.filter((l) => l.kind === kind).map((l) => l.text);
    expect(of("removed")).toEqual(["Step 2: Paste the offer text."]);
    expect(of("added")).toEqual(["Step 2: Paste the new offer text.", "Step 5: Share it."]);
    expect(of("same")).toEqual(
      expect.arrayContaining(["Title: Post the weekly offer", "Step 1: Open the blog editor."]),
    );

    const same = await read<{ lines: { kind: string }[] }>(
      owner,
      `${sopUrl(sop.id)}/diff?from=2&to=2`,
    );
    expect(same.lines.every((line) => line.kind === "same")).toBe(true);
    expectError(await owner.get(`${sopUrl(sop.id)}/diff?from=1&to=9`), 404, "not_found");
    expectError(
      await owner.get(`${sopUrl(sop.id)}/diff?from=0&to=1`),
      400,
      "invalid_input",
      "from",
    );
  });

  it("discards a draft back to the latest version, but not a procedure's only draft", async () => {
    const sop = await createSop(owner);
    expectError(await owner.delete(`${sopUrl(sop.id)}/draft`), 409, "sop.only_draft");
    await publish(owner, sop.id);
    expectError(await owner.delete(`${sopUrl(sop.id)}/draft`), 404, "not_found");
    await saveDraft(owner, sop.id, plainDraft({ title: "Try something" }));
    expect((await owner.delete(`${sopUrl(sop.id)}/draft`)).statusCode).toBe(204);
    expect(await getSop(owner, sop.id)).toMatchObject({
      title: "Post the weekly offer",
      hasDraft: false,
      latestVersion: 1,
    });
  });
});

describe("the readability gate", () => {
  it("refuses to share a hard-to-follow version, and shares nothing", async () => {
    const sop = await createSop(owner, officialeseDraft());
    const v1 = await publish(owner, sop.id);
    expect(v1.score.hardToFollow).toBe(true);
    expect(v1.mayHandOver).toBe(false);

    const refused = await owner.post(`${sopUrl(sop.id)}/shares`, {
      versionNumber: 1,
      contractorIds: [world.contractor.id],
    });
    expectError(refused, 422, "sop.hard_to_follow");
    expect(refused.json().error.message).toMatch(/below the 60 of plain English/);
    expect((await getSop(owner, sop.id)).shares).toEqual([]);
    expect((await sharedWithMe(contractor)).map((s) => s.sopId)).not.toContain(sop.id);
    expectError(await contractor.get(`${sopUrl(sop.id)}/versions/1`), 404, "not_found");
  });

  it("lets the owner override in writing, keeps the reason, and then it may be shared", async () => {
    const sop = await createSop(owner, officialeseDraft());
    await publish(owner, sop.id);
    const overrideUrl = `${sopUrl(sop.id)}/versions/1/override`;
    const reason = "Our writers learned these words in their training.";

    expectError(await manager.post(overrideUrl, { reason }), 403, "forbidden");
    expectError(
      await owner.post(overrideUrl, { reason: " too short " }),
      400,
      "invalid_input",
      "reason",
    );
    expect((await getSop(owner, sop.id)).versions[0]?.overrideReason).toBeNull();

    const overridden = bodyOf<Version>(await owner.post(overrideUrl, { reason }));
    expect(overridden).toMatchObject({ number: 1, overrideReason: reason, mayHandOver: true });
    expect(overridden.score.hardToFollow).toBe(true);
    expect((await getSop(owner, sop.id)).versions[0]).toMatchObject({
      hardToFollow: true,
      overrideReason: reason,
    });

    const shared = await share(owner, sop.id, 1, [world.contractor.id]);
    expect(shared.shares).toEqual([
      {
        userId: world.contractor.id,
        name: "Marco",
        versionNumber: 1,
        sharedAt: expect.any(Number),
      },
    ]);
    expect(await sharedWithMe(contractor)).toContainEqual(
      expect.objectContaining({ sopId: sop.id, versionNumber: 1 }),
    );
    expect(await version(contractor, sop.id, 1)).toMatchObject({ overrideReason: reason });
  });

  it("lets only the owner publish with an override reason, of a sentence at least", async () => {
    const sop = await createSop(owner, officialeseDraft());
    const reason = "Our writers learned these words in their training.";
    expectError(
      await manager.post(`${sopUrl(sop.id)}/publish`, { overrideReason: reason }),
      403,
      "forbidden",
    );
    expectError(
      await owner.post(`${sopUrl(sop.id)}/publish`, { overrideReason: "ok" }),
      400,
      "invalid_input",
      "overrideReason",
    );
    expect(await getSop(owner, sop.id)).toMatchObject({ latestVersion: null, hasDraft: true });
    expect(await publish(owner, sop.id, reason)).toMatchObject({
      number: 1,
      overrideReason: reason,
      mayHandOver: true,
    });
  });

  it("shares only with active contractors of the workspace, naming contractorIds", async () => {
    const sop = await sharedProcedure(owner, []);
    for (const id of [world.manager.id, world.stranger.id, someUuid]) {
      expectError(
        await owner.post(`${sopUrl(sop.id)}/shares`, { versionNumber: 1, contractorIds: [id] }),
        400,
        "invalid_input",
        "contractorIds",
      );
    }
    expect((await getSop(owner, sop.id)).shares).toEqual([]);
  });

  it("uses the workspace's own bar for drafts saved after it changes", async () => {
    const fresh = await ownerOfNewWorkspace(app, "USD");
    expect(await read(fresh.client, "/api/sops/settings")).toEqual({
      minReadingEase: 60,
      jargon: [...DEFAULT_JARGON],
    });
    const sop = await createSop(fresh.client);
    const v1 = await publish(fresh.client, sop.id);
    expect(v1.score.hardToFollow).toBe(false);

    const saved = bodyOf(
      await fresh.client.put("/api/sops/settings", {
        minReadingEase: 100,
        jargon: ["Offer", "offer", "deal"],
      }),
    );
    expect(saved).toEqual({ minReadingEase: 100, jargon: ["offer", "deal"] });
    expectError(
      await fresh.client.put("/api/sops/settings", { minReadingEase: 101, jargon: [] }),
      400,
      "invalid_input",
      "minReadingEase",
    );

    const draft = await saveDraft(fresh.client, sop.id, plainDraft());
    expect(draft.score.hardToFollow).toBe(true);
    expect(draft.score.reasons[0]).toMatch(/below the 100 of plain English$/);
    expect(draft.score.jargon).toEqual(["offer", "deal"]);
    // Version 1 was judged by the bar of its day and keeps that judgement.
    expect(await version(fresh.client, sop.id, 1)).toEqual(v1);
    // The first workspace's bar did not move.
    expect(await read(owner, "/api/sops/settings")).toMatchObject({ minReadingEase: 60 });
  });
});

describe("templates", () => {
  const keys = [
    "publish-blog-post",
    "submit-article-directories",
    "answer-support-email",
    "social-post-from-blog",
  ];

  it("lists the four examples from the seeds' field", async () => {
    const listed = await read<{ key: string; title: string; steps: number }[]>(
      owner,
      "/api/sops/templates",
    );
    expect(listed.map((template) => template.key)).toEqual(keys);
    expect(listed.every((template) => template.steps > 0)).toBe(true);
  });

  it.each(keys)("%s clears the default bar and may be handed over once published", async (key) => {
    const sop = bodyOf<Sop>(await owner.post("/api/sops/from-template", { template: key }), 201);
    expect(sop.draft?.score.hardToFollow).toBe(false);
    expect(sop.draft?.score.reasons).toEqual([]);
    const v1 = await publish(owner, sop.id);
    expect(v1.mayHandOver).toBe(true);
    expect((await share(owner, sop.id, 1, [world.contractor.id])).shares).toHaveLength(1);
  });

  it("refuses an unknown template, naming it", async () => {
    const before = await read<unknown[]>(owner, "/api/sops");
    expectError(
      await owner.post("/api/sops/from-template", { template: "fly-to-the-moon" }),
      400,
      "invalid_input",
      "template",
    );
    expect(await read<unknown[]>(owner, "/api/sops")).toEqual(before);
  });
});

describe("links to the audit", () => {
  it("links a task and an area of the workspace, and refuses unknown ids naming them", async () => {
    const sop = await createSop(owner);
    const task = await addTask(owner, { area: "content" });
    const linksUrl = `${sopUrl(sop.id)}/links`;
    const linked = bodyOf<Sop>(
      await owner.patch(linksUrl, { taskId: task.id, areaId: task.areaId }),
    );
    expect(linked).toMatchObject({ taskId: task.id, areaId: task.areaId });

    const elsewhere = await addTask(world.stranger.client);
    for (const taskId of [someUuid, elsewhere.id]) {
      expectError(
        await owner.patch(linksUrl, { taskId, areaId: null }),
        400,
        "invalid_input",
        "taskId",
      );
    }
    for (const areaId of [someUuid, elsewhere.areaId]) {
      expectError(
        await owner.patch(linksUrl, { taskId: null, areaId }),
        400,
        "invalid_input",
        "areaId",
      );
    }
    expect(await getSop(owner, sop.id)).toMatchObject({ taskId: task.id, areaId: task.areaId });
    expect(bodyOf<Sop>(await owner.patch(linksUrl, { taskId: null, areaId: null }))).toMatchObject({
      taskId: null,
      areaId: null,
    });
  });
});

describe("job posts", () => {
  const marker = "Quokkaplume";
  const channels = ["referral", "network", "upwork", "guru", "peopleperhour", "fiverr"];

  async function jobPost(sopId: string): Promise<JobPost> {
    return read<JobPost>(owner, `${sopUrl(sopId)}/versions/1/job-post`);
  }

  it("come for every channel with the title, the task's hours and rate, and nothing private", async () => {
    const sop = await createSop(
      owner,
      plainDraft({
        tools: [`${marker} admin login`],
        steps: [
          step(`Open the ${marker} editor.`, {
            detail: `Use the **${marker}** account.`,
            check: `The ${marker} page loads.`,
          }),
          step("Press publish."),
        ],
      }),
    );
    await publish(owner, sop.id);
    const task = await addTask(owner, {
      area: "content",
      hoursPerWeek: 6,
      marketRate: dollars(12.5),
    });
    await owner.patch(`${sopUrl(sop.id)}/links`, { taskId: task.id, areaId: null });

    const response = await owner.get(`${sopUrl(sop.id)}/versions/1/job-post`);
    expect(response.body.toLowerCase()).not.toContain(marker.toLowerCase());
    const { variants } = bodyOf<JobPost>(response);
    expect(variants.map((variant) => variant.channel)).toEqual(channels);
    for (const variant of variants) {
      for (const post of [variant.markdown, variant.text]) {
        expect(post, variant.channel).toContain("Post the weekly offer");
        expect(post, variant.channel).toContain("About 6 hours a week");
        expect(post, variant.channel).toContain("$12.50 per hour");
        expect(post, variant.channel).not.toContain("Open the");
        expect(post, variant.channel).not.toContain("Press publish");
      }
      expect(variant.markdown.startsWith("## ")).toBe(true);
      expect(variant.text).not.toMatch(/\*\*|^## /m);
    }
    const upwork = variants.find((variant) => variant.channel === "upwork")!;
    expect(upwork.text).toContain("Skill: content");
    expect(upwork.text).toContain("The offer is on the blog and in the shop.");
  });

  it("say nothing of hours or pay when no task is linked", async () => {
    const sop = await sharedProcedure(owner, []);
    for (const variant of (await jobPost(sop.id)).variants) {
      expect(variant.text).not.toMatch(/per hour|About \d+ hours/);
      expect(variant.text).toContain("Post the weekly offer");
    }
  });

  it("are made only from a published version", async () => {
    const sop = await createSop(owner);
    expectError(await owner.get(`${sopUrl(sop.id)}/versions/1/job-post`), 404, "not_found");
  });
});

describe("step detail in Markdown", () => {
  const detail = [
    "Read the [style guide](https://guide.example/style).",
    "<script>alert('stolen')</script>",
    '<img src="x" onerror="alert(1)">',
    "[Click me](javascript:alert(1)) and [me too](JAVASCRIPT:alert(2))",
    '<a href="https://shop.example" onclick="steal()" target="_self">shop</a>',
  ].join("\n\n");

  function expectInert(html: string) {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert\('stolen'\)/);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain(
      '<a target="_blank" rel="noopener noreferrer nofollow">Click me</a> and <a target="_blank" rel="noopener noreferrer nofollow">me too</a>',
    );
    expect(html).toContain(
      '<a href="https://guide.example/style" target="_blank" rel="noopener noreferrer nofollow">style guide</a>',
    );
    expect(html).toContain(
      '<a href="https://shop.example" target="_blank" rel="noopener noreferrer nofollow">shop</a>',
    );
  }

  it("is rendered inert for the owner and for the contractor, and kept as written", async () => {
    const sop = await createSop(owner);
    const draft = plainDraft();
    draft.steps[0] = step("Open the blog editor.", { detail });
    const saved = await saveDraft(owner, sop.id, draft);
    expect(saved.steps[0]?.detail).toBe(detail);
    expectInert(saved.steps[0]!.detailHtml);

    await publish(owner, sop.id);
    await share(owner, sop.id, 1, [world.contractor.id]);
    expectInert((await version(contractor, sop.id, 1)).steps[0]!.detailHtml);
  });
});

describe("images", () => {
  it("a PNG is stored (201) and read back with its content type", async () => {
    const sop = await createSop(owner);
    const response = await uploadImage(owner, sop.id, pngBytes);
    const image = bodyOf<{ id: string; contentType: string; bytes: number }>(response, 201);
    expect(image).toEqual({ id: expect.any(String), contentType: "image/png", bytes: 70 });
    const back = await owner.get(`/api/sops/images/${image.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers["content-type"]).toBe("image/png");
    expect(back.rawPayload.equals(pngBytes)).toBe(true);

    const gif = bodyOf<{ id: string }>(
      await uploadImage(owner, sop.id, gifBytes, "image/gif"),
      201,
    );
    expect((await owner.get(`/api/sops/images/${gif.id}`)).headers["content-type"]).toBe(
      "image/gif",
    );
    expect(await imagesStored(app, sop.id)).toBe(2);
  });

  it("refuses other types, bytes that are not the claimed type, and files over 2 MB, storing nothing", async () => {
    const sop = await createSop(owner);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expectError(
      await uploadImage(owner, sop.id, svg, "image/svg+xml"),
      415,
      "unsupported_media_type",
    );
    expectError(
      await uploadImage(owner, sop.id, Buffer.from("hello"), "text/plain"),
      400,
      "image.type",
      "image",
    );
    expectError(
      await uploadImage(owner, sop.id, gifBytes, "image/png"),
      400,
      "image.content",
      "image",
    );
    expectError(
      await uploadImage(owner, sop.id, Buffer.from("not really a photo"), "image/jpeg"),
      400,
      "image.content",
      "image",
    );
    const tooBig = Buffer.concat([pngBytes, Buffer.alloc(MAX_IMAGE_BYTES + 1 - pngBytes.length)]);
    expectError(await uploadImage(owner, sop.id, tooBig, "image/png"), 413, "too_large");
    expect(await imagesStored(app, sop.id)).toBe(0);

    // Exactly 2 MB is still fine.
    const atLimit = Buffer.concat([pngBytes, Buffer.alloc(MAX_IMAGE_BYTES - pngBytes.length)]);
    expect((await uploadImage(owner, sop.id, atLimit)).statusCode).toBe(201);
    expect(await imagesStored(app, sop.id)).toBe(1);
  });

  it("a step may show only an image of its own procedure, naming steps.N.imageId", async () => {
    const sop = await createSop(owner);
    const elsewhere = await createSop(owner);
    const foreign = await uploadPng(owner, elsewhere.id);
    const before = await getSop(owner, sop.id);
    for (const imageId of [foreign, someUuid]) {
      const draft = plainDraft();
      draft.steps[1] = step("Paste the offer text.", { imageId });
      expectError(
        await owner.put(`${sopUrl(sop.id)}/draft`, draft),
        400,
        "invalid_input",
        "steps.1.imageId",
      );
    }
    expect(await getSop(owner, sop.id)).toEqual(before);

    const own = await uploadPng(owner, sop.id);
    const draft = plainDraft();
    draft.steps[1] = step("Paste the offer text.", { imageId: own });
    expect((await saveDraft(owner, sop.id, draft)).steps[1]?.imageId).toBe(own);
  });

  it("a contractor sees an image only when a version shared with them shows it", async () => {
    const sop = await createSop(owner);
    const shown = await uploadPng(owner, sop.id);
    const unused = await uploadPng(owner, sop.id);
    const draft = plainDraft();
    draft.steps[0] = step("Open the blog editor.", { imageId: shown });
    await saveDraft(owner, sop.id, draft);
    await publish(owner, sop.id);

    const image = (client: ApiClient, id: string) => client.get(`/api/sops/images/${id}`);
    expectError(await image(contractor, shown), 404, "not_found");
    await share(owner, sop.id, 1, [world.contractor.id]);
    const seen = await image(contractor, shown);
    expect(seen.statusCode).toBe(200);
    expect(seen.rawPayload.equals(pngBytes)).toBe(true);
    expectError(await image(contractor, unused), 404, "not_found");
    const lena = await newDevice(app, other);
    expectError(await image(lena, shown), 404, "not_found");
    expectError(await image(world.stranger.client, shown), 404, "not_found");
  });
});
