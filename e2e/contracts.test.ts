import fs from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
import { choose, inDialog, milestone } from "./support/forms.ts";
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

const WRITER = {
  name: "Marco Bellini",
  email: "marco@example.com",
  password: "marco's own long password",
  timeZone: "Europe/Rome",
};

/** $1,000 in three milestones: split evenly, the odd cent goes to the first. */
const CONTRACT = {
  title: "Blog relaunch",
  scope: "Rewrite the ten most visited posts in plain English.\n\n- Keep the keywords",
  deliverables: "Ten rewritten posts as shared documents, with new titles.",
  startDate: "2027-02-01",
  endDate: "2027-02-28",
  total: "1,000",
  milestones: [
    { title: "First three posts", deliverable: "Posts 1-3", dueDate: "2027-02-10" },
    { title: "Next four posts", deliverable: "Posts 4-7", dueDate: "2027-02-20" },
    { title: "Last three posts", deliverable: "Posts 8-10", dueDate: "2027-02-28" },
  ],
  split: ["333.34", "333.33", "333.33"],
};
const FIRST = CONTRACT.milestones[0]?.title ?? "";
const FIRST_AMOUNT = "$333.34";

const GUARD_REASON = "Marco is our only blog writer; the next contract goes to someone new.";
const FEEDBACK =
  "The first two posts read well. Post 3 still uses the old product names: change them to the new ones by Friday.";

const { startApp, person } = browserSuite();

/** Like `arrive`, for a path with an id in it. */
async function arriveAt(page: Page, path: RegExp, title: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** The contractor's directory record and their portal account, made the way other tests cover. */
async function addWriter(owner: Page, writer: Page): Promise<void> {
  const record = await owner.request.post("/api/contractors", {
    data: {
      name: WRITER.name,
      email: WRITER.email,
      timeZone: WRITER.timeZone,
      rateCurrency: "USD",
      status: "active",
    },
  });
  expect(record.status()).toBe(201);
  const invite = await owner.request.post("/api/invites", {
    data: { email: WRITER.email, role: "contractor" },
  });
  expect(invite.status()).toBe(201);
  const { link } = (await invite.json()) as { link: string };
  const accepted = await writer.request.post("/api/invites/accept", {
    data: {
      token: new URL(link).searchParams.get("token"),
      name: WRITER.name,
      password: WRITER.password,
      timeZone: WRITER.timeZone,
    },
  });
  expect(accepted.status()).toBe(201);
}

/** The status shown on a milestone's card. */
async function milestoneStatus(page: Page, title: string, status: string): Promise<void> {
  await milestone(page, title).getByText(status, { exact: true }).waitFor();
}

/** A figure in one of the page's stat cards: the line under the card's label. */
function figure(page: Page, label: string): Locator {
  return page.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]");
}

