import type { Response } from "light-my-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meStatus, signIn, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  buildWorld,
  invitePerson,
  PASSWORD,
  setUpWorkspace,
  type World,
} from "../support/world.ts";

/** The Set-Cookie line for the session cookie, split into its attributes. */
function sessionCookieAttributes(response: Response): string[] {
  const header = response.headers["set-cookie"];
  const lines = Array.isArray(header) ? header : [header ?? ""];
  const line = lines.find((entry) => entry.startsWith("handoff_session="));
  expect(line, "no session cookie was set").toBeDefined();
  return line!.split(";").map((part) => part.trim());
}

describe("signing in", () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  const attempt = (email: string, password: string, remember = false) =>
    new ApiClient(app.server).post("/api/auth/sign-in", { email, password, remember });

  it("answers a wrong password, an unknown email and a deactivated account identically", async () => {
    const deactivated = await invitePerson(app, world.owner.client, uniqueEmail("gone"), "manager");
    const off = await world.owner.client.post(`/api/people/${deactivated.id}/deactivate`);
    expect(off.statusCode).toBe(200);

    const wrongPassword = await attempt(world.manager.email, "not the password");
    const unknownEmail = await attempt("nobody-here@example.com", PASSWORD);
    const deactivatedAccount = await attempt(deactivated.email, PASSWORD);
    expectError(wrongPassword, 401, "auth.invalid_credentials");
    expect(unknownEmail.statusCode).toBe(401);
    expect(deactivatedAccount.statusCode).toBe(401);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(deactivatedAccount.body).toBe(wrongPassword.body);
    for (const response of [wrongPassword, unknownEmail, deactivatedAccount]) {
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("accepts the email in any letter case and with surrounding spaces", async () => {
    const response = await attempt(`  ${world.contractor.email.toUpperCase()} `, PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.id).toBe(world.contractor.id);
  });

  it("sets an HttpOnly, SameSite=Lax, whole-site cookie that ends with the browser session", async () => {
    const attributes = sessionCookieAttributes(await attempt(world.manager.email, PASSWORD));
    expect(attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(attributes.some((part) => /^(Max-Age|Expires)=/i.test(part))).toBe(false);
    expect(attributes).not.toContain("Secure");
  });

  it("keeps the cookie for 30 days when asked to remember", async () => {
    const attributes = sessionCookieAttributes(await attempt(world.manager.email, PASSWORD, true));
    expect(attributes).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
  });

  it("gives a new session on every sign-in and ends the one the browser had", async () => {
    const browser = await signIn(app, world.stranger.email);
    const before = browser.sessionCookie!;
    const copyOfOldCookie = new ApiClient(app.server).useSession(before);
    expect(await meStatus(copyOfOldCookie)).toBe(200);

    await signIn(app, world.stranger.email, { client: browser });
    expect(browser.sessionCookie).toBeTruthy();
    expect(browser.sessionCookie).not.toBe(before);
    expect(await meStatus(browser)).toBe(200);
    expect(await meStatus(copyOfOldCookie)).toBe(401);
  });

  it("signing out ends the session and clears the cookie", async () => {
    const browser = await signIn(app, world.stranger.email);
    const copy = new ApiClient(app.server).useSession(browser.sessionCookie!);
    const response = await browser.post("/api/auth/sign-out");
    expect(response.statusCode).toBe(204);
    expect(browser.sessionCookie).toBeUndefined();
    expectError(await copy.get("/api/me"), 401, "auth.required");
  });

  it("refuses the 11th attempt for one email within the window with 429, even with the right password", async () => {
    const target = await invitePerson(app, world.owner.client, uniqueEmail("target"), "manager");
    for (let i = 1; i <= 10; i += 1) {
      expect((await attempt(target.email, `wrong guess ${i}`)).statusCode).toBe(401);
    }
    const eleventh = await attempt(target.email, PASSWORD);
    expectError(eleventh, 429, "too_many_requests");
    expect(eleventh.headers["retry-after"]).toBeDefined();
    // The same address trying the same email in other letter cases is the same bucket.
    expect((await attempt(target.email.toUpperCase(), PASSWORD)).statusCode).toBe(429);
    // Another account is not locked out by it.
    expect((await attempt(world.contractor.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe("signing in when the public address is https", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ publicUrl: new URL("https://handoff.example") });
    await setUpWorkspace(app);
  });
  afterAll(() => app.close());

  it("marks the session cookie Secure", async () => {
    const response = await new ApiClient(app.server).post("/api/auth/sign-in", {
      email: "dana@example.com",
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(sessionCookieAttributes(response)).toEqual(
      expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]),
    );
  });

  it("clears the cookie on sign-out with the same attributes", async () => {
    const browser = await signIn(app, "dana@example.com");
    const response = await browser.post("/api/auth/sign-out");
    expect(response.statusCode).toBe(204);
    const attributes = sessionCookieAttributes(response);
    expect(attributes[0]).toBe("handoff_session=");
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "Path=/"]));
  });
});
