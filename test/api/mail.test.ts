import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliveryPolicy, retryDelay } from "../../src/notify/rules.ts";
import { meStatus, newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { latestMailTo, linkIn } from "../support/mail.ts";
import { headerOf, startMailServer, textOf, type MailServer } from "../support/smtp.ts";
import { PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

describe("email over SMTP", () => {
  let smtp: MailServer;
  let app: TestApp;
  let owner: Person;
  beforeAll(async () => {
    smtp = await startMailServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    ({ owner } = await setUpWorkspace(app));
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.refuseNextRecipients(0);
  });
  afterEach(async () => {
    await app.mail.idle();
  });

  /** The outbox record of the newest mail to someone, read by the owner on a fresh device. */
  const recordOf = async (email: string) => latestMailTo(await newDevice(app, owner), email);

  /** Invites someone and waits for the dispatcher the invite woke to finish. */
  async function invite(email: string) {
    const owners = await newDevice(app, owner);
    const response = await owners.post("/api/invites", { email, role: "contractor" });
    expect(response.statusCode, response.body).toBe(201);
    await app.mail.idle();
    return response.json() as { link: string; emailed: boolean };
  }

  const receivedBy = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));

  it("sends the invitation, and its link accepts the invite", async () => {
    const email = uniqueEmail("smtp-invitee");
    const issued = await invite(email);
    expect(issued.emailed).toBe(true);

    const [mail, ...more] = receivedBy(email);
    expect(more).toHaveLength(0);
    expect(mail!.from).toBe("handoff@test.example");
    expect(headerOf(mail!.raw, "subject")).toBe(
      "Dana Whitfield invited you to Maple Lane Candles on Handoff",
    );
    const link = linkIn(textOf(mail!.raw), "/invite");
    expect(link).toBe(issued.link);

    const browser = new ApiClient(app.server);
    const accepted = await browser.post("/api/invites/accept", {
      token: new URL(link).searchParams.get("token"),
      name: "Mailed Person",
      password: PASSWORD,
      timeZone: "UTC",
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await meStatus(browser)).toBe(200);

    const record = await recordOf(email);
    expect(record).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(record.sentAt).toEqual(expect.any(Number));
  });

  it("sends the password reset link, which works", async () => {
    const anonymous = new ApiClient(app.server);
    expect(
      (await anonymous.post("/api/auth/password-reset", { email: owner.email })).statusCode,
    ).toBe(204);
    await app.mail.idle();
    const mail = receivedBy(owner.email).at(-1);
    expect(mail).toBeDefined();
    const token = new URL(linkIn(textOf(mail!.raw), "/reset-password")).searchParams.get("token");
    const confirmed = await anonymous.post("/api/auth/password-reset/confirm", {
      token,
      password: PASSWORD,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
  });

  it("keeps a refused message pending with the error, and sends it after the backoff", async () => {
    const email = uniqueEmail("smtp-busy");
    smtp.refuseNextRecipients(1);
    await invite(email);
    expect(receivedBy(email)).toHaveLength(0);
    const waiting = await recordOf(email);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(waiting.lastError).toMatch(/451|temporarily unavailable/i);

    app.clock.advance(retryDelay(1) - 1_000);
    expect(await app.mail.dispatchDue()).toBe(0);
    app.clock.advance(1_000);
    expect(await app.mail.dispatchDue()).toBe(1);

    expect(receivedBy(email)).toHaveLength(1);
    expect(await recordOf(email)).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });
    expect(await app.mail.dispatchDue()).toBe(0);
  });

  it("gives up after the last attempt and marks the message failed", async () => {
    const email = uniqueEmail("smtp-gone");
    smtp.refuseNextRecipients(deliveryPolicy.maxAttempts);
    await invite(email);
    for (let attempt = 1; attempt < deliveryPolicy.maxAttempts; attempt += 1) {
      app.clock.advance(retryDelay(attempt));
      expect(await app.mail.dispatchDue()).toBe(1);
    }
    app.clock.advance(deliveryPolicy.longestWaitMs * 2);
    expect(await app.mail.dispatchDue()).toBe(0);
    expect(receivedBy(email)).toHaveLength(0);
    const record = await recordOf(email);
    expect(record).toMatchObject({ status: "failed", attempts: deliveryPolicy.maxAttempts });
  });
});