/** One titled part of a page. */
function section(page: Page, title: string): Locator {
  return page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

describe("contracts and payments", () => {
  test("a contract is drafted, guarded, sent and accepted; a milestone is sent back, handed in again, accepted and paid from escrow", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");
    const writer = await person(running, "contractor");
    await setUpWorkspace(owner, OWNER);
    await addWriter(owner, writer);

    // Before any payment, the budget can only compare against the plan.
    await owner.goto("/metrics?tab=budget");
    await arrive(owner, "/metrics", "Know your metrics");
    await expect.poll(() => owner.getByTestId("actual-spend").textContent()).toBe("—");
    await owner.getByText("Appears once payments are recorded.", { exact: true }).waitFor();

    // No contracts yet: the page says why they matter and offers the first.
    await owner.goto("/contracts");
    await arrive(owner, "/contracts", "Contracts");
    await owner.getByRole("heading", { name: "No work without a written contract" }).waitFor();
    await checkPage(owner, "contracts-empty");
    await owner.getByRole("link", { name: "New contract" }).first().click();
    await arrive(owner, "/contracts/new", "New contract");

    // The deal in writing, a fixed price in three milestones.
    await choose(owner, "Contractor", WRITER.name);
    await owner.getByLabel("Title", { exact: true }).fill(CONTRACT.title);
    await owner.getByLabel("Scope and expectations", { exact: true }).fill(CONTRACT.scope);
    await owner.getByLabel("Deliverables", { exact: true }).fill(CONTRACT.deliverables);
    await owner.getByLabel("Starts", { exact: true }).fill(CONTRACT.startDate);
    await owner.getByLabel("Ends", { exact: true }).fill(CONTRACT.endDate);
    await owner.getByRole("textbox", { name: "Fixed price", exact: true }).fill(CONTRACT.total);
    const addMilestone = owner.getByRole("button", { name: "Add a milestone" });
    await addMilestone.click();
    await addMilestone.click();
    for (const [index, planned] of CONTRACT.milestones.entries()) {
      const number = index + 1;
      await owner.getByLabel(`Milestone ${number} title`, { exact: true }).fill(planned.title);
      await owner
        .getByLabel(`What is delivered for milestone ${number}`, { exact: true })
        .fill(planned.deliverable);
      await owner.getByLabel(`Milestone ${number} due`, { exact: true }).fill(planned.dueDate);
    }
    await owner.getByRole("button", { name: "Split evenly" }).click();
    for (const [index, amount] of CONTRACT.split.entries()) {
      await expect
        .poll(() => owner.getByLabel(`Milestone ${index + 1} amount`, { exact: true }).inputValue())
        .toBe(amount);
    }
    await owner.getByText("The milestones add up to the total, $1,000.", { exact: true }).waitFor();
    await checkPage(owner, "contract-editor");
    await owner.getByRole("button", { name: "Save draft" }).click();
    await arriveAt(owner, /^\/contracts\/[\w-]+$/, CONTRACT.title);
    const contractPath = new URL(owner.url()).pathname;
    await owner.getByText("Draft", { exact: true }).first().waitFor();

    // A first contract gives one person all the open work: the guard asks why.
    const guard = owner.getByRole("alert").filter({ hasText: "Never assign a huge project" });
    await guard.getByText(/100 %.*more than the 50 % you allow one person/).waitFor();
    const sendAnyway = owner.getByRole("button", { name: "Send anyway with this reason" });
    await expect(sendAnyway.isDisabled()).resolves.toBe(true);
    await checkPage(owner, "contract-draft-guarded");
    await owner.getByLabel("Why send it anyway", { exact: true }).fill(GUARD_REASON);
    await sendAnyway.click();
    await owner.getByText(`Sent to ${WRITER.name} to read and accept.`, { exact: true }).waitFor();
    await owner.getByText("Waiting for acceptance", { exact: true }).first().waitFor();
    await owner.getByText(GUARD_REASON).waitFor();

    // The writer reads it from the email's link and accepts by typing their name.
    const sent = await running.mailbox.waitFor(WRITER.email, /Contract to read and accept/);
    expect(sent.subject).toContain(CONTRACT.title);
    const portalPath = contractPath.replace("/contracts/", "/portal/contracts/");
    await writer.goto(linkIn(sent, portalPath).toString());
    await arrive(writer, portalPath, CONTRACT.title);
    await writer.getByText("Read the whole contract below.", { exact: false }).waitFor();
    await writer.getByText(CONTRACT.deliverables).first().waitFor();
    await checkPage(writer, "portal-contract-to-accept");
    const iAccept = writer.getByRole("button", { name: "I accept" });
    await expect(iAccept.isDisabled()).resolves.toBe(true);
    await writer.getByLabel("Your full name", { exact: true }).fill(WRITER.name);
    await iAccept.click();
    await writer.getByText("Accepted. The contract is active.", { exact: true }).waitFor();
    await writer.getByText("Active", { exact: true }).first().waitFor();

    // The owner is told, and the contract shows who accepted which version.
    const acceptedMail = await running.mailbox.waitFor(OWNER.email, /accepted/);
    expect(acceptedMail.subject).toBe(`${WRITER.name} accepted ${CONTRACT.title}`);
    await owner.goto("/contracts");
    await arrive(owner, "/contracts", "Contracts");
    const row = owner.getByRole("row").filter({ hasText: CONTRACT.title });
    await row.getByText("Active", { exact: true }).waitFor();
    await row.getByText("Sent despite 1 warning", { exact: true }).waitFor();
    await row.getByRole("cell", { name: "$1,000", exact: true }).waitFor();
    await checkPage(owner, "contracts");
    await row.getByRole("link", { name: CONTRACT.title }).click();
    await arrive(owner, contractPath, CONTRACT.title);
    const record = section(owner, "Acceptance record");
    await record
      .getByRole("row", { name: /Accepted by/ })
      .getByText(WRITER.name)
      .waitFor();
    await record
      .getByRole("row", { name: /Version/ })
      .getByText("1", { exact: true })
      .waitFor();
    await record.getByText(/^[0-9a-f]{64}$/).waitFor();

    // Escrow for the first milestone, so its payment comes from there.
    await inDialog(
      owner,
      owner.getByRole("button", { name: "Fund escrow" }),
      "Fund escrow",
      async (dialog) => {
        await expect
          .poll(() => dialog.getByLabel("Amount to put in escrow", { exact: true }).inputValue())
          .toBe("333.34");
      },
      "Fund escrow",
      `Put ${FIRST_AMOUNT} in escrow.`,
    );
    await expect.poll(() => figure(owner, "Held in escrow").textContent()).toBe(FIRST_AMOUNT);
    await milestone(owner, FIRST).getByText("Covered by escrow", { exact: true }).waitFor();

    // The writer hands in the first milestone.
    await writer.reload();
    await arrive(writer, portalPath, CONTRACT.title);
    await inDialog(
      writer,
      milestone(writer, FIRST).getByRole("button", { name: "Submit work" }),
      "Hand in work",
      async (dialog) => {
        await dialog
          .getByLabel("What you are handing in", { exact: true })
          .fill("Posts 1 to 3 are rewritten, with new titles.");
        await dialog
          .getByLabel("Links", { exact: true })
          .fill("https://docs.example.com/posts-1-3");
      },
      "Hand in",
      `“${FIRST}” is handed in for review.`,
    );
    await milestoneStatus(writer, FIRST, "In review");

    // The owner sends it back with specific feedback.
    await owner.reload();
    await arrive(owner, contractPath, CONTRACT.title);
    await milestoneStatus(owner, FIRST, "In review");
    await inDialog(
      owner,
      milestone(owner, FIRST).getByRole("button", { name: "Send back", exact: true }),
      "Send work back",
      async (dialog) => {
        await dialog.getByLabel("Feedback", { exact: true }).fill(FEEDBACK);
      },
      "Send back",
      `“${FIRST}” is sent back with your feedback.`,
    );
    await milestoneStatus(owner, FIRST, "Sent back");

    // The writer sees what to change and hands it in again.
    await writer.reload();
    await arrive(writer, portalPath, CONTRACT.title);
    await milestoneStatus(writer, FIRST, "Sent back");
    await milestone(writer, FIRST).getByText(FEEDBACK, { exact: true }).waitFor();
    await checkPage(writer, "portal-contract-sent-back");
    await inDialog(
      writer,
      milestone(writer, FIRST).getByRole("button", { name: "Hand in again" }),
      "Hand in work",
      async (dialog) => {
        await dialog.getByText(FEEDBACK, { exact: true }).waitFor();
        await dialog
          .getByLabel("What you are handing in", { exact: true })
          .fill("Post 3 now uses the new product names.");
      },
      "Hand in again",
      `“${FIRST}” is handed in for review.`,
    );
    await milestoneStatus(writer, FIRST, "In review");

    // The owner accepts it and releases the payment, all of it from escrow.
    await owner.reload();
    await arrive(owner, contractPath, CONTRACT.title);
    await inDialog(
      owner,
      milestone(owner, FIRST).getByRole("button", { name: "Accept", exact: true }),
      "Accept work",
      async (dialog) => {
        // Accepting rates the work; the stars are the radios' labels, clicked as people do.
        for (const side of ["Quality", "Timeliness", "Communication"]) {
          const star = dialog.getByRole("radio", { name: `${side}: 5 of 5` });
          await dialog.locator(`label[for="${await star.getAttribute("id")}"]`).click();
        }
      },
      "Accept work",
      `“${FIRST}” is accepted.`,
    );
    await milestoneStatus(owner, FIRST, "Accepted");
    await inDialog(
      owner,
      milestone(owner, FIRST).getByRole("button", { name: "Release payment" }),
      "Release payment",
      async (dialog) => {
        await dialog
          .getByText("It all comes from this contract's escrow.", { exact: false })
          .waitFor();
      },
      "Release payment",
      `Released ${FIRST_AMOUNT} to ${WRITER.name}.`,
    );
    await milestoneStatus(owner, FIRST, "Paid");
    await milestone(owner, FIRST).getByText(`${FIRST_AMOUNT} released`, { exact: true }).waitFor();
    await expect.poll(() => figure(owner, "Held in escrow").textContent()).toBe("$0.00");
    await expect.poll(() => figure(owner, "Released").textContent()).toBe(FIRST_AMOUNT);
    await checkPage(owner, "contract-paid");

    // The signed contract as a PDF.
    const [download] = await Promise.all([
      owner.waitForEvent("download"),
      owner.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2000);

    // Payments: owed to the writer, spent this month, and the movements.
    await owner.goto("/payments");
    await arrive(owner, "/payments", "Payments");
    await expect.poll(() => figure(owner, "Spent this month").textContent()).toBe(FIRST_AMOUNT);
    await expect.poll(() => figure(owner, "Escrow held").textContent()).toBe("$0.00");
    const owed = section(owner, "Owed to people").getByRole("row").filter({ hasText: WRITER.name });
    await expect
      .poll(async () => (await owed.getByRole("cell").allTextContents()).slice(0, 3))
      .toEqual([WRITER.name, FIRST_AMOUNT, "$0.00"]);
    await owed.getByRole("button", { name: `Record payout to ${WRITER.name}` }).waitFor();
    const movements = section(owner, "Transactions");
    const released = movements.getByRole("row").filter({ hasText: "Released for accepted work" });
    await released.getByText("Escrow → Owed", { exact: true }).waitFor();
    await released.getByRole("cell", { name: FIRST_AMOUNT, exact: true }).waitFor();
    const funded = movements.getByRole("row").filter({ hasText: "Escrow funded" });
    await funded.getByRole("cell", { name: FIRST_AMOUNT, exact: true }).waitFor();
    await checkPage(owner, "payments");

    // The budget's actual spend is what was released.
    await owner.goto("/metrics?tab=budget");
    await arrive(owner, "/metrics", "Know your metrics");
    await expect.poll(() => owner.getByTestId("actual-spend").textContent()).toBe("$333.34");
    await checkPage(owner, "budget");

    expectNoScriptErrors(owner);
    expectNoScriptErrors(writer);
  });
});
