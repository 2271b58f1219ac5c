import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { latestMailTo, linkIn, tokenOf } from "../support/mail.ts";
import { issueInvite, PASSWORD, setUpWorkspace, type Person } from "../support/world.ts";

const DAY = 24 * 60 * 60_000;

interface InviteView {
  id: string;
  email: string;
  role: string;
  status: string;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
}

describe("invitations", () => {
  let app: TestApp;
  let owner: Person;
  let anonymous: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
    anonymous = new ApiClient(app.server);
  });
  afterAll(() => app.close());

  const preview = (token: string) => anonymous.post("/api/invites/preview", { token });
  const accept = (token: string, client = new ApiClient(app.server)) =>
    client.post("/api/invites/accept", {
      token,
      name: "Ada Newcomer",
      password: PASSWORD,
      timeZone: "Asia/Tokyo",
    });
  async function statusOf(inviteId: string): Promise<string | undefined> {
    const invites = (await owner.client.get("/api/invites")).json() as InviteView[];
    return invites.find((invite) => invite.id === inviteId)?.status;
  }

  it("creates a pending invite and answers its link, not emailed without SMTP", async () => {
    const email = uniqueEmail("ada");
    const response = await owner.client.post("/api/invites", { email, role: "manager" });
    expect(response.statusCode, response.body).toBe(201);
    const { invite, link, emailed } = response.json();
    expect(emailed).toBe(false);
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\?token=[A-Za-z0-9_-]{40,}$/);
    expect(invite).toEqual({
      id: expect.any(String),
      email,
      role: "manager",
      status: "pending",
      invitedBy: "Dana Whitfield",
      createdAt: expect.any(Number),
      expiresAt: invite.createdAt + 7 * DAY,
    });
    expect(await statusOf(invite.id)).toBe("pending");
  });

  it("keeps the invitation email, with the same link, in the outbox", async () => {
    const email = uniqueEmail("mailed");
    const { link } = await issueInvite(owner.client, email, "contractor");
    const mail = await latestMailTo(owner.client, email);
    expect(mail.status).toBe("kept");
    expect(mail.subject).toBe("Dana Whitfield invited you to Maple Lane Candles on Handoff");
    expect(linkIn(mail.body, "/invite")).toBe(link);
  });

  it("previews who the link is for without using it up", async () => {
    const email = uniqueEmail("preview");
    const { token } = await issueInvite(owner.client, email, "contractor");
    for (let i = 0; i < 2; i += 1) {
      const response = await preview(token);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        email,
        role: "contractor",
        workspaceName: "Maple Lane Candles",
        expiresAt: expect.any(Number),
      });
    }
  });

  it("accepting creates the account with the invited role and signs it in", async () => {
    const email = uniqueEmail("joiner");
    const { id, token } = await issueInvite(owner.client, email, "manager");
    const browser = new ApiClient(app.server);
    const response = await accept(token, browser);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().user).toEqual({
      id: expect.any(String),
      name: "Ada Newcomer",
      email,
      role: "manager",
      timeZone: "Asia/Tokyo",
    });
    const me = await browser.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);
    expect(await statusOf(id)).toBe("accepted");
    const people = (await owner.client.get("/api/people")).json() as { email: string }[];
    expect(people.map((person) => person.email)).toContain(email);
    await signIn(app, email);
  });

  it("works only once: a second accept and a preview answer 404 invite.invalid", async () => {
    const { token } = await issueInvite(owner.client, uniqueEmail("twice"), "contractor");
    expect((await accept(token)).statusCode).toBe(201);
    expectError(await accept(token), 404, "invite.invalid");
    expectError(await preview(token), 404, "invite.invalid");
  });

  it("resending gives a new link and the old one stops working", async () => {
    const email = uniqueEmail("resend");
    const first = await issueInvite(owner.client, email, "contractor");
    const response = await owner.client.post(`/api/invites/${first.id}/resend`);
    expect(response.statusCode, response.body).toBe(200);
    const newToken = tokenOf(response.json().link);
    expect(newToken).not.toBe(first.token);
    expect(response.json().invite.id).toBe(first.id);
    expect(linkIn((await latestMailTo(owner.client, email)).body, "/invite")).toBe(
      response.json().link,
    );
    expectError(await preview(first.token), 404, "invite.invalid");
    expectError(await accept(first.token), 404, "invite.invalid");
    expect((await accept(newToken)).statusCode).toBe(201);
  });

  it("revoking stops the link and shows the invite as revoked", async () => {
    const { id, token } = await issueInvite(owner.client, uniqueEmail("revoke"), "manager");
    const response = await owner.client.post(`/api/invites/${id}/revoke`);
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("revoked");
    expect(await statusOf(id)).toBe("revoked");
    expectError(await preview(token), 404, "invite.invalid");
    expectError(await accept(token), 404, "invite.invalid");
  });

  it("resending a revoked invite brings it back with a working link", async () => {
    const { id } = await issueInvite(owner.client, uniqueEmail("revived"), "manager");
    await owner.client.post(`/api/invites/${id}/revoke`);
    const resent = await owner.client.post(`/api/invites/${id}/resend`);
    expect(resent.json().invite.status).toBe("pending");
    expect((await preview(tokenOf(resent.json().link))).statusCode).toBe(200);
  });

  it("an accepted invite can be neither revoked nor resent", async () => {
    const { id, token } = await issueInvite(owner.client, uniqueEmail("done"), "contractor");
    expect((await accept(token)).statusCode).toBe(201);
    expectError(await owner.client.post(`/api/invites/${id}/revoke`), 409, "invite.accepted");
    expectError(await owner.client.post(`/api/invites/${id}/resend`), 409, "invite.accepted");
    expect(await statusOf(id)).toBe("accepted");
  });

  it("refuses to invite an email that already has an account, naming email", async () => {
    const response = await owner.client.post("/api/invites", {
      email: owner.email.toUpperCase(),
      role: "manager",
    });
    expectError(response, 409, "invite.email_taken", "email");
  });

  it("a new invite to the same email revokes the older open one", async () => {
    const email = uniqueEmail("again");
    const older = await issueInvite(owner.client, email, "contractor");
    const newer = await issueInvite(owner.client, email, "manager");
    expect(await statusOf(older.id)).toBe("revoked");
    expect(await statusOf(newer.id)).toBe("pending");
    expectError(await preview(older.token), 404, "invite.invalid");
    const accepted = await accept(newer.token);
    expect(accepted.json().user.role).toBe("manager");
  });

  it("answers 404 for an invite id that does not exist", async () => {
    const missing = "0190a0a0-0000-7000-8000-000000000001";
    expectError(await owner.client.post(`/api/invites/${missing}/revoke`), 404, "not_found");
    expectError(await owner.client.post(`/api/invites/${missing}/resend`), 404, "not_found");
  });
});

