import { expect } from "vitest";
import { createWorkspace } from "../../src/auth/service.ts";
import { ApiClient } from "./client.ts";
import { tokenOf } from "./mail.ts";
import type { TestApp } from "./app.ts";

export const PASSWORD = "correct horse battery staple";

export interface Person {
  id: string;
  workspaceId: string;
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
    owner: { id: me.user.id, workspaceId: me.workspace.id, email: me.user.email, client },
    workspaceId: me.workspace.id,
  };
}

/** Invites someone as the owner; returns the invite's id, its link and the link's token. */
export async function issueInvite(
  owner: ApiClient,
  email: string,
  role: "manager" | "contractor",
): Promise<{ id: string; link: string; token: string }> {
  const issued = await owner.post("/api/invites", { email, role });
  expect(issued.statusCode, issued.body).toBe(201);
  const { invite, link } = issued.json();
  return { id: invite.id, link, token: tokenOf(link) };
}

export async function invitePerson(
  app: TestApp,
  owner: ApiClient,
  email: string,
  role: "manager" | "contractor",
  name = "Invited Person",
): Promise<Person> {
  const { token } = await issueInvite(owner, email, role);
  const client = new ApiClient(app.server);
  const accepted = await client.post("/api/invites/accept", {
    token,
    name,
    password: PASSWORD,
    timeZone: "Europe/Kyiv",
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  const me = accepted.json();
  return { id: me.user.id, workspaceId: me.workspace.id, email, client };
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
    stranger: {
      id: other.userId,
      workspaceId: other.workspaceId,
      email: "sam@other.example",
      client: strangerClient,
    },
    anonymous: new ApiClient(app.server),
    workspaceId,
  };
}
