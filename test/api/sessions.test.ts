import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSessionId, meStatus, newDevice, signIn } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { buildWorld, setUpWorkspace, type Person, type World } from "../support/world.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface SessionView {
  id: string;
  current: boolean;
  remember: boolean;
  lastSeenAt: number;
  expiresAt: number;
}

async function sessionsOf(client: ApiClient): Promise<SessionView[]> {
  const response = await client.get("/api/me/sessions");
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("my sessions", () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  it("lists my devices and marks only the one asking as current", async () => {
    const laptop = await newDevice(app, world.manager);
    const phone = await newDevice(app, world.manager);
    const laptopId = await currentSessionId(laptop);
    const phoneId = await currentSessionId(phone);
    const listed = await sessionsOf(laptop);
    expect(listed.map((session) => session.id)).toEqual(
      expect.arrayContaining([laptopId, phoneId]),
    );
    expect(listed.filter((session) => session.current).map((session) => session.id)).toEqual([
      laptopId,
    ]);
    const ownersSession = await currentSessionId(world.owner.client);
    expect(listed.map((session) => session.id)).not.toContain(ownersSession);
  });

  it("ending another of my sessions signs that device out at once", async () => {
    const laptop = await newDevice(app, world.contractor);
    const phone = await newDevice(app, world.contractor);
    const phoneId = await currentSessionId(phone);
    expect((await laptop.delete(`/api/me/sessions/${phoneId}`)).statusCode).toBe(204);
    expectError(await phone.get("/api/me"), 401, "auth.required");
    expect(await meStatus(laptop)).toBe(200);
    expect((await sessionsOf(laptop)).map((session) => session.id)).not.toContain(phoneId);
  });

  it("cannot end someone else's session: 404, and it keeps working", async () => {
    const victim = await newDevice(app, world.owner);
    const victimId = await currentSessionId(victim);
    const response = await (
      await newDevice(app, world.manager)
    ).delete(`/api/me/sessions/${victimId}`);
    expectError(response, 404, "not_found");
    expect(await meStatus(victim)).toBe(200);
  });

  it("signing out everywhere else keeps only this device", async () => {
    const person: Person = world.stranger;
    const keep = await newDevice(app, person);
    const others = [await newDevice(app, person), await newDevice(app, person)];
    expect((await keep.post("/api/me/sessions/sign-out-others")).statusCode).toBe(204);
    for (const other of others) expect(await meStatus(other)).toBe(401);
    expect(await meStatus(keep)).toBe(200);
    const listed = await sessionsOf(keep);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.current).toBe(true);
  });
});

describe("session lifetime", () => {
  let app: TestApp;
  let owner: Person;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
  });
  afterAll(() => app.close());

  it("ends 12 hours after the last use when not remembered", async () => {
    const browser = await signIn(app, owner.email);
    app.clock.advance(12 * HOUR);
    expectError(await browser.get("/api/me"), 401, "auth.required");
  });

  it("still works just before those 12 hours are up", async () => {
    const browser = await signIn(app, owner.email);
    app.clock.advance(12 * HOUR - MINUTE);
    expect(await meStatus(browser)).toBe(200);
  });

  it("slides: each use pushes the end out by another 12 hours", async () => {
    const browser = await signIn(app, owner.email);
    const [signedIn] = await sessionsOf(browser);
    app.clock.advance(11 * HOUR);
    const [afterUse] = await sessionsOf(browser);
    expect(afterUse!.expiresAt).toBeGreaterThanOrEqual(signedIn!.expiresAt + 11 * HOUR);
    app.clock.advance(11 * HOUR);
    expect(await meStatus(browser)).toBe(200);
  });

  it("records use at most once a minute, so reads do not turn into writes", async () => {
    const browser = await signIn(app, owner.email);
    const first = (await sessionsOf(browser)).find((session) => session.current)!;
    app.clock.advance(30_000);
    const soon = (await sessionsOf(browser)).find((session) => session.current)!;
    expect(soon.lastSeenAt).toBe(first.lastSeenAt);
    expect(soon.expiresAt).toBe(first.expiresAt);
    app.clock.advance(31_000);
    const later = (await sessionsOf(browser)).find((session) => session.current)!;
    expect(later.lastSeenAt).toBeGreaterThanOrEqual(first.lastSeenAt + MINUTE);
  });

  it("survives 29 days unused when remembered", async () => {
    const browser = await signIn(app, owner.email, { remember: true });
    expect((await sessionsOf(browser)).find((session) => session.current)?.remember).toBe(true);
    app.clock.advance(29 * DAY);
    expect(await meStatus(browser)).toBe(200);
  });

  it("ends 30 days after the last use even when remembered", async () => {
    const browser = await signIn(app, owner.email, { remember: true });
    app.clock.advance(30 * DAY);
    expect(await meStatus(browser)).toBe(401);
  });

  it("no longer lists sessions that have expired", async () => {
    const stale = await signIn(app, owner.email);
    const staleId = await currentSessionId(stale);
    app.clock.advance(13 * HOUR);
    const fresh = await newDevice(app, owner);
    expect((await sessionsOf(fresh)).map((session) => session.id)).not.toContain(staleId);
  });
});
