import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Contract } from "../../src/contracts/schema.ts";
import { sweep } from "../../src/notify/sweep-service.ts";
import { addDays, instantAt, localDateOf } from "../../src/time/working-day.ts";
import { newDevice } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import {
  deliverMail,
  busyWorkspace,
  inboxOf,
  mailTo,
  notificationRowsOf,
  sweepAndDeliver,
} from "../support/notifications.ts";
import { headerOf, startMailServer, textOf, type MailServer } from "../support/smtp.ts";
import { buildWorld, type World } from "../support/world.ts";
import { bodyOf } from "../support/worth.ts";

const HOUR = 3_600_000;

/** Mail about one notification, as opposed to the daily summary. */
function soloMailTo(smtp: MailServer, to: string, about: string) {
  return mailTo(smtp, to, about).filter((mail) => textOf(mail.raw).includes("Open it in Handoff"));
}

function outboxOf(app: TestApp, workspaceId: string) {
  return app.ctx.db
    .selectFrom("outbox")
    .select(["to_address", "body_text"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

function kindsOf(page: { notifications: { kind: string }[] }) {
  return page.notifications.map((notification) => notification.kind).sort();
}

describe("the notification sweep", () => {
  let app: TestApp;
  let smtp: MailServer;
  let world: World;

  beforeEach(async () => {
    smtp = await startMailServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    world = await buildWorld(app);
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
  });

  it("notifies each person once per cause and emails what can't wait once, however often it runs", async () => {
    await busyWorkspace(app, world);

    const first = await sweepAndDeliver(app);
    const rows = await notificationRowsOf(app, world.workspaceId);
    const received = smtp.received.length;
    const second = await sweepAndDeliver(app);

    expect(first.notified).toBeGreaterThan(0);
    expect(second.notified).toBe(0);
    expect(await notificationRowsOf(app, world.workspaceId)).toEqual(rows);
    expect(smtp.received).toHaveLength(received);

    expect(kindsOf(await inboxOf(world.owner.client))).toEqual(
      expect.arrayContaining(["milestone_overdue", "work_submitted"]),
    );
    expect(kindsOf(await inboxOf(world.manager.client))).toContain("work_submitted");
    expect(kindsOf(await inboxOf(world.manager.client))).not.toContain("milestone_overdue");
    expect(kindsOf(await inboxOf(world.contractor.client))).toEqual(
      expect.arrayContaining(["contract_sent", "milestone_due_soon", "milestone_overdue"]),
    );
    expect(kindsOf(await inboxOf(world.contractor.client))).not.toContain("work_submitted");

    expect(mailTo(smtp, world.owner.email, "“Keyword list” is overdue")).toHaveLength(1);
    expect(mailTo(smtp, world.manager.email, "is waiting for your review")).toHaveLength(1);
    expect(mailTo(smtp, world.contractor.email, "“Keyword list” is overdue")).toHaveLength(1);
    // Sending the contract emailed its link already; the sweep adds it to the inbox only.
    expect(soloMailTo(smtp, world.contractor.email, "A contract is waiting for you")).toEqual([]);
    // Due soon is not urgent: it waits for the daily summary rather than mailing at once.
    expect(soloMailTo(smtp, world.contractor.email, "Hand it in by")).toEqual([]);
  });

  it("tells the owner about a contract still not accepted after three days, once", async () => {
    const { waiting } = await busyWorkspace(app, world);
    await sweepAndDeliver(app);
    const waitingFor = async (owner: ApiClient) =>
      (await inboxOf(owner)).notifications.filter(
        (notification) => notification.kind === "contract_waiting",
      );
    expect(await waitingFor(world.owner.client)).toEqual([]);

    app.clock.advance(3 * 24 * HOUR);
    await sweepAndDeliver(app);
    await sweepAndDeliver(app);
    const [nudge, ...more] = await waitingFor(await newDevice(app, world.owner));
    expect(more).toEqual([]);
    expect(nudge).toMatchObject({ link: `/contracts/${waiting.id}`, readAt: null });
    expect(nudge!.title).toContain("Newsletter");
  });

  it("writes each notification and email once when two sweeps run side by side", async () => {
    await busyWorkspace(app, world);
    await deliverMail(app);
    const queuedBefore = await outboxOf(app, world.workspaceId);
    const [one, two] = await Promise.all([sweep(app.ctx), sweep(app.ctx)]);
    expect(one.failed + two.failed).toBe(0);

    const rows = await notificationRowsOf(app, world.workspaceId);
    const shown = rows.filter((row) => row.kind !== "daily_digest");
    expect(one.notified + two.notified).toBe(shown.length);
    const queued = (await outboxOf(app, world.workspaceId)).slice(queuedBefore.length);
    expect(queued).toHaveLength(one.emailed + two.emailed);
    expect(new Set(queued.map((mail) => `${mail.to_address} ${mail.body_text}`)).size).toBe(
      queued.length,
    );
    expect(queued.length).toBeGreaterThanOrEqual(4);

    const received = smtp.received.length;
    await deliverMail(app);
    expect(smtp.received).toHaveLength(received + queued.length);
    const again = await sweepAndDeliver(app);
    expect(again).toMatchObject({ notified: 0, emailed: 0 });
  });

  it("holds email through the person's quiet hours and sends it when they end", async () => {
    const ownerZone = "America/Chicago";
    const now = app.clock.now();
    const clock = (instant: number) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: ownerZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(instant);
    bodyOf(
      await world.owner.client.put("/api/notification-preferences", {
        emailKinds: ["milestone_overdue", "work_submitted"],
        dailyDigest: false,
        quietStart: clock(now - HOUR),
        quietEnd: clock(now + HOUR),
      }),
    );
    await busyWorkspace(app, world);

    await sweepAndDeliver(app);
    expect(kindsOf(await inboxOf(world.owner.client))).toContain("milestone_overdue");
    expect(mailTo(smtp, world.contractor.email, "“Keyword list” is overdue")).toHaveLength(1);

    app.clock.advance(90 * 60_000);
    await sweepAndDeliver(app);
    await sweepAndDeliver(app);
    expect(mailTo(smtp, world.owner.email, "“Keyword list” is overdue")).toHaveLength(1);
    expect(mailTo(smtp, world.owner.email, "is waiting for your review")).toHaveLength(1);
  });

  it("emails nothing to someone who turned every kind and the digest off", async () => {
    bodyOf(
      await world.owner.client.put("/api/notification-preferences", {
        emailKinds: [],
        dailyDigest: false,
        quietStart: null,
        quietEnd: null,
      }),
    );
    await busyWorkspace(app, world);
    await deliverMail(app);
    const toOwner = () => smtp.received.filter((mail) => mail.to.includes(world.owner.email));
    const before = toOwner().length;
    await sweepAndDeliver(app);
    app.clock.advance(25 * HOUR);
    await sweepAndDeliver(app);
    expect(kindsOf(await inboxOf(await newDevice(app, world.owner)))).toContain(
      "milestone_overdue",
    );
    expect(toOwner()).toHaveLength(before);
  });
});

describe("the daily digest", () => {
  let app: TestApp;
  let smtp: MailServer;

  beforeEach(async () => {
    smtp = await startMailServer();
    app = await startTestApp({ smtpUrl: smtp.url });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
  });

  /** Moves the app's clock forward to the next time the wall clock in `zone` reads `clock`. */
  function advanceTo(zone: string, clock: string): void {
    const now = app.clock.now();
    let date = localDateOf(now, zone);
    while (instantAt(date, clock, zone) <= now) date = addDays(date, 1);
    app.clock.advance(instantAt(date, clock, zone) - now);
  }

  it("gathers what was not emailed into one email at the start of the person's day", async () => {
    // The contractor's account is in Europe/Kyiv; start their night before anything happens.
    advanceTo("Europe/Kyiv", "03:00");
    const world = await buildWorld(app);
    const { running }: { running: Contract } = await busyWorkspace(app, world);
    await sweepAndDeliver(app);
    expect(mailTo(smtp, world.contractor.email, "“Keyword list” is overdue")).toHaveLength(1);
    expect(mailTo(smtp, world.contractor.email, "See them all in your inbox")).toEqual([]);
    expect(mailTo(smtp, world.contractor.email, "“Draft posts” is due soon")).toEqual([]);

    advanceTo("Europe/Kyiv", "08:05");
    await sweepAndDeliver(app);
    await sweepAndDeliver(app);
    const digests = mailTo(smtp, world.contractor.email, "See them all in your inbox");
    expect(digests).toHaveLength(1);
    const text = textOf(digests[0]!.raw);
    expect(text).toContain("“Draft posts” is due soon");
    expect(text).toContain("A contract is waiting for you: “Newsletter”");
    expect(text).not.toContain("“Keyword list” is overdue");
    expect(headerOf(digests[0]!.raw, "subject")).toBeDefined();
    expect(running.status).toBe("active");
  });
});
