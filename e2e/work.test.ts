import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { Contract, ContractDocument } from "../src/contracts/schema.ts";
import { sweep } from "../src/notify/sweep-service.ts";
import {
  addDays,
  dateInWords,
  instantAt,
  isoWeekdayOf,
  localDateOf,
} from "../src/time/working-day.ts";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
import { SimulatedClock } from "./support/clock.ts";
import { inDialog, milestone } from "./support/forms.ts";
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

/** In a zone without daylight saving, so the simulated weeks read the same all year. */
const WRITER = {
  name: "Ana Reyes",
  email: "ana@example.com",
  password: "ana's own long password",
  timeZone: "Asia/Manila",
};

const FAQ = "Shipping FAQ";
const RETURNS = "Returns page";
const FEEDBACK =
  "What worked: the steps are clear. What to change: add the 30-day window and the label link. By when: Wednesday.";
const PRAISE = "Clear and friendly. Thank you!";

const { startApp, person } = browserSuite();

/**
 * The first Monday on the writer's calendar after today, so every simulated day falls on the
 * weekday the test means, and the app's clock never goes back past the real one (the session
 * cookies it sets must not be born expired).
 */
function firstMonday(): string {
  let date = addDays(localDateOf(Date.now(), WRITER.timeZone), 1);
  while (isoWeekdayOf(date) !== 1) date = addDays(date, 1);
  return date;
}

const MONDAY = firstMonday();
/** A moment on the writer's clock, `day` days after the first Monday. */
const on = (day: number, clock: string) => instantAt(addDays(MONDAY, day), clock, WRITER.timeZone);
/** "Fri 18 Dec": that day as the app writes it. */
const inWords = (day: number) => dateInWords(addDays(MONDAY, day));

async function api<T>(
  page: Page,
  method: "get" | "post" | "put",
  url: string,
  data?: unknown,
  status = 200,
): Promise<T> {
  const response = await page.request[method](url, {
    data,
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** Remembered sign-in: a session that lasts across the simulated days. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await api(page, "post", "/api/auth/sign-in", { email, password, remember: true });
}

/** The writer joins from an invite; their directory record is made on their first portal visit. */
async function addWriter(owner: Page, writer: Page): Promise<string> {
  const invite = await api<{ link: string }>(
    owner,
    "post",
    "/api/invites",
    { email: WRITER.email, role: "contractor" },
    201,
  );
  await api(
    writer,
    "post",
    "/api/invites/accept",
    {
      token: new URL(invite.link).searchParams.get("token"),
      name: WRITER.name,
      password: WRITER.password,
      timeZone: WRITER.timeZone,
    },
    201,
  );
  await signIn(writer, WRITER.email, WRITER.password);
  return (await api<{ id: string }>(writer, "get", "/api/portal/profile")).id;
}

/** Two milestones: the FAQ due on the first Wednesday, the returns page two weeks later. */
async function agreeContract(owner: Page, writer: Page, contractorId: string): Promise<Contract> {
  const draft = await api<Contract>(
    owner,
    "post",
    "/api/contracts",
    {
      contractorId,
      title: "Help pages",
      scope: "Write the shop's help pages in plain, friendly English.",
      deliverables: "A shipping FAQ and a returns page, ready to publish.",
      startDate: MONDAY,
      endDate: addDays(MONDAY, 30),
      payment: {
        kind: "fixed",
        total: 40_000,
        milestones: [
          { title: FAQ, deliverable: "The FAQ", dueDate: addDays(MONDAY, 2), amount: 20_000 },
          {
            title: RETURNS,
            deliverable: "The page",
            dueDate: addDays(MONDAY, 16),
            amount: 20_000,
          },
        ],
      },
    },
    201,
  );
  await api(owner, "post", `/api/contracts/${draft.id}/send`, {
    guardReason: "Ana is our first writer; a second one is on the hiring plan.",
  });
  const document = await api<ContractDocument>(
    writer,
    "get",
    `/api/contracts/${draft.id}/document`,
  );
  return api<Contract>(writer, "post", `/api/contracts/${draft.id}/accept`, {
    typedName: WRITER.name,
    textHash: document.textHash,
  });
}

const report = (done: string) => ({ done, next: "The next page in the plan.", minutes: 180 });

/** A figure in a stat card: the line under the card's label. */
function figure(within: Locator, label: string): Locator {
  return within.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]");
}

/** The writer's own check-in card on the portal home. */
function checkIns(page: Page): Locator {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: "Your check-ins" }) });
}

