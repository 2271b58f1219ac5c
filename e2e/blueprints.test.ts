import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
import { choose } from "./support/forms.ts";
import { browserSuite } from "./support/suite.ts";
import { arrive, setUpWorkspace, type Owner } from "./support/workspace.ts";

const OWNER: Owner = {
  workspace: "Maple Lane Candles",
  name: "Dana Whitfield",
  email: "dana@example.com",
  password: "correct horse battery staple",
  currency: "USD",
  timeZone: "America/Chicago",
};
const CONTRACTOR = {
  name: "Marco Rossi",
  email: "marco@example.com",
  password: "marco's own long password",
};

const TITLE = "Publish a blog post";

/** Officialese: long words, long sentences, jargon and the passive voice. */
const HARD = {
  purpose:
    "It is imperative that organisational communications are disseminated expeditiously utilizing the established editorial infrastructure.",
  steps: [
    "Facilitate the optimization of the editorial deliverable, leveraging the organizational content management infrastructure.",
    "The publication is scheduled, and then notifications are disseminated to all relevant stakeholders.",
  ],
};

/** The same, as a friend would say it. */
const PLAIN = {
  purpose: "Get a new post on the blog so readers find it.",
  steps: [
    {
      instruction: "Open the blog's dashboard.",
      detail: "Go to **Posts** and click **Add new**.",
      check: "You see an empty post.",
    },
    { instruction: "Paste the text of the post.", detail: "", check: "" },
    { instruction: "Click Publish.", detail: "", check: "The post shows on the blog." },
  ],
};

/** A 1×1 PNG: the smallest real image the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const { startApp, person } = browserSuite();

/** Like `arrive`, for a path with an id in it. */
async function arriveAt(page: Page, path: RegExp, title: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** Opens a tab by the start of its name (a tab may end in a count, e.g. "Versions 2"). */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect.poll(() => tab.getAttribute("aria-selected")).toBe("true");
}

function step(page: Page, number: number): Locator {
  return page.getByRole("group", { name: `Step ${number}`, exact: true });
}

function runStep(page: Page, number: number): Locator {
  return page.getByRole("region", { name: `Step ${number}`, exact: true });
}

async function saveDraft(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("status").filter({ hasText: "Draft saved" }).waitFor();
}

/** The owner invites a contractor on the Team page; the contractor accepts in their own browser. */
async function inviteContractor(owner: Page, contractor: Page): Promise<void> {
  await owner.goto("/team");
  await arrive(owner, "/team", "Team");
  await owner.getByLabel("Email", { exact: true }).fill(CONTRACTOR.email);
  await choose(owner, "Role", "Contractor");
  await owner.getByRole("button", { name: "Send invite" }).click();
  const link = (await owner.getByTestId("invite-link").textContent())?.trim() ?? "";
  expect(link).toContain("/invite?token=");

  await contractor.goto(link);
  await arrive(contractor, "/invite", new RegExp(OWNER.workspace));
  await contractor.getByLabel("Your name", { exact: true }).fill(CONTRACTOR.name);
  await contractor.getByLabel("Password", { exact: true }).fill(CONTRACTOR.password);
  await choose(contractor, "Time zone", "Europe/Rome");
  await contractor.getByRole("button", { name: "Accept invite" }).click();
  await arrive(contractor, "/portal", /Marco/);
}

