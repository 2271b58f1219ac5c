import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { expectError } from "../support/errors.ts";
import { buildWorld, type World } from "../support/world.ts";

describe("my profile and the workspace settings", () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  it("anyone signed in changes their own name and time zone, trimmed", async () => {
    const response = await world.contractor.client.patch("/api/me", {
      name: "  Marco Rossi ",
      timeZone: "Europe/Rome",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ name: "Marco Rossi", timeZone: "Europe/Rome" });
    const people = (await world.owner.client.get("/api/people")).json() as {
      id: string;
      name: string;
    }[];
    expect(people.find((person) => person.id === world.contractor.id)?.name).toBe("Marco Rossi");
  });

  it("changing one field leaves the other as it was", async () => {
    await world.manager.client.patch("/api/me", { timeZone: "Asia/Kolkata" });
    const me = await world.manager.client.patch("/api/me", { name: "Priya S." });
    expect(me.json().user).toMatchObject({ name: "Priya S.", timeZone: "Asia/Kolkata" });
  });

  it("the owner changes the workspace; the currency code is normalised; the manager sees it", async () => {
    const response = await world.owner.client.patch("/api/workspace", {
      name: "Maple Lane Candles & Soap",
      currency: "eur",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: "Maple Lane Candles & Soap",
      currency: "EUR",
      timeZone: "America/Chicago",
    });
    const seen = await world.manager.client.get("/api/workspace");
    expect(seen.json()).toEqual(response.json());
    expect((await world.manager.client.get("/api/me")).json().workspace.currency).toBe("EUR");
  });

  it("a manager cannot change the workspace, and it stays as it was", async () => {
    const before = (await world.owner.client.get("/api/workspace")).json();
    expectError(
      await world.manager.client.patch("/api/workspace", { name: "Mine now" }),
      403,
      "forbidden",
    );
    expect((await world.owner.client.get("/api/workspace")).json()).toEqual(before);
  });
});
