import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalendarFeed, NewCalendarFeed } from "../../src/notify/inbox-schema.ts";
import { reportDues } from "../../src/work/cadence-service.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { activeContract } from "../support/contracts.ts";
import { milestonesOf } from "../support/ledger.ts";
import { busyWorkspace } from "../support/notifications.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";
import { bodyOf, read } from "../support/worth.ts";

interface ParsedEvent {
  uid: string;
  summary: string;
  allDay: boolean;
  start: string;
  end: number;
}

/** The feed as a calendar app reads it: parsed by an independent iCalendar parser. */
function eventsIn(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      allDay: event.startDate.isDate,
      start: event.startDate.isDate
        ? event.startDate.toString()
        : event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().getTime(),
    };
  });
}

describe("the calendar feed", () => {
  let app: TestApp;
  let world: World;
  let other: Person;
  let anonymous: ApiClient;
  let busy: Awaited<ReturnType<typeof busyWorkspace>>;
  let otherContractId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    busy = await busyWorkspace(app, world);
    other = await invitePerson(app, world.owner.client, "lena@example.com", "contractor", "Lena");
    otherContractId = (await activeContract(world.owner.client, other.client)).id;
    anonymous = new ApiClient(app.server);
  });
  afterAll(() => app.close());

  async function newFeed(client: ApiClient): Promise<string> {
    const feed = bodyOf<NewCalendarFeed>(await client.post("/api/calendar-feed"), 201);
    const url = new URL(feed.url);
    expect(url.origin).toBe(app.config.publicUrl.origin);
    expect(url.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    return url.pathname;
  }

  async function fetchFeed(path: string) {
    return anonymous.get(path);
  }

  it("gives the contractor their own milestones, report due time and contract end", async () => {
    const path = await newFeed(world.contractor.client);
    const response = await fetchFeed(path);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    const events = eventsIn(response.body);

    const milestones = await milestonesOf(world.contractor.client, busy.running.id);
    for (const milestone of milestones) {
      expect(events).toContainEqual(
        expect.objectContaining({
          uid: `milestone-${milestone.id}`,
          allDay: true,
          start: milestone.dueDate,
        }),
      );
    }
    expect(events).toContainEqual(
      expect.objectContaining({
        uid: `contract-end-${busy.running.id}`,
        allDay: true,
        start: busy.running.endDate,
      }),
    );
    const [due] = (await reportDues(app.ctx, world.workspaceId, app.clock.now())).filter(
      (report) => report.contractorId === busy.contractorId,
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        uid: `report-${busy.contractorId}-${due!.dueAt}`,
        end: due!.dueAt,
      }),
    );
    const everything = events.map((event) => event.uid).join(" ");
    expect(everything).not.toContain(otherContractId);
    expect(everything).not.toContain(busy.waiting.id);
    expect(events).toHaveLength(milestones.length + 2);
  });

  it("gives the owner every running contract, naming whose it is", async () => {
    const events = eventsIn((await fetchFeed(await newFeed(world.owner.client))).body);
    const otherMilestones = await milestonesOf(world.owner.client, otherContractId);
    expect(otherMilestones).toHaveLength(3);
    for (const milestone of otherMilestones) {
      expect(events).toContainEqual(
        expect.objectContaining({
          uid: `milestone-${milestone.id}`,
          start: milestone.dueDate,
          summary: expect.stringContaining("Lena"),
        }),
      );
    }
    expect(events).toContainEqual(
      expect.objectContaining({ uid: `contract-end-${otherContractId}`, start: "2026-04-30" }),
    );
    expect(events.map((event) => event.uid).join(" ")).not.toContain(busy.waiting.id);
  });

  it("replaces the address on request, so the old one stops working", async () => {
    const client = world.manager.client;
    const first = await newFeed(client);
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = await newFeed(client);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect((await fetchFeed(second)).statusCode).toBe(200);
    expect(await read<CalendarFeed>(client, "/api/calendar-feed")).toMatchObject({
      active: true,
    });
  });

  it("turns the address off when revoked", async () => {
    const client = world.contractor.client;
    const path = await newFeed(client);
    expect((await client.delete("/api/calendar-feed")).statusCode).toBe(204);
    expect((await fetchFeed(path)).statusCode).toBe(404);
    expect(await read<CalendarFeed>(client, "/api/calendar-feed")).toEqual({
      active: false,
      createdAt: null,
    });
  });

  it("answers an address it never gave with not found", async () => {
    expect((await fetchFeed("/calendar/not-a-real-token.ics")).statusCode).toBe(404);
  });

  it("shows another workspace's owner only their own empty calendar", async () => {
    const events = eventsIn((await fetchFeed(await newFeed(world.stranger.client))).body);
    expect(events).toEqual([]);
  });
});
