import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meStatus, newDevice, signInStatus, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { deliveredTo, latestMailTo, linkIn, outbox, tokenOf } from "../support/mail.ts";
import { invitePerson, PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

const MINUTE = 60_000;
const NEW_PASSWORD = "a brand new passphrase";

describe("password reset", () => {
  let app: TestApp;
  let owner: Person;
  let anonymous: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
    anonymous = new ApiClient(app.server);
  });
  afterAll(() => app.close());

  const requestReset = (email: string) => anonymous.post("/api/auth/password-reset", { email });
  const confirm = (token: string, password = NEW_PASSWORD) =>
    anonymous.post("/api/auth/password-reset/confirm", { token, password });

  /** Asks for a reset and returns the token from the link in the kept email. */
  async function resetTokenFor(email: string): Promise<string> {
    expect((await requestReset(email)).statusCode).toBe(204);
    const mail = await deliveredTo(app, email);
    expect(mail.status).toBe("kept");
    expect(mail.subject).toBe("Reset your Handoff password");
    const link = linkIn(mail.body, "/reset-password");
    expect(link.startsWith(`${app.config.publicUrl.origin}/reset-password?token=`)).toBe(true);
    return tokenOf(link);
  }

  const newPerson = (label: string) =>
    invitePerson(app, owner.client, uniqueEmail(label), "contractor");

  it("answers 204 for an unknown email and queues nothing", async () => {
    const before = await outbox(owner.client);
    const response = await requestReset("no-such-person@example.com");
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect(await outbox(owner.client)).toEqual(before);
  });

  it("answers 204 for a deactivated account and queues nothing", async () => {
    const person = await newPerson("deactivated");
    expect((await owner.client.post(`/api/people/${person.id}/deactivate`)).statusCode).toBe(200);
    const before = await outbox(owner.client);
    expect((await requestReset(person.email)).statusCode).toBe(204);
    expect(await outbox(owner.client)).toEqual(before);
  });

  it("sets the new password with the emailed link, once", async () => {
    const person = await newPerson("once");
    const token = await resetTokenFor(person.email);
    expect((await confirm(token)).statusCode).toBe(204);
    expect(await signInStatus(app, person.email, PASSWORD)).toBe(401);
    expect(await signInStatus(app, person.email, NEW_PASSWORD)).toBe(200);

    const again = await confirm(token, "yet another passphrase");
    expectError(again, 400, "auth.reset_invalid", "token");
    expect(await signInStatus(app, person.email, NEW_PASSWORD)).toBe(200);
  });

  it("never shows the reset link on the owner's mail page", async () => {
    const person = await newPerson("private");
    const token = await resetTokenFor(person.email);
    const listed = await latestMailTo(owner.client, person.email);
    expect(listed.subject).toBe("Reset your Handoff password");
    expect(listed.body).not.toContain(token);
    expect(listed.body).not.toContain("/reset-password");
  });

  it("signs the person out everywhere and revokes their API tokens", async () => {
    const person = await newPerson("everywhere");
    const devices = [person.client, await newDevice(app, person)];
    const created = await person.client.post("/api/me/tokens", { name: "script" });
    const script = person.client.withToken(created.json().token);
    expect(await meStatus(script)).toBe(200);
    expect((await confirm(await resetTokenFor(person.email))).statusCode).toBe(204);
    for (const device of [...devices, script]) expect(await meStatus(device)).toBe(401);
  });

  it("refuses a token that was never issued", async () => {
    expectError(await confirm("x".repeat(43)), 400, "auth.reset_invalid", "token");
  });

  it("still works just before the hour is up", async () => {
    const person = await newPerson("in-time");
    const token = await resetTokenFor(person.email);
    app.clock.advance(60 * MINUTE - 5_000);
    expect((await confirm(token)).statusCode).toBe(204);
  });

  it("expires one hour after it was asked for", async () => {
    const person = await newPerson("late");
    const token = await resetTokenFor(person.email);
    app.clock.advance(60 * MINUTE);
    expectError(await confirm(token), 400, "auth.reset_invalid", "token");
    expect(await signInStatus(app, person.email, PASSWORD)).toBe(200);
  });

  it("using one link kills the other links sent before it", async () => {
    const person = await newPerson("two-links");
    const older = await resetTokenFor(person.email);
    const newer = await resetTokenFor(person.email);
    expect(newer).not.toBe(older);
    expect((await confirm(newer)).statusCode).toBe(204);
    expectError(await confirm(older), 400, "auth.reset_invalid");
  });

  it("refuses a sixth request for one email within the hour with 429", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 5; i += 1) expect((await requestReset(email)).statusCode).toBe(204);
    expectError(await requestReset(email), 429, "too_many_requests");
  });
});
