import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { addPerson, directoryOf } from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { bodyOf, ownerOfNewWorkspace, read } from "../support/worth.ts";
import { buildWorld, type World } from "../support/world.ts";

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const owner = () => world.owner.client;
const channels = () => read<Channel[]>(owner(), "/api/channels");

describe("channels", () => {
  it("starts with the seeds' channels, each without a fee", async () => {
    const seeded = await channels();
    expect(seeded.map((c) => c.name)).toEqual([
      "Referral",
      "Own network",
      "Search engine",
      "Upwork",
      "Guru",
      "PeoplePerHour",
      "Fiverr",
      "Other",
    ]);
    expect(seeded.every((c) => c.feeBasisPoints === 0 && !c.archived && c.people === 0)).toBe(true);
  });

  it("seeds once when the first reads arrive together", async () => {
    const fresh = await ownerOfNewWorkspace(app, "GBP");
    const answers = await Promise.all([
      fresh.client.get("/api/channels"),
      fresh.client.get("/api/contractor-settings"),
      fresh.client.get("/api/channels"),
    ]);
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(await read<Channel[]>(fresh.client, "/api/channels")).toHaveLength(8);
  });

  it("adds, renames, sets a fee, archives and brings back", async () => {
    const made = bodyOf<Channel>(
      await owner().post("/api/channels", { name: "Local college", feeBasisPoints: 500 }),
      201,
    );
    expect(made).toMatchObject({
      name: "Local college",
      feeBasisPoints: 500,
      archived: false,
      position: 8,
    });
    const renamed = bodyOf<Channel>(
      await world.manager.client.put(`/api/channels/${made.id}`, {
        name: "College job board",
        feeBasisPoints: 1250,
        archived: true,
      }),
    );
    expect(renamed).toMatchObject({
      name: "College job board",
      feeBasisPoints: 1250,
      archived: true,
    });
    const back = bodyOf<Channel>(
      await owner().put(`/api/channels/${made.id}`, { name: "College job board", archived: false }),
    );
    expect(back).toMatchObject({ archived: false, feeBasisPoints: 0 });
  });

  it("counts the people who came through each channel and refuses to delete one in use", async () => {
    const upwork = (await channels()).find((c) => c.name === "Upwork")!;
    await addPerson(owner(), { channelId: upwork.id });
    await addPerson(owner(), { channelId: upwork.id });
    expect((await channels()).find((c) => c.id === upwork.id)?.people).toBe(2);
    const before = await directoryOf(owner());
    expectError(await owner().delete(`/api/channels/${upwork.id}`), 409, "channel.in_use");
    expect(await directoryOf(owner())).toEqual(before);
  });

  it("deletes a channel nobody came through", async () => {
    const made = bodyOf<Channel>(await owner().post("/api/channels", { name: "Flyer" }), 201);
    const deleted = await owner().delete(`/api/channels/${made.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await channels()).map((c) => c.id)).not.toContain(made.id);
    expectError(await owner().delete(`/api/channels/${made.id}`), 404, "not_found");
  });

  it("refuses a duplicate name and a bad fee, writing nothing", async () => {
    const before = await channels();
    expectError(
      await owner().post("/api/channels", { name: "Guru" }),
      409,
      "channel.name_taken",
      "name",
    );
    const other = before.find((c) => c.name === "Fiverr")!;
    expectError(
      await owner().put(`/api/channels/${other.id}`, { name: "Guru" }),
      409,
      "channel.name_taken",
      "name",
    );
    expectError(
      await owner().post("/api/channels", { name: "Pricey", feeBasisPoints: 10_001 }),
      400,
      "invalid_input",
      "feeBasisPoints",
    );
    expectError(await owner().post("/api/channels", { name: "  " }), 400, "invalid_input", "name");
    expect(await channels()).toEqual(before);
  });

  it("treats names that differ only by case as the same name", async () => {
    const before = await channels();
    expectError(
      await owner().post("/api/channels", { name: "gURU" }),
      409,
      "channel.name_taken",
      "name",
    );
    const other = before.find((c) => c.name === "Fiverr")!;
    expectError(
      await owner().put(`/api/channels/${other.id}`, { name: "upwork" }),
      409,
      "channel.name_taken",
      "name",
    );
    expect(await channels()).toEqual(before);
    const recased = bodyOf<Channel>(
      await owner().put(`/api/channels/${other.id}`, { name: "FIVERR" }),
    );
    expect(recased.name).toBe("FIVERR");
  });

  it("keeps each workspace's channels to itself", async () => {
    const ours = (await channels())[0]!;
    expectError(
      await world.stranger.client.put(`/api/channels/${ours.id}`, { name: "Taken over" }),
      404,
      "not_found",
    );
    expectError(await world.stranger.client.delete(`/api/channels/${ours.id}`), 404, "not_found");
    expect((await channels())[0]).toEqual(ours);
  });
});
