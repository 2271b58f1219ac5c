import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionTable } from "../../src/auth/rules.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { PASSWORD } from "../support/world.ts";

const firstRun = {
  workspaceName: "  Maple Lane Candles ",
  ownerName: "Dana Whitfield",
  email: " Dana@Example.COM ",
  password: PASSWORD,
  currency: "usd",
  timeZone: "America/Chicago",
};

describe("first-run setup", () => {
  let app: TestApp;
  let anonymous: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    anonymous = new ApiClient(app.server);
  });
  afterAll(() => app.close());

  async function needed(): Promise<boolean> {
    const response = await anonymous.get("/api/setup");
    expect(response.statusCode).toBe(200);
    return response.json().needed;
  }

  it("is needed on a fresh install", async () => {
    expect(await needed()).toBe(true);
  });

  it("rejects an unknown currency code and stays needed", async () => {
    const response = await anonymous.post("/api/setup", { ...firstRun, currency: "XYZ" });
    expectError(response, 400, "invalid_input", "currency");
    expect(response.json().error.fields).toEqual({ currency: "Unknown ISO 4217 currency code" });
    expect(await needed()).toBe(true);
  });

  it("rejects an unknown time zone and stays needed", async () => {
    const response = await anonymous.post("/api/setup", { ...firstRun, timeZone: "Moon/Base" });
    expectError(response, 400, "invalid_input", "timeZone");
    expect(Object.keys(response.json().error.fields)).toEqual(["timeZone"]);
    expect(await needed()).toBe(true);
  });

  it("rejects a password shorter than ten characters and stays needed", async () => {
    const response = await anonymous.post("/api/setup", { ...firstRun, password: "short" });
    expectError(response, 400, "invalid_input", "password");
    expect(await needed()).toBe(true);
  });

  it("creates the workspace and its owner, normalising the inputs, and signs the owner in", async () => {
    const owner = new ApiClient(app.server);
    const response = await owner.post("/api/setup", firstRun);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      user: {
        id: expect.any(String),
        name: "Dana Whitfield",
        email: "dana@example.com",
        role: "owner",
        timeZone: "America/Chicago",
      },
      workspace: {
        id: expect.any(String),
        name: "Maple Lane Candles",
        currency: "USD",
        timeZone: "America/Chicago",
      },
      permissions: [...permissionTable.owner],
    });
    expect(owner.sessionCookie).toBeTruthy();
    const me = await owner.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("dana@example.com");
  });

  it("is no longer needed once done", async () => {
    expect(await needed()).toBe(false);
  });

  it("refuses a second run with 409 setup.done, even for a different email", async () => {
    const again = await anonymous.post("/api/setup", { ...firstRun, email: "mallory@example.com" });
    expectError(again, 409, "setup.done");
    const sameEmail = await anonymous.post("/api/setup", firstRun);
    expectError(sameEmail, 409, "setup.done");
    expect(anonymous.sessionCookie).toBeUndefined();
    const signIn = await anonymous.post("/api/auth/sign-in", {
      email: "mallory@example.com",
      password: PASSWORD,
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("leaves the owner able to sign in with the email in any case", async () => {
    const response = await new ApiClient(app.server).post("/api/auth/sign-in", {
      email: "DANA@example.com",
      password: PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().workspace.currency).toBe("USD");
  });
});
