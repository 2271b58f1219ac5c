import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Secrets from "../../src/auth/secrets.ts";
import { hashPassword } from "../../src/auth/secrets.ts";
import { uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { issueInvite, PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

// Hashing a password costs the server real memory and time (argon2id), so requests that
// are going to be refused anyway must be refused before it. Count the hashes.
vi.mock("../../src/auth/secrets.ts", async (importOriginal) => {
  const original = await importOriginal<typeof Secrets>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

describe("password hashing only for requests that can succeed", () => {
  let app: TestApp;
  let owner: Person;
  let anonymous: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
    anonymous = new ApiClient(app.server);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    vi.mocked(hashPassword).mockClear();
  });

  const accept = (token: string) =>
    anonymous.post("/api/invites/accept", {
      token,
      name: "Someone",
      password: PASSWORD,
      timeZone: "UTC",
    });

  it("hashes the password once when an invite is accepted", async () => {
    const { token } = await issueInvite(owner.client, uniqueEmail("real"), "contractor");
    expect((await accept(token)).statusCode).toBe(201);
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });

  it("refuses a made-up invite link without hashing", async () => {
    expectError(await accept("made-up-token-made-up-token-made-up"), 404, "invite.invalid");
    expect(hashPassword).not.toHaveBeenCalled();
  });

  it("refuses a spent invite link without hashing", async () => {
    const { token } = await issueInvite(owner.client, uniqueEmail("spent"), "contractor");
    expect((await accept(token)).statusCode).toBe(201);
    vi.mocked(hashPassword).mockClear();
    expectError(await accept(token), 404, "invite.invalid");
    expect(hashPassword).not.toHaveBeenCalled();
  });

  it("refuses a second setup without hashing", async () => {
    const response = await anonymous.post("/api/setup", {
      workspaceName: "Again",
      ownerName: "Someone Else",
      email: uniqueEmail("again"),
      password: PASSWORD,
      currency: "USD",
      timeZone: "UTC",
    });
    expectError(response, 409, "setup.done");
    expect(hashPassword).not.toHaveBeenCalled();
  });
});
