import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notification } from "../../src/notify/inbox-schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import {
  busyWorkspace,
  inboxOf,
  notificationRowsOf,
  sweepAndDeliver,
} from "../support/notifications.ts";
import { buildWorld, type World } from "../support/world.ts";
import { bodyOf, read } from "../support/worth.ts";

const preferencesUrl = "/api/notification-preferences";

describe("the inbox", () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    await busyWorkspace(app, world);
    await sweepAndDeliver(app);
  });
  afterAll(() => app.close());

  async function ownRows(userId: string) {
    return (await notificationRowsOf(app, world.workspaceId)).filter(
      (row) => row.user_id === userId && row.kind !== "daily_digest",
    );
  }

  it("shows each person their own notifications only, newest first", async () => {
    for (const person of [world.owner, world.manager, world.contractor]) {
      const { notifications, nextCursor } = await inboxOf(person.client);
      const rows = await ownRows(person.id);
      expect(notifications.map((entry) => entry.id).sort()).toEqual(
        rows.map((row) => row.id).sort(),
      );
      expect(notifications.length).toBeGreaterThan(0);
      expect(nextCursor).toBeNull();
      const times = notifications.map((entry) => entry.createdAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("pages through the inbox with a cursor, each notification once", async () => {
    const all = (await inboxOf(world.contractor.client)).notifications;
    const seen: Notification[] = [];
    let cursor: string | null = null;
    do {
      const page = await inboxOf(
        world.contractor.client,
        `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.notifications.length).toBeLessThanOrEqual(1);
      seen.push(...page.notifications);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it("refuses a cursor it did not give", async () => {
    const response = await world.owner.client.get("/api/notifications?cursor=yesterday");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("cursor");
  });

  it("counts unread, marks one read once, and then all", async () => {
    const client = world.owner.client;
    const unread = () => read<{ unread: number }>(client, "/api/notifications/unread-count");
    const total = (await ownRows(world.owner.id)).length;
    expect(await unread()).toEqual({ unread: total });

    const [first] = (await inboxOf(client)).notifications;
    const asked = app.clock.now();
    const readOnce = bodyOf<Notification>(
      await client.post(`/api/notifications/${first!.id}/read`),
    );
    expect(readOnce.readAt).toBeGreaterThanOrEqual(asked);
    expect(readOnce.readAt).toBeLessThanOrEqual(app.clock.now());
    app.clock.advance(60_000);
    const readTwice = bodyOf<Notification>(
      await client.post(`/api/notifications/${first!.id}/read`),
    );
    expect(readTwice.readAt).toBe(readOnce.readAt);
    expect(await unread()).toEqual({ unread: total - 1 });
    const unreadOnly = await inboxOf(client, "?unread=true");
    expect(unreadOnly.notifications.map((entry) => entry.id)).not.toContain(first!.id);
    expect(unreadOnly.notifications).toHaveLength(total - 1);

    expect(bodyOf(await client.post("/api/notifications/read-all"))).toEqual({ unread: 0 });
    expect(await unread()).toEqual({ unread: 0 });
    expect((await inboxOf(client, "?unread=true")).notifications).toEqual([]);
    expect((await inboxOf(client)).notifications).toHaveLength(total);
  });

  it("does not let anyone else read or mark a person's notification", async () => {
    const [theirs] = (await inboxOf(world.contractor.client)).notifications;
    for (const other of [world.owner, world.manager, world.stranger]) {
      const response = await other.client.post(`/api/notifications/${theirs!.id}/read`);
      expect(response.statusCode, other.email).toBe(404);
    }
    const after = (await inboxOf(world.contractor.client)).notifications[0];
    expect(after).toEqual(theirs);
  });

  it("shows another workspace nothing", async () => {
    expect((await inboxOf(world.stranger.client)).notifications).toEqual([]);
    expect(await read(world.stranger.client, "/api/notifications/unread-count")).toEqual({
      unread: 0,
    });
  });
});

describe("notification preferences", () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  it("start with email for what can't wait, a daily summary and no quiet hours", async () => {
    expect(await read(world.contractor.client, preferencesUrl)).toEqual({
      emailKinds: ["report_missed", "milestone_overdue", "work_submitted"],
      dailyDigest: true,
      quietStart: null,
      quietEnd: null,
    });
  });

  it("are each person's own", async () => {
    const chosen = {
      emailKinds: ["work_submitted", "milestone_overdue"],
      dailyDigest: false,
      quietStart: "21:30",
      quietEnd: "07:00",
    };
    const saved = bodyOf(await world.manager.client.put(preferencesUrl, chosen));
    expect(saved).toEqual({ ...chosen, emailKinds: ["milestone_overdue", "work_submitted"] });
    expect(await read(world.manager.client, preferencesUrl)).toEqual(saved);
    expect(await read(world.owner.client, preferencesUrl)).toMatchObject({ dailyDigest: true });
  });

  it.each([
    [{ quietStart: "22:00", quietEnd: null }, "quietEnd"],
    [{ quietStart: null, quietEnd: "06:00" }, "quietStart"],
    [{ quietStart: "22:00", quietEnd: "22:00" }, "quietEnd"],
    [{ quietStart: "25:00", quietEnd: "06:00" }, "quietStart"],
    [{ emailKinds: ["gossip"] }, "emailKinds.0"],
  ])("refuses %j, naming %s", async (change, field) => {
    const before = await read(world.owner.client, preferencesUrl);
    const response = await world.owner.client.put(preferencesUrl, {
      emailKinds: [],
      dailyDigest: true,
      quietStart: null,
      quietEnd: null,
      ...change,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields).toHaveProperty([field]);
    expect(await read(world.owner.client, preferencesUrl)).toEqual(before);
  });
});
