import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { buildWorld, PASSWORD, type World } from "../support/world.ts";

describe("cross-site request forgery protection", () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  const tokenNames = async () =>
    ((await world.owner.client.get("/api/me/tokens")).json() as { name: string }[]).map(
      (token) => token.name,
    );

  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["only Origin: https://evil.example", { origin: "https://evil.example" }],
    ["only Origin: null (a sandboxed frame)", { origin: "null" }],
  ])("refuses a cookie-authenticated write with %s, changing nothing", async (_label, headers) => {
    const before = await tokenNames();
    const response = await world.owner.client.post("/api/me/tokens", { name: "forged" }, headers);
    expectError(response, 403, "csrf.cross_site");
    expect(await tokenNames()).toEqual(before);
  });

  it("refuses a forged delete and a forged patch too", async () => {
    const created = await world.owner.client.post("/api/me/tokens", { name: "keep me" });
    const id = created.json().apiToken.id;
    const crossSite = { "sec-fetch-site": "cross-site" };
    expectError(
      await world.owner.client.request("DELETE", `/api/me/tokens/${id}`, undefined, crossSite),
      403,
      "csrf.cross_site",
    );
    expectError(
      await world.owner.client.patch("/api/workspace", { name: "Pwned" }, crossSite),
      403,
      "csrf.cross_site",
    );
    expect(await tokenNames()).toContain("keep me");
    expect((await world.owner.client.get("/api/workspace")).json().name).toBe("Maple Lane Candles");
  });

  it("refuses a cross-site sign-in, so no one can be signed into someone else's account", async () => {
    const browser = new ApiClient(app.server);
    const response = await browser.post(
      "/api/auth/sign-in",
      { email: world.manager.email, password: PASSWORD },
      { "sec-fetch-site": "cross-site" },
    );
    expectError(response, 403, "csrf.cross_site");
    expect(browser.sessionCookie).toBeUndefined();
  });

  it.each([
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
    ["Sec-Fetch-Site: none (typed by the user)", { "sec-fetch-site": "none" }],
    ["only Origin: the public address", { origin: "http://localhost:3000" }],
    ["neither header (not a browser)", {}],
  ])("accepts a write with %s", async (label, headers) => {
    const response = await world.owner.client.post("/api/me/tokens", { name: label }, headers);
    expect(response.statusCode, response.body).toBe(201);
    expect(await tokenNames()).toContain(label);
  });

  it("lets cross-site reads through", async () => {
    const response = await world.owner.client.get("/api/me", { "sec-fetch-site": "cross-site" });
    expect(response.statusCode).toBe(200);
  });

  it("does not check bearer-token requests, which carry no ambient credential", async () => {
    const created = await world.owner.client.post("/api/me/tokens", { name: "script" });
    const script = new ApiClient(app.server, created.json().token);
    const response = await script.post(
      "/api/me/tokens",
      { name: "from a script" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(await tokenNames()).toContain("from a script");
  });
});
