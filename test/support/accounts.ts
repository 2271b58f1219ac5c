import { expect } from "vitest";
import type { Actor, Role } from "../../src/auth/rules.ts";
import { startSession } from "../../src/auth/service.ts";
import type { TestApp } from "./app.ts";
import { ApiClient } from "./client.ts";
import { PASSWORD } from "./world.ts";

let emailCounter = 0;

/** An email no other test in this process has used, so accounts never collide. */
export function uniqueEmail(label: string): string {
  emailCounter += 1;
  return `${label}-${emailCounter}@example.com`;
}

/** Signs in through the API like the sign-in form does; fails the test unless it works. */
export async function signIn(
  app: TestApp,
  email: string,
  options: { password?: string; remember?: boolean; client?: ApiClient } = {},
): Promise<ApiClient> {
  const client = options.client ?? new ApiClient(app.server);
  const response = await client.post("/api/auth/sign-in", {
    email,
    password: options.password ?? PASSWORD,
    remember: options.remember ?? false,
  });
  expect(response.statusCode, response.body).toBe(200);
  return client;
}

/** The status a fresh browser gets when signing in with these credentials. */
export async function signInStatus(app: TestApp, email: string, password: string): Promise<number> {
  const response = await new ApiClient(app.server).post("/api/auth/sign-in", { email, password });
  return response.statusCode;
}

/**
 * A brand-new signed-in browser for someone, opened through the service so no password
 * is hashed and no sign-in rate limit is spent.
 */
export async function newDevice(
  app: TestApp,
  person: { id: string; workspaceId: string },
): Promise<ApiClient> {
  const signedIn = await startSession(app.ctx, {
    workspaceId: person.workspaceId,
    userId: person.id,
    remember: false,
    client: { ip: "127.0.0.1", userAgent: "test device" },
  });
  return new ApiClient(app.server).useSession(signedIn.token);
}

/** Acting as someone from the command line, for calling services directly in test setup. */
export function actorFor(person: { id: string; workspaceId: string }, role: Role): Actor {
  return {
    userId: person.id,
    workspaceId: person.workspaceId,
    role,
    via: { kind: "command-line" },
  };
}

/** The id of the session a client's cookie belongs to. */
export async function currentSessionId(client: ApiClient): Promise<string> {
  const response = await client.get("/api/me/sessions");
  expect(response.statusCode, response.body).toBe(200);
  const current = (response.json() as { id: string; current: boolean }[]).find(
    (session) => session.current,
  );
  expect(current).toBeDefined();
  return current!.id;
}

/** Whether a client is still signed in: GET /api/me answers 200, or 401 once it is not. */
export async function meStatus(client: ApiClient): Promise<number> {
  return (await client.get("/api/me")).statusCode;
}
