import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { buildWorld, type World } from "../support/world.ts";

describe("personal API tokens", () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  async function createToken(client: ApiClient, name: string) {
    const response = await client.post("/api/me/tokens", { name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { token: string; apiToken: { id: string; prefix: string } };
  }

  it("shows the token once, starting hof_; the list shows only its prefix", async () => {
    const { token, apiToken } = await createToken(world.manager.client, "Spreadsheet sync");
    expect(token).toMatch(/^hof_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken).toEqual({
      id: expect.any(String),
      name: "Spreadsheet sync",
      prefix: token.slice(0, 10),
      createdAt: expect.any(Number),
      lastUsedAt: null,
    });
    const list = await world.manager.client.get("/api/me/tokens");
    expect(list.json()).toEqual([apiToken]);
    expect(list.body).not.toContain(token);
  });

  it("stores only a hash of the token", async () => {
    const { token, apiToken } = await createToken(world.manager.client, "Hash check");
    const row = await app.ctx.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", apiToken.id)
      .executeTakeFirstOrThrow();
    expect(Object.values(row)).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("acts as its creator when sent as a bearer token, and records when it was used", async () => {
    const { token, apiToken } = await createToken(world.contractor.client, "Portal script");
    const me = await new ApiClient(app.server, token).get("/api/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user).toMatchObject({ id: world.contractor.id, role: "contractor" });
    const listed = (await world.contractor.client.get("/api/me/tokens")).json() as {
      id: string;
      lastUsedAt: number | null;
    }[];
    expect(listed.find((entry) => entry.id === apiToken.id)?.lastUsedAt).toEqual(
      expect.any(Number),
    );
  });

  it("carries its creator's role, nothing more", async () => {
    const { token } = await createToken(world.contractor.client, "Curious script");
    expectError(await new ApiClient(app.server, token).get("/api/people"), 403, "forbidden");
  });

  it("stops working at once when revoked and leaves the list", async () => {
    const { token, apiToken } = await createToken(world.owner.client, "Old integration");
    const script = new ApiClient(app.server, token);
    expect((await script.get("/api/me")).statusCode).toBe(200);
    expect((await world.owner.client.delete(`/api/me/tokens/${apiToken.id}`)).statusCode).toBe(204);
    expectError(await script.get("/api/me"), 401, "auth.invalid_token");
    const list = (await world.owner.client.get("/api/me/tokens")).json() as { id: string }[];
    expect(list.map((entry) => entry.id)).not.toContain(apiToken.id);
    expectError(await world.owner.client.delete(`/api/me/tokens/${apiToken.id}`), 404, "not_found");
  });

  it.each([
    ["a made-up hof_ token", "Bearer hof_thisTokenWasNeverIssuedByTheServer0000000000"],
    ["a token without the hof_ prefix", "Bearer abcdefghijklmnopqrstuvwxyz"],
    ["an empty bearer", "Bearer "],
  ])("answers %s with 401 auth.invalid_token", async (_label, authorization) => {
    expectError(await world.anonymous.get("/api/me", { authorization }), 401, "auth.invalid_token");
  });

  it("does not fall back to the session cookie when the bearer token is bad", async () => {
    const response = await world.owner.client.get("/api/me", {
      authorization: "Bearer hof_garbage",
    });
    expectError(response, 401, "auth.invalid_token");
  });
});