describe("running the work over simulated days", () => {
  test("daily reports relax to weekly, a missed one emails the owner and tightens them again; work is sent back, then accepted and rated", async () => {
    const clock = new SimulatedClock(on(0, "07:00"));
    const running = await startApp({ now: clock.now });
    const owner = await person(running, "owner");
    const writer = await person(running, "contractor");
    const everyone = [owner, writer];
    const moveTo = (instant: number) => clock.moveTo(instant, everyone);
    await moveTo(clock.now());

    // Set up through the API: the workspace, the writer, quicker relaxing, a signed contract.
    await setUpWorkspace(owner, OWNER);
    await signIn(owner, OWNER.email, OWNER.password);
    const contractorId = await addWriter(owner, writer);
    await api(owner, "put", "/api/work-settings", { relaxAfterDays: 3, relaxAfterAccepted: 1 });
    const contract = await agreeContract(owner, writer, contractorId);
    const [faq, returns] = contract.milestones;
    if (!faq || !returns) throw new Error("The contract has two milestones");

    // Monday: the writer sends the first daily report from the portal.
    await moveTo(on(0, "15:00"));
    await writer.goto("/portal");
    await arrive(writer, "/portal", "Hello, Ana");
    await checkIns(writer).getByText("Daily", { exact: true }).waitFor();
    await inDialog(
      writer,
      writer.getByRole("button", { name: "Report progress" }),
      "Report progress",
      async (dialog) => {
        await dialog.getByLabel("What did you do?").fill("Outlined the shipping FAQ.");
        await dialog.getByLabel("What is next?").fill("Write the answers.");
        await dialog.getByLabel("Hours spent").fill("3");
      },
      "Send report",
      "Report sent. Thank you!",
    );
    await writer.getByText("Outlined the shipping FAQ.").waitFor();
    await checkPage(writer, "portal-daily");

    // Tuesday and Wednesday on time, and the FAQ handed in and accepted: three on-time days
    // and an accepted delivery relax the reports to weekly.
    await moveTo(on(1, "15:00"));
    await api(writer, "post", "/api/reports", report("Wrote the FAQ answers."), 201);
    await api(writer, "post", `/api/milestones/${faq.id}/submit`, {
      note: "The FAQ is in the shared folder.",
      links: [],
    });
    await moveTo(on(1, "16:00"));
    await api(owner, "post", `/api/milestones/${faq.id}/accept`, {
      feedback: "",
      ratings: { quality: 5, timeliness: 5, communication: 4 },
    });
    await moveTo(on(2, "15:00"));
    await api(writer, "post", "/api/reports", report("Proofread the FAQ."), 201);
    await moveTo(on(3, "10:00"));
    await writer.goto("/portal");
    await arrive(writer, "/portal", "Hello, Ana");
    await checkIns(writer).getByText("Weekly", { exact: true }).waitFor();
    await checkIns(writer)
      .getByText(
        new RegExp(
          `^Relaxed to weekly on ${inWords(2)} after 3 on-time days and 1 accepted delivery\\.`,
        ),
      )
      .first()
      .waitFor();
    await checkPage(writer, "portal-weekly");

    // The first weekly report comes on Friday; the next Friday's never does.
    await moveTo(on(4, "15:00"));
    await api(writer, "post", "/api/reports", report("Started the returns page."), 201);
    await moveTo(on(11, "17:05"));
    await sweep(running.app.ctx);

    // The owner is emailed, and the dashboard says so.
    const missed = await running.mailbox.waitFor(OWNER.email, /missed a progress report/);
    expect(missed.subject).toContain(WRITER.name);
    await owner.goto("/");
    await arrive(owner, "/", "What needs you today, Dana");
    const missing = owner.getByRole("link", { name: `${WRITER.name} missed a progress report` });
    await missing.waitFor();
    await owner
      .getByText(new RegExp(`report due ${inWords(11)}, 17:00 their time, did not come in`))
      .waitFor();
    await checkPage(owner, "dashboard-report-missed");

    // Daily again, said in words on the owner's Work page.
    await owner.goto("/work");
    await arrive(owner, "/work", "Work");
    const card = owner
      .getByRole("article")
      .filter({ has: owner.getByRole("heading", { name: WRITER.name }) });
    await card.getByText("Daily", { exact: true }).waitFor();
    await card
      .getByText(`Back to daily: the report due ${inWords(11)} was missed.`)
      .first()
      .waitFor();
    await checkPage(owner, "work-tightened");

    // The returns page: sent back with feedback, handed in again, then accepted and rated.
    await moveTo(on(14, "10:00"));
    await api(writer, "post", "/api/reports", report("Finished the returns page."), 201);
    await api(writer, "post", `/api/milestones/${returns.id}/submit`, {
      note: "The returns page is ready.",
      links: [],
    });
    await moveTo(on(14, "11:00"));
    const contractPath = `/contracts/${contract.id}`;
    await owner.goto(contractPath);
    await arrive(owner, contractPath, "Help pages");
    await inDialog(
      owner,
      milestone(owner, RETURNS).getByRole("button", { name: "Send back", exact: true }),
      "Send work back",
      async (dialog) => {
        await dialog.getByLabel("Feedback", { exact: true }).fill(FEEDBACK);
      },
      "Send back",
      `“${RETURNS}” is sent back with your feedback.`,
    );
    // The writer reads what to change on the contract's page, and hands it in again.
    const portalPath = `/portal/contracts/${contract.id}`;
    await writer.goto(portalPath);
    await arrive(writer, portalPath, "Help pages");
    await milestone(writer, RETURNS).getByText(FEEDBACK, { exact: true }).waitFor();
    await checkPage(writer, "portal-sent-back");
    await moveTo(on(15, "10:00"));
    await api(writer, "post", `/api/milestones/${returns.id}/submit`, {
      note: "Added the 30-day window and the label link.",
      links: [],
    });
    await moveTo(on(15, "11:00"));
    await owner.reload();
    await arrive(owner, contractPath, "Help pages");
    await inDialog(
      owner,
      milestone(owner, RETURNS).getByRole("button", { name: "Accept", exact: true }),
      "Accept work",
      async (dialog) => {
        await dialog.getByLabel("A note for the contractor (optional)").fill(PRAISE);
        for (const [side, stars] of [
          ["Quality", 5],
          ["Timeliness", 4],
          ["Communication", 5],
        ] as const) {
          // The stars are the radios' labels: click the star, as people do.
          const star = dialog.getByRole("radio", { name: `${side}: ${stars} of 5` });
          await dialog.locator(`label[for="${await star.getAttribute("id")}"]`).click();
          await expect.poll(() => star.isChecked()).toBe(true);
        }
        await checkPage(owner, "accept-and-rate");
      },
      "Accept work",
      `“${RETURNS}” is accepted.`,
    );

    // The writer reads both pieces of feedback and the ratings on the portal home.
    await writer.goto("/portal");
    await arrive(writer, "/portal", "Hello, Ana");
    const feedback = writer.locator("section").filter({
      has: writer.getByRole("heading", { name: "Feedback", exact: true }),
    });
    await feedback.getByText(PRAISE).waitFor();
    await feedback.getByText(FEEDBACK).waitFor();
    // Their own averages over both accepted deliveries: 5 and 5, 5 and 4, 4 and 5.
    await expect.poll(() => figure(feedback, "Your average").textContent()).toBe("4.7 of 5");
    await expect.poll(() => figure(feedback, "Quality").textContent()).toBe("5.0 of 5");
    await checkPage(writer, "portal-feedback");

    expectNoScriptErrors(owner);
    expectNoScriptErrors(writer);
  });
});
