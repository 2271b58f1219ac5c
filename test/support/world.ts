import { expect } from "vitest";
import { createWorkspace } from "../../src/auth/service.ts";
import { ApiClient } from "./client.ts";
import type { TestApp } from "./app.ts";

export const PASSWORD = "correct horse battery staple";

export interface Person {
  id: string;
  email: string;
  client: ApiClient;
}

/**
 * A workspace with an owner, a manager and a contractor, plus a second workspace whose
 * owner must never see the first one: every role the permission tests walk through.
 */
export interface World {
  owner: Person;
  manager: Person;
  contractor: Person;
  stranger: Person;
  anonymous: ApiClient;
  workspaceId: string;
}

export async function setUpWorkspace(
  app: TestApp,
): Promise<{ owner: Person; workspaceId: string }> {
  const client = new ApiClient(app.server);
  const response = await client.post("/api/setup", {
    workspaceName: "Maple Lane Candles",
    ownerName: "Dana Whitfield",
    email: "dana@example.com",
    password: PASSWORD,
    currency: "USD",
    timeZone: "America/Chicago",
  });
  expect(response.statusCode, response.body).toBe(201);
  const me = response.json();
  return {
    owner: { id: me.user.id, email: me.user.email, client },
    workspaceId: me.workspace.id,
  };
}

export async function invitePerson(
  app: TestApp,
  owner: ApiClient,
  email: string,
  role: "manager" | "contractor",
  name = "Invited Person",
): Promise<Person> {
  const issued = await owner.post("/api/invites", { email, role });
  expect(issued.statusCode, issued.body).toBe(201);
  const token = new URL(issued.json().link).searchParams.get("token");
  const client = new ApiClient(app.server);
  const accepted = await client.post("/api/invites/accept", {
    token,
    name,
    password: PASSWORD,
    timeZone: "Europe/Kyiv",
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  return { id: accepted.json().user.id, email, client };
}

export async function buildWorld(app: TestApp): Promise<World> {
  const { owner, workspaceId } = await setUpWorkspace(app);
  const manager = await invitePerson(app, owner.client, "priya@example.com", "manager", "Priya");
  const contractor = await invitePerson(
    app,
    owner.client,
    "marco@example.com",
    "contractor",
    "Marco",
  );
  const other = await createWorkspace(
    app.ctx,
    {
      workspaceName: "Other Shop",
      ownerName: "Sam Other",
      email: "sam@other.example",
      password: PASSWORD,
      currency: "EUR",
      timeZone: "Europe/Berlin",
    },
    { onlyIfFirst: false },
  );
  const strangerClient = new ApiClient(app.server);
  const signIn = await strangerClient.post("/api/auth/sign-in", {
    email: "sam@other.example",
    password: PASSWORD,
  });
  expect(signIn.statusCode, signIn.body).toBe(200);
  return {
    owner,
    manager,
    contractor,
    stranger: { id: other.userId, email: "sam@other.example", client: strangerClient },
    anonymous: new ApiClient(app.server),
    workspaceId,
  };
}
