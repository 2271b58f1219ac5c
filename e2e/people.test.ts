import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
import { choose } from "./support/forms.ts";
import { linkIn } from "./support/mailbox.ts";
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

/** The one designer the owner already works with. */
const DESIGNER = { name: "Priya Natarajan", email: "priya@example.com" };

/** Who the owner finds, evaluates and hires. */
const CANDIDATE = {
  name: "Lena Okafor",
  email: "lena@example.com",
  timeZone: "Europe/Berlin",
  password: "lena's own long password",
};

const AREA = "design";
const ONE_PERSON = /Only one person can do design at level 3 or above/;

/**
 * Six criteria and their weights as the page shows them, with the scores given:
 * (20×5 + 15×4 + 20×4 + 15×5 + 10×4 + 20×4) / 100 = 4.35.
 */
const SCORES = [
  { label: "Communication (20 %)", score: "5" },
  { label: "Professionalism (15 %)", score: "4" },
  { label: "Quality of samples (20 %)", score: "4" },
  { label: "References (15 %)", score: "5" },
  { label: "Online reviews (10 %)", score: "4" },
  { label: "Test project result (20 %)", score: "4" },
];
const WEIGHTED = "4.35 / 5";

const { startApp, person } = browserSuite();

/** Like `arrive`, for a path with an id in it. */
async function arriveAt(page: Page, path: RegExp, title: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** An active person in the directory with one skill, added the way the directory's form does. */
async function addActivePerson(
  page: Page,
  who: { name: string; email: string },
  skill: { area: string; level: number },
): Promise<void> {
  const areas = await page.request.get("/api/worth/areas");
  expect(areas.status()).toBe(200);
  const area = ((await areas.json()) as { id: string; name: string }[]).find(
    (row) => row.name === skill.area,
  );
  if (!area) throw new Error(`No area called ${skill.area}`);
  const response = await page.request.post("/api/contractors", {
    data: {
      name: who.name,
      email: who.email,
      timeZone: "America/New_York",
      rateCurrency: "USD",
      status: "active",
      skills: [{ areaId: area.id, level: skill.level, verified: true }],
    },
  });
  expect(response.status()).toBe(201);
}

/** The bench's entry for one skill area on the guardrails page. */
function benchArea(page: Page, area: string): Locator {
  return page.getByRole("article", { name: new RegExp(`^${area}$`, "i") });
}

/** A column of the pipeline board, by its heading. */
function column(page: Page, stage: string): Locator {
  return page.getByRole("region", { name: stage, exact: true });
}

/** What dnd-kit's live region last told a screen reader. */
function announcement(page: Page, text: string): Locator {
  return page.getByRole("status").filter({ hasText: text });
}

/**
 * Moves a candidate one column to the right with the keyboard alone: focus the drag handle,
 * Space to pick up, the right arrow, Space to drop. Every step is announced; after the drop
 * the card sits in the new column and the move is saved.
 */
async function moveRightByKeyboard(page: Page, name: string, from: string, to: string) {
  const handle = column(page, from).getByRole("button", { name: `Drag ${name}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await announcement(page, `Picked up ${name} in ${from}`).waitFor({ state: "attached" });
  await expect.poll(() => handle.getAttribute("aria-pressed")).toBe("true");
  await page.keyboard.press("ArrowRight");
  await announcement(page, `${name} is over ${to}`).waitFor({ state: "attached" });
  await page.keyboard.press("Space");
  await announcement(page, `${name} dropped in ${to}`).waitFor({ state: "attached" });
  await page.getByText(`${name} is in ${to}.`, { exact: true }).waitFor();
  await column(page, to).getByRole("link", { name, exact: true }).waitFor();
  await expect(column(page, from).getByRole("link", { name, exact: true }).count()).resolves.toBe(
    0,
  );
}

/** Picks one of a named group of segments (a 1–5 score or level) by its label. */
async function pick(scope: Locator, group: string | RegExp, value: string): Promise<void> {
  const radio = scope
    .getByRole("radiogroup", { name: group })
    .getByRole("radio", { name: value, exact: true });
  const id = await radio.getAttribute("id");
  await scope.locator(`label[for="${id}"]`).click();
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** The missing checks listed on the candidate's page, in order. */
async function missingChecks(page: Page): Promise<string[]> {
  const caution = page.getByRole("alert").filter({ hasText: "Missing checks" });
  if ((await caution.count()) === 0) return [];
  return (await caution.getByRole("listitem").allTextContents()).map((text) => text.trim());
}

describe("people, hiring and the bench", () => {
  test("a thin bench leads to an opening; a candidate is moved by keyboard, checked, scored, hired and invited; the warning clears", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");
    await setUpWorkspace(owner, OWNER);
    await addActivePerson(owner, DESIGNER, { area: AREA, level: 4 });

    // One designer is not a bench: the guardrail says so, with the way out.
    await owner.goto("/guardrails");
    await arrive(owner, "/guardrails", "Guardrails");
    const design = benchArea(owner, AREA);
    await design.getByText(ONE_PERSON).waitFor();
    await design.getByText("1 of 2 needed", { exact: true }).waitFor();
    await design.getByText(`${DESIGNER.name} · level 4`).waitFor();
    await checkPage(owner, "guardrails-thin-bench");

    await design.getByRole("button", { name: `Start a hiring opening for ${AREA}` }).click();
    await arriveAt(owner, /^\/hiring\/[\w-]+$/, "Design specialist");
    const openingPath = new URL(owner.url()).pathname;
    await owner.getByText(`Skill area: ${AREA}`, { exact: true }).waitFor();
    await column(owner, "Sourced").getByText("No one here").waitFor();
    await checkPage(owner, "opening-empty");

    // Someone new goes on the opening.
    await owner.getByRole("button", { name: "Add candidate" }).click();
    const adding = owner.getByRole("dialog", { name: "Add a candidate" });
    await adding.getByLabel("Name", { exact: true }).fill(CANDIDATE.name);
    await adding.getByLabel("Email", { exact: true }).fill(CANDIDATE.email);
    await choose(owner, "Time zone", CANDIDATE.timeZone);
    await checkPage(owner, "add-candidate");
    await adding.getByRole("button", { name: "Add candidate" }).click();
    await adding.waitFor({ state: "hidden" });
    await column(owner, "Sourced").getByRole("link", { name: CANDIDATE.name }).waitFor();
    await checkPage(owner, "opening-sourced");

    // Through the pipeline with the keyboard only, one column at a time.
    await moveRightByKeyboard(owner, CANDIDATE.name, "Sourced", "Screening");
    await moveRightByKeyboard(owner, CANDIDATE.name, "Screening", "Interview");
    await moveRightByKeyboard(owner, CANDIDATE.name, "Interview", "Test project");
    // Picked up and taken back with Escape, the card stays where it was.
    await column(owner, "Test project")
      .getByRole("button", { name: `Drag ${CANDIDATE.name}` })
      .focus();
    await owner.keyboard.press("Space");
    await announcement(owner, `Picked up ${CANDIDATE.name} in Test project`).waitFor({
      state: "attached",
    });
    await owner.keyboard.press("ArrowLeft");
    await announcement(owner, `${CANDIDATE.name} is over Interview`).waitFor({ state: "attached" });
    await owner.keyboard.press("Escape");
    await announcement(owner, `Moving ${CANDIDATE.name} was cancelled`).waitFor({
      state: "attached",
    });
    await column(owner, "Test project").getByRole("link", { name: CANDIDATE.name }).waitFor();
    await expect(column(owner, "Interview").getByRole("link").count()).resolves.toBe(0);
    // Saved, not only shown: the board read afresh has the card where it was dropped.
    await owner.reload();
    await arrive(owner, openingPath, "Design specialist");
    await column(owner, "Test project").getByRole("link", { name: CANDIDATE.name }).waitFor();
    await checkPage(owner, "opening-test-project");

    // The evaluation: nothing is checked yet, and the page says what is missing.
    await column(owner, "Test project").getByRole("link", { name: CANDIDATE.name }).click();
    await arriveAt(owner, /^\/hiring\/candidates\/[\w-]+$/, CANDIDATE.name);
    await expect
      .poll(() => missingChecks(owner))
      .toEqual([
        "Samples not reviewed",
        "References not checked",
        "Online reviews not checked",
        "Not interviewed",
        "No test project result",
        "Scorecard incomplete: communication, professionalism, quality of samples, references, online reviews",
      ]);
    await checkPage(owner, "candidate-unchecked");

    // A reference counts once it is contacted.
    await owner.getByLabel("Reference", { exact: true }).fill("Sam Ortiz, a former client");
    await owner.getByLabel("How to reach them", { exact: true }).fill("sam@example.org");
    await owner.getByRole("button", { name: "Add reference" }).click();
    await owner.getByText("Reference added.", { exact: true }).waitFor();
    const contacted = owner.getByRole("switch", { name: "Contacted" });
    // The switch shows what is saved, so it turns on once the server has it.
    await contacted.click();
    await owner.getByText("Reference saved.", { exact: true }).waitFor();
    await expect.poll(() => contacted.isChecked()).toBe(true);
    await expect.poll(() => missingChecks(owner)).not.toContain("References not checked");

    await owner.getByLabel("Where", { exact: true }).fill("Upwork profile");
    await owner
      .getByLabel("What the reviews said", { exact: true })
      .fill("Forty reviews, all five stars; clients mention clean files and fast replies.");
    await owner.getByRole("button", { name: "Add review check" }).click();
    await owner.getByText("Review check added.", { exact: true }).waitFor();
    await expect.poll(() => missingChecks(owner)).not.toContain("Online reviews not checked");

    await owner.getByLabel("Sample title", { exact: true }).fill("Label set for a tea brand");
    await owner.getByLabel("Link", { exact: true }).fill("https://example.org/lena/tea-labels");
    await owner.getByRole("button", { name: "Add link" }).click();
    await owner.getByRole("link", { name: "Label set for a tea brand" }).waitFor();
    await expect.poll(() => missingChecks(owner)).not.toContain("Samples not reviewed");

    // The scorecard: six criteria, each weighed by the share shown.
    const scorecard = owner.locator("form").filter({ hasText: "Save scorecard" });
    await scorecard
      .getByText(
        "Weights: communication 20 %, professionalism 15 %, quality of samples 20 %, references 15 %, online reviews 10 %, test project result 20 %.",
      )
      .waitFor();
    for (const { label, score } of SCORES) await pick(scorecard, label, score);
    await owner.getByRole("button", { name: "Save scorecard" }).click();
    await owner.getByText("Scorecard saved.", { exact: true }).waitFor();
    await expect.poll(() => missingChecks(owner)).toEqual(["Not interviewed"]);
    // The weighted score, on the scorecard and next to the name.
    await expect
      .poll(() => owner.getByText(WEIGHTED, { exact: false }).count())
      .toBeGreaterThanOrEqual(2);
    await checkPage(owner, "candidate-checked");

    // Hiring shows what is still unchecked and asks how good they are at design.
    await owner.getByRole("button", { name: `Hire ${CANDIDATE.name}` }).click();
    const hiring = owner.getByRole("dialog", { name: `Hire ${CANDIDATE.name}?` });
    const unchecked = hiring
      .getByRole("alert")
      .filter({ hasText: "Not everything is checked yet" });
    await expect
      .poll(async () =>
        (await unchecked.getByRole("listitem").allTextContents()).map((t) => t.trim()),
      )
      .toEqual(["Not interviewed"]);
    const level = `${CANDIDATE.name}’s level in ${AREA}`;
    await pick(hiring, level, "4");
    await expect(
      hiring
        .getByRole("checkbox", { name: "Verified: I have seen their test project" })
        .isChecked(),
    ).resolves.toBe(true);
    await checkPage(owner, "hire-dialog");
    await hiring.getByRole("button", { name: "Hire anyway" }).click();

    // Hired, and offered the portal.
    const offer = owner.getByRole("dialog", { name: `${CANDIDATE.name} is hired` });
    await offer
      .getByText(`Invite ${CANDIDATE.name} to the contractor portal?`, { exact: false })
      .waitFor();
    await checkPage(owner, "invite-offer");
    await offer.getByRole("button", { name: `Invite ${CANDIDATE.name}` }).click();
    await offer.getByText("Invitation sent", { exact: true }).waitFor();
    await checkPage(owner, "invite-sent");
    // The button in the dialog's footer, not the × in its corner.
    await offer.getByRole("button", { name: "Close" }).filter({ hasText: "Close" }).click();
    await offer.waitFor({ state: "hidden" });
    await owner.getByText(/^Hired /).waitFor();

    // The invitation arrives by email.
    const invitation = await running.mailbox.waitFor(CANDIDATE.email, /invited you/);
    expect(invitation.subject).toContain(OWNER.workspace);
    const inviteLink = linkIn(invitation, "/invite");
    expect(inviteLink.origin).toBe(running.baseUrl);

    // Lena joins, on her own machine, and sees her profile with the skill she was hired for.
    const lena = await person(running, "candidate");
    await lena.goto(inviteLink.toString());
    await arrive(lena, "/invite", new RegExp(OWNER.workspace));
    await lena.getByLabel("Your name", { exact: true }).fill(CANDIDATE.name);
    await lena.getByLabel("Password", { exact: true }).fill(CANDIDATE.password);
    await choose(lena, "Time zone", CANDIDATE.timeZone);
    await lena.getByRole("button", { name: "Accept invite" }).click();
    await arrive(lena, "/portal", /Lena/);
    await lena.getByRole("cell", { name: `${AREA} (level 4)` }).waitFor();
    await lena.getByRole("cell", { name: CANDIDATE.timeZone, exact: true }).waitFor();
    await checkPage(lena, "portal-profile");

    // In the directory: the same record, now active, with the skill.
    await owner.goto("/people");
    await arrive(owner, "/people", "People");
    const row = owner.getByRole("row").filter({ hasText: CANDIDATE.name });
    await row.getByText("Active", { exact: true }).waitFor();
    await row.getByText(`${AREA} 4`, { exact: true }).waitFor();
    await checkPage(owner, "people");
    await row.getByRole("link", { name: CANDIDATE.name }).click();
    await arriveAt(owner, /^\/people\/[\w-]+$/, CANDIDATE.name);
    await owner.getByRole("link", { name: "Design specialist" }).first().waitFor();
    await checkPage(owner, "person");

    // Two designers now: the warning is gone, here and on the dashboard.
    await owner.goto("/guardrails");
    await arrive(owner, "/guardrails", "Guardrails");
    await benchArea(owner, AREA).getByText("2 qualified", { exact: true }).waitFor();
    await benchArea(owner, AREA).getByText(`${CANDIDATE.name} · level 4`).waitFor();
    await expect(owner.getByText(ONE_PERSON).count()).resolves.toBe(0);
    await checkPage(owner, "guardrails-strong-bench");

    await owner.goto("/");
    await arrive(owner, "/", /Dana/);
    await owner.getByTestId("all-clear").waitFor();
    await expect(owner.getByText(ONE_PERSON).count()).resolves.toBe(0);
    await checkPage(owner, "dashboard-strong-bench");

    expectNoScriptErrors(owner);
    expectNoScriptErrors(lena);
  });
});
