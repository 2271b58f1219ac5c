import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
import { choose } from "./support/forms.ts";
import { linkIn } from "./support/mailbox.ts";
import { browserSuite } from "./support/suite.ts";

const OWNER = {
  workspace: "Maple Lane Candles",
  name: "Dana Whitfield",
  email: "dana@example.com",
  password: "correct horse battery staple",
};
const CONTRACTOR = {
  name: "Marco Rossi",
  email: "marco@example.com",
  password: "marco's own long password",
};

/** What the sign-in page says when the email and password don't match an account. */
const REFUSED = /don.t match/i;

const { startApp, person } = browserSuite();

/** Waits until the page at `path` shows its title: the sign that it has really rendered. */
async function arrive(page: Page, path: string, title: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("onboarding", () => {
  test("the owner sets up, invites a contractor by email, and the contractor gets only the portal", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");

    // First run: any address leads to setup.
    await owner.goto("/");
    await arrive(owner, "/setup", /welcome/i);
    await checkPage(owner, "setup");

    await owner.getByLabel("Workspace name", { exact: true }).fill(OWNER.workspace);
    await owner.getByLabel("Your name", { exact: true }).fill(OWNER.name);
    await owner.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await owner.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await choose(owner, "Currency", "USD");
    await choose(owner, "Time zone", "America/Chicago");
    await owner.getByRole("button", { name: "Create workspace" }).click();

    // Signed in, on the dashboard.
    await arrive(owner, "/", /Dana/);
    await expect(owner.getByText(OWNER.workspace).first().isVisible()).resolves.toBe(true);
    await checkPage(owner, "dashboard");

    // Team: invite a contractor.
    await owner.getByRole("link", { name: "Team" }).first().click();
    await arrive(owner, "/team", "Team");
    await checkPage(owner, "team");

    await owner.getByLabel("Email", { exact: true }).fill(CONTRACTOR.email);
    await choose(owner, "Role", "Contractor");
    await owner.getByRole("button", { name: "Send invite" }).click();
    const shownLink = (await owner.getByTestId("invite-link").textContent())?.trim() ?? "";
    expect(shownLink).toContain("/invite?token=");
    await checkPage(owner, "team-invited");

    // The invitation arrives by email; the link in it is the one the owner was shown.
    const invitation = await running.mailbox.waitFor(CONTRACTOR.email, /invited you/);
    expect(invitation.subject).toContain(OWNER.workspace);
    const inviteLink = linkIn(invitation, "/invite");
    expect(inviteLink.origin).toBe(running.baseUrl);
    expect(inviteLink.toString()).toBe(shownLink);

    // The contractor, on their own machine, accepts.
    const contractor = await person(running, "contractor");
    await contractor.goto(inviteLink.toString());
    await arrive(contractor, "/invite", new RegExp(OWNER.workspace));
    await expect(contractor.getByText(CONTRACTOR.email).first().isVisible()).resolves.toBe(true);
    await checkPage(contractor, "invite");

    await contractor.getByLabel("Your name", { exact: true }).fill(CONTRACTOR.name);
    await contractor.getByLabel("Password", { exact: true }).fill(CONTRACTOR.password);
    await choose(contractor, "Time zone", "Europe/Rome");
    await contractor.getByRole("button", { name: "Accept invite" }).click();

    await arrive(contractor, "/portal", /Marco/);
    await checkPage(contractor, "portal");

    // Sign out, then back in.
    await contractor.getByRole("button", { name: "Sign out" }).click();
    await arrive(contractor, "/sign-in", "Sign in");
    await checkPage(contractor, "sign-in");

    await signIn(contractor, CONTRACTOR.email, CONTRACTOR.password);
    await arrive(contractor, "/portal", /Marco/);

    // Owner pages are closed to a contractor, in the web app and in the API.
    for (const ownerPage of ["/team", "/"]) {
      await contractor.goto(ownerPage);
      await arrive(contractor, ownerPage, "Not allowed");
      await checkPage(contractor, `not-allowed${ownerPage.replace(/\//g, "-")}`);
    }
    const people = await contractor.request.get("/api/people");
    expect(people.status()).toBe(403);

    expectNoScriptErrors(owner);
    expectNoScriptErrors(contractor);
  });

  test("a wrong password is refused, and a forgotten one is reset by email", async () => {
    const running = await startApp();
    const setup = await fetch(`${running.baseUrl}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        workspaceName: OWNER.workspace,
        ownerName: OWNER.name,
        email: OWNER.email,
        password: OWNER.password,
        currency: "EUR",
        timeZone: "Europe/Dublin",
      }),
    });
    expect(setup.status).toBe(201);

    const owner = await person(running, "owner");
    await owner.goto("/sign-in");
    await arrive(owner, "/sign-in", "Sign in");
    await checkPage(owner, "sign-in");

    await signIn(owner, OWNER.email, "not the right password");
    await owner.getByRole("alert").filter({ hasText: REFUSED }).waitFor();
    expect(new URL(owner.url()).pathname).toBe("/sign-in");
    await checkPage(owner, "sign-in-wrong-password");

    await owner.getByRole("link", { name: "Forgot password?" }).click();
    await arrive(owner, "/forgot-password", /forgot/i);
    await checkPage(owner, "forgot-password");
    await owner.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await owner.getByRole("button", { name: /send/i }).click();
    await owner
      .getByText(/check your email/i)
      .first()
      .waitFor();
    await checkPage(owner, "forgot-password-sent");

    const mail = await running.mailbox.waitFor(OWNER.email, /reset/i);
    const resetLink = linkIn(mail, "/reset-password");
    expect(resetLink.origin).toBe(running.baseUrl);

    const newPassword = "a brand new long password";
    await owner.goto(resetLink.toString());
    await arrive(owner, "/reset-password", /new password/i);
    await checkPage(owner, "reset-password");
    await owner.getByLabel("New password", { exact: true }).fill(newPassword);
    await owner.getByRole("button", { name: /password/i }).click();

    // Back to sign in: the old password is refused, the new one works.
    await arrive(owner, "/sign-in", "Sign in");
    await checkPage(owner, "sign-in-after-reset");
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByRole("alert").filter({ hasText: REFUSED }).waitFor();
    await signIn(owner, OWNER.email, newPassword);
    await arrive(owner, "/", /Dana/);
    await checkPage(owner, "dashboard-after-reset");

    expectNoScriptErrors(owner);
  });
});