describe("blueprints and checklist runs", () => {
  test("a hard procedure is caught, fixed, published, shared and run; the owner sees where it sticks", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");
    const contractor = await person(running, "contractor");
    await setUpWorkspace(owner, OWNER);
    await inviteContractor(owner, contractor);

    // The owner starts a procedure.
    await owner.goto("/");
    await owner.getByRole("link", { name: "Blueprints" }).first().click();
    await arrive(owner, "/blueprints", "Blueprints");
    await owner.getByText("No procedures yet").waitFor();
    await checkPage(owner, "blueprints-empty");

    await owner.getByRole("button", { name: "Start from a template" }).click();
    await owner.getByRole("dialog", { name: "Start from a template" }).waitFor();
    await owner.getByText("Write and publish a blog post").waitFor();
    await checkPage(owner, "blueprints-templates");
    await owner.keyboard.press("Escape");

    await owner.getByRole("button", { name: "New procedure" }).click();
    const dialog = owner.getByRole("dialog", { name: "New procedure" });
    await dialog.getByLabel("Title", { exact: true }).fill(TITLE);
    await dialog.getByRole("button", { name: "Create and write it" }).click();
    await arriveAt(owner, /^\/blueprints\/[\w-]+$/, TITLE);
    const procedurePath = new URL(owner.url()).pathname;
    await owner
      .getByText("Never store passwords or keys here; list the tool's name only.")
      .waitFor();

    // It is written in officialese.
    await owner.getByLabel("Purpose (optional)", { exact: true }).fill(HARD.purpose);
    await owner
      .getByRole("combobox", { name: "Tools and logins needed (optional)", exact: true })
      .fill("WordPress");
    await owner.keyboard.press("Enter");
    for (const [index, instruction] of HARD.steps.entries()) {
      await owner.getByRole("button", { name: "Add a step" }).click();
      await step(owner, index + 1)
        .getByLabel("Instruction", { exact: true })
        .fill(instruction);
    }
    await saveDraft(owner);

    // Hard to follow, and why.
    const verdict = owner.getByTestId("hard-to-follow");
    await verdict.getByText(/below the 60 of plain English/).waitFor();
    await owner
      .getByTestId("step-score-2")
      .getByText("Holds more than one action; split it into steps")
      .waitFor();
    await owner.getByText("Jargon:", { exact: true }).first().waitFor();
    await owner.getByText("Passive phrases:", { exact: true }).waitFor();
    await checkPage(owner, "editor-hard-to-follow");

    // Publishing says so; the owner publishes it anyway, but not to hand over.
    await owner.getByRole("button", { name: "Publish version 1" }).click();
    const gate = owner.getByRole("dialog", { name: "This is hard to follow" });
    await gate.getByText(/below the 60 of plain English/).waitFor();
    await checkPage(owner, "publish-gate");
    await gate.getByRole("button", { name: "Publish it, not to hand over yet" }).click();
    await owner.getByText("Version 1 published.", { exact: true }).waitFor();

    // A hard-to-follow version can't be shared: the page says so plainly.
    await openTab(owner, "Hand over");
    await owner.getByRole("checkbox", { name: CONTRACTOR.name }).check();
    await owner.getByRole("button", { name: "Share", exact: true }).click();
    await owner.getByRole("alert").filter({ hasText: "Too hard to follow to hand over" }).waitFor();
    await checkPage(owner, "share-refused");

    // The owner fixes the text, with an example picture.
    await openTab(owner, "Write");
    await owner.getByLabel("Purpose (optional)", { exact: true }).fill(PLAIN.purpose);
    await owner.getByRole("button", { name: "Add a step" }).click();
    for (const [index, plain] of PLAIN.steps.entries()) {
      const fields = step(owner, index + 1);
      await fields.getByLabel("Instruction", { exact: true }).fill(plain.instruction);
      await fields.getByLabel("Detail (optional, Markdown)", { exact: true }).fill(plain.detail);
      await fields.getByLabel("Check (optional)", { exact: true }).fill(plain.check);
    }
    const firstStep = step(owner, 1);
    await firstStep.locator('input[type="file"]').setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not a picture"),
    });
    await firstStep
      .getByRole("alert")
      .filter({ hasText: "is not a PNG, JPEG, WebP or GIF" })
      .waitFor();
    await firstStep.locator('input[type="file"]').setInputFiles({
      name: "dashboard.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await firstStep.getByRole("img", { name: /Example for step 1/ }).waitFor();
    await saveDraft(owner);
    await owner.getByTestId("reads-plainly").waitFor();
    // The Markdown detail, previewed as the server rendered it.
    await firstStep.locator("strong", { hasText: "Add new" }).waitFor();
    await checkPage(owner, "editor-reads-plainly");

    await owner.getByRole("button", { name: "Publish version 2" }).click();
    await owner.getByText("Version 2 published.", { exact: true }).waitFor();

    // What changed between the two versions.
    await openTab(owner, "Versions");
    const diff = owner.getByTestId("diff");
    await diff.waitFor();
    expect(await diff.locator('[data-kind="added"]').count()).toBeGreaterThan(0);
    expect(await diff.locator('[data-kind="removed"]').count()).toBeGreaterThan(0);
    await checkPage(owner, "versions-diff");

    // Shared with the contractor, and a checklist started for them.
    await openTab(owner, "Hand over");
    await owner.getByRole("checkbox", { name: CONTRACTOR.name }).check();
    await owner.getByRole("button", { name: "Share", exact: true }).click();
    await owner.getByRole("cell", { name: CONTRACTOR.name, exact: true }).waitFor();
    await choose(owner, "Contractor", `${CONTRACTOR.name} (version 2)`);
    await owner.getByRole("button", { name: "Start checklist" }).click();
    await owner.getByText("Checklist started.", { exact: false }).waitFor();
    await checkPage(owner, "hand-over");

    await openTab(owner, "Job post");
    await owner.getByText("This is exactly what will be posted.", { exact: false }).waitFor();
    expect(await owner.getByTestId("job-post-text").textContent()).toContain(TITLE.toLowerCase());
    await owner.getByText("Plain text", { exact: true }).click();
    await checkPage(owner, "job-post");

    // The contractor finds the checklist in the portal and works it.
    await contractor.goto("/portal");
    await arrive(contractor, "/portal", /Marco/);
    await contractor.getByRole("link", { name: TITLE }).first().waitFor();
    await checkPage(contractor, "portal-with-checklist");
    await contractor.getByTestId("my-checklists").getByRole("link", { name: TITLE }).click();
    await arriveAt(contractor, /^\/portal\/runs\/[\w-]+$/, TITLE);
    await runStep(contractor, 1)
      .getByRole("img", { name: /Example for step 1/ })
      .waitFor();
    await runStep(contractor, 1).getByText("You see an empty post.").waitFor();
    await checkPage(contractor, "run");

    await runStep(contractor, 1)
      .getByLabel("Note (optional)", { exact: true })
      .fill("Dashboard open.");
    await runStep(contractor, 1).getByRole("button", { name: "Tick step 1" }).click();
    await runStep(contractor, 1).getByRole("button", { name: "Untick step 1" }).waitFor();

    await runStep(contractor, 2)
      .getByRole("button", { name: "Ask a question about step 2" })
      .click();
    await runStep(contractor, 2)
      .getByLabel("Your question about step 2", { exact: true })
      .fill("Where is the text of the post?");
    await runStep(contractor, 2).getByRole("button", { name: "Send question" }).click();
    await runStep(contractor, 2).getByText("Waiting for an answer", { exact: false }).waitFor();
    await checkPage(contractor, "run-question");

    // The owner sees the question and answers it.
    await openTab(owner, "Runs");
    const runs = owner.getByTestId("runs-table");
    await runs.getByText("1 to answer").waitFor();
    await runs.getByRole("button", { name: `Open ${CONTRACTOR.name}'s checklist` }).click();
    const detail = owner.getByRole("dialog");
    await detail.getByText("Where is the text of the post?").waitFor();
    await checkPage(owner, "run-detail");
    await detail.getByLabel("Your answer", { exact: true }).fill("It is in the shared folder.");
    await detail.getByRole("button", { name: "Send answer" }).click();
    await detail.getByText("It is in the shared folder.").waitFor();
    await owner.keyboard.press("Escape");

    // The answer reaches the contractor's page; they tick the rest and hand it in.
    await runStep(contractor, 2)
      .getByText("It is in the shared folder.")
      .waitFor({ timeout: 20_000 });
    await runStep(contractor, 2).getByRole("button", { name: "Tick step 2" }).click();
    await runStep(contractor, 2).getByRole("button", { name: "Untick step 2" }).waitFor();
    await runStep(contractor, 3)
      .getByLabel("Link to the result (optional)", { exact: true })
      .fill("https://blog.example.com/new-post");
    await runStep(contractor, 3).getByRole("button", { name: "Tick step 3" }).click();
    await runStep(contractor, 3).getByRole("button", { name: "Untick step 3" }).waitFor();
    await contractor.getByRole("button", { name: "Hand in the checklist" }).click();
    await contractor.getByTestId("run-submitted").waitFor();
    await checkPage(contractor, "run-submitted");

    // The shared procedure is there to read, and nothing of the owner's is.
    await contractor.goto("/portal");
    await arrive(contractor, "/portal", /Marco/);
    await contractor.getByRole("link", { name: TITLE }).last().click();
    await arriveAt(contractor, /^\/portal\/procedures\/[\w-]+\/versions\/2$/, TITLE);
    await checkPage(contractor, "shared-procedure");
    await contractor.goto(procedurePath);
    await arrive(contractor, procedurePath, "Not allowed");
    expect((await contractor.request.get("/api/sops")).status()).toBe(403);

    // The owner sees it handed in, and the step with the question flagged.
    await owner.reload();
    await arrive(owner, procedurePath, TITLE);
    await owner.getByTestId("runs-table").getByText("Submitted").waitFor();
    const stuck = owner.getByTestId("stuck-table").locator('[data-stuck="true"]');
    await stuck.getByText("People get stuck here").waitFor();
    expect(await stuck.textContent()).toContain(PLAIN.steps[1]?.instruction);
    await checkPage(owner, "runs-stuck");

    await owner.goto("/blueprints");
    await arrive(owner, "/blueprints", "Blueprints");
    await owner.getByRole("link", { name: TITLE }).waitFor();
    await checkPage(owner, "blueprints-list");

    expectNoScriptErrors(owner);
    expectNoScriptErrors(contractor);
  });
});
