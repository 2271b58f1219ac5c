import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meStatus, newDevice, signIn, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { invitePerson, PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

interface PersonView {
  id: string;
  email: string;
  role: string;
  active: boolean;
}

describe("people", () => {
  let app: TestApp;
  let owner: Person;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
  });
  afterAll(() => app.close());

  async function listed(personId: string): Promise<PersonView | undefined> {
    const response = await owner.client.get("/api/people");
    expect(response.statusCode).toBe(200);
    return (response.json() as PersonView[]).find((person) => person.id === personId);
  }

  it("the owner makes a contractor a manager and back, effective on their next request", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("flip"), "contractor");
    const promoted = await owner.client.patch(`/api/people/${person.id}`, { role: "manager" });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ id: person.id, role: "manager", active: true });
    expect((await listed(person.id))?.role).toBe("manager");
    expect((await person.client.get("/api/me")).json().user.role).toBe("manager");
    expect((await person.client.get("/api/people")).statusCode).toBe(200);

    const demoted = await owner.client.patch(`/api/people/${person.id}`, { role: "contractor" });
    expect(demoted.json().role).toBe("contractor");
    expect((await listed(person.id))?.role).toBe("contractor");
    expectError(await person.client.get("/api/people"), 403, "forbidden");
  });

  it("the owner's own role and access cannot be changed: 409 people.owner_fixed", async () => {
    expectError(
      await owner.client.patch(`/api/people/${owner.id}`, { role: "manager" }),
      409,
      "people.owner_fixed",
    );
    expectError(
      await owner.client.post(`/api/people/${owner.id}/deactivate`),
      409,
      "people.owner_fixed",
    );
    expect(await listed(owner.id)).toMatchObject({ role: "owner", active: true });
    expect(await meStatus(owner.client)).toBe(200);
  });

  it("deactivating ends the person's sessions and API tokens at once and keeps their row", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("leaver"), "manager");
    const secondDevice = await newDevice(app, person);
    const created = await person.client.post("/api/me/tokens", { name: "sync" });
    const script = new ApiClient(app.server, created.json().token);
    expect(await meStatus(script)).toBe(200);

    const response = await owner.client.post(`/api/people/${person.id}/deactivate`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: person.id, active: false });

    expectError(await person.client.get("/api/me"), 401, "auth.required");
    expectError(await secondDevice.get("/api/me"), 401, "auth.required");
    expectError(await script.get("/api/me"), 401, "auth.invalid_token");
    const signInAttempt = await new ApiClient(app.server).post("/api/auth/sign-in", {
      email: person.email,
      password: PASSWORD,
    });
    expectError(signInAttempt, 401, "auth.invalid_credentials");
    expect(await listed(person.id)).toMatchObject({ email: person.email, active: false });
  });

  it("deactivating twice is harmless", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("twice"), "contractor");
    for (let i = 0; i < 2; i += 1) {
      const response = await owner.client.post(`/api/people/${person.id}/deactivate`);
      expect(response.statusCode).toBe(200);
      expect(response.json().active).toBe(false);
    }
  });

  it("reactivating lets them sign in again, but ended sessions and tokens stay ended", async () => {
    const person = await invitePerson(app, owner.client, uniqueEmail("returner"), "contractor");
    const created = await person.client.post("/api/me/tokens", { name: "old" });
    const script = new ApiClient(app.server, created.json().token);
    await owner.client.post(`/api/people/${person.id}/deactivate`);

    const response = await owner.client.post(`/api/people/${person.id}/reactivate`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: person.id, active: true });
    expect((await listed(person.id))?.active).toBe(true);
    const browser = await signIn(app, person.email);
    expect(await meStatus(browser)).toBe(200);
    expect(await meStatus(person.client)).toBe(401);
    expect(await meStatus(script)).toBe(401);
  });
});
