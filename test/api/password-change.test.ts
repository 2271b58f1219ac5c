import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meStatus, newDevice, signInStatus, signIn, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { invitePerson, PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

const NEW_PASSWORD = "a much longer passphrase";

describe("changing my password", () => {
  let app: TestApp;
  let owner: Person;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
  });
  afterAll(() => app.close());

  it("refuses a wrong current password, naming currentPassword, and changes nothing", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("wrong"), "manager");
    const other = await newDevice(app, person);
    const response = await person.client.post("/api/me/password", {
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
    });
    expectError(response, 400, "auth.wrong_password", "currentPassword");
    expect(await meStatus(other)).toBe(200);
    expect(await signInStatus(app, person.email, PASSWORD)).toBe(200);
  });

  it("ends my other sessions, keeps this one, and only the new password works afterwards", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("change"), "contractor");
    const others = [await newDevice(app, person), await signIn(app, person.email)];
    const response = await person.client.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await meStatus(person.client)).toBe(200);
    for (const other of others) expect(await meStatus(other)).toBe(401);
    expect(await signInStatus(app, person.email, PASSWORD)).toBe(401);
    expect(await signInStatus(app, person.email, NEW_PASSWORD)).toBe(200);
  });

  it("through an API token, ends every browser session, since none is the one asking", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("script"), "manager");
    const created = await person.client.post("/api/me/tokens", { name: "script" });
    const script = new ApiClient(app.server, created.json().token);
    const response = await script.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await meStatus(person.client)).toBe(401);
  });
});
