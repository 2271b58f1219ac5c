import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractorDetail, OwnProfile } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { addPerson, areaId, inputOf } from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type World } from "../support/world.ts";

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const owner = () => world.owner.client;
const ownProfile = (client = world.contractor.client) =>
  read<OwnProfile>(client, "/api/portal/profile");

const ownFields = {
  country: "UA",
  timeZone: "Europe/Kyiv",
  dayStart: "10:00",
  dayEnd: "18:30",
  workingDays: [2, 3, 4, 5, 6],
  contactMethod: "chat",
  phone: null,
  chatHandle: "@marco",
};

describe("the contractor's own profile", () => {
  it("is made from the account on the first visit, once, even when asked twice at once", async () => {
    const [first, second] = await Promise.all([
      world.contractor.client.get("/api/portal/profile"),
      world.contractor.client.get("/api/portal/profile"),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(first.json()).toEqual({
      id: expect.any(String),
      name: "Marco",
      email: "marco@example.com",
      country: null,
      timeZone: "Europe/Kyiv",
      dayStart: "09:00",
      dayEnd: "17:00",
      workingDays: [1, 2, 3, 4, 5],
      contactMethod: "email",
      phone: null,
      chatHandle: null,
      skills: [],
    });
    const inDirectory = await read<ContractorDetail>(
      owner(),
      `/api/contractors/${first.json().id}`,
    );
    expect(inDirectory).toMatchObject({
      status: "active",
      portal: { status: "joined", userId: world.contractor.id },
    });
  });

  it("shows the record the owner made, without owner-only fields", async () => {
    const design = await areaId(owner(), "design");
    const made = await addPerson(owner(), {
      name: "Iris Novak",
      email: "iris@example.com",
      hourlyRate: 4000,
      notes: "Keep an eye on deadlines",
      status: "active",
      skills: [{ areaId: design, level: 4, verified: true }],
    });
    const iris = await invitePerson(app, owner(), "iris@example.com", "contractor", "Iris");
    const profile = await ownProfile(iris.client);
    expect(profile.id).toBe(made.id);
    expect(profile.skills).toEqual([{ areaId: design, areaName: "design", level: 4 }]);
    const body = JSON.stringify(profile);
    for (const secret of [
      "notes",
      "Keep an eye",
      "hourlyRate",
      "rates",
      "status",
      "channel",
      "verified",
      "rateHistory",
    ]) {
      expect(body).not.toContain(secret);
    }
  });

  it("saves the contractor's own fields and moves their account to the new time zone", async () => {
    const saved = bodyOf<OwnProfile>(
      await world.contractor.client.put("/api/portal/profile", ownFields),
    );
    expect(saved).toMatchObject({ ...ownFields, name: "Marco" });
    const me = await read<{ user: { timeZone: string } }>(world.contractor.client, "/api/me");
    expect(me.user.timeZone).toBe("Europe/Kyiv");
    const moved = bodyOf<OwnProfile>(
      await world.contractor.client.put("/api/portal/profile", {
        ...ownFields,
        timeZone: "Asia/Manila",
      }),
    );
    expect(moved.timeZone).toBe("Asia/Manila");
    expect(
      (await read<{ user: { timeZone: string } }>(world.contractor.client, "/api/me")).user
        .timeZone,
    ).toBe("Asia/Manila");
    const inDirectory = await read<ContractorDetail>(owner(), `/api/contractors/${saved.id}`);
    expect(inDirectory).toMatchObject({
      timeZone: "Asia/Manila",
      chatHandle: "@marco",
      workingDays: [2, 3, 4, 5, 6],
    });
  });

  it("cannot change owner-only fields or anyone else's record", async () => {
    const before = await ownProfile();
    const detailBefore = await read<ContractorDetail>(owner(), `/api/contractors/${before.id}`);
    for (const extra of [
      { notes: "I am great" },
      { hourlyRate: 99_999 },
      { status: "ended" },
      { name: "Boss" },
      { email: "x@example.com" },
    ]) {
      expectError(
        await world.contractor.client.put("/api/portal/profile", { ...ownFields, ...extra }),
        400,
        "invalid_input",
        Object.keys(extra)[0],
      );
    }
    const someoneElse = await addPerson(owner());
    expectError(
      await world.contractor.client.put(`/api/contractors/${someoneElse.id}`, inputOf(someoneElse)),
      403,
      "forbidden",
    );
    expect(await read<ContractorDetail>(owner(), `/api/contractors/${before.id}`)).toEqual(
      detailBefore,
    );
  });

  it("refuses bad input and writes nothing", async () => {
    const before = await ownProfile();
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: "Moon/Crater" }, "timeZone"],
      [{ contactMethod: "phone", phone: null }, "phone"],
      [{ dayStart: "25:00" }, "dayStart"],
      [{ workingDays: [] }, "workingDays"],
      [{ country: "XX" }, "country"],
    ];
    for (const [bad, field] of cases) {
      expectError(
        await world.contractor.client.put("/api/portal/profile", { ...ownFields, ...bad }),
        400,
        "invalid_input",
        field,
      );
    }
    expect(await ownProfile()).toEqual(before);
  });

  it("is for contractors only", async () => {
    expectError(await owner().get("/api/portal/profile"), 403, "forbidden");
    expectError(await world.manager.client.put("/api/portal/profile", ownFields), 403, "forbidden");
    expectError(await world.anonymous.get("/api/portal/profile"), 401, "auth.required");
  });
});