describe("invitation expiry", () => {
  let app: TestApp;
  let owner: Person;
  beforeAll(async () => {
    app = await startTestApp();
    ({ owner } = await setUpWorkspace(app));
  });
  afterAll(() => app.close());

  it("after 7 days the link stops working and the list shows it expired", async () => {
    const { id, token } = await issueInvite(owner.client, uniqueEmail("slow"), "contractor");
    const anonymous = new ApiClient(app.server);
    app.clock.advance(7 * DAY - 60_000);
    expect((await anonymous.post("/api/invites/preview", { token })).statusCode).toBe(200);
    app.clock.advance(60_000);
    expectError(await anonymous.post("/api/invites/preview", { token }), 404, "invite.invalid");
    const accepted = await anonymous.post("/api/invites/accept", {
      token,
      name: "Too Late",
      password: PASSWORD,
      timeZone: "UTC",
    });
    expectError(accepted, 404, "invite.invalid");

    const ownerNow = await signIn(app, owner.email);
    const invites = (await ownerNow.get("/api/invites")).json() as InviteView[];
    expect(invites.find((invite) => invite.id === id)?.status).toBe("expired");

    const resent = await ownerNow.post(`/api/invites/${id}/resend`);
    expect(resent.json().invite.status).toBe("pending");
    const fresh = tokenOf(resent.json().link);
    expect((await anonymous.post("/api/invites/preview", { token: fresh })).statusCode).toBe(200);
  });
});
