import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { monthOf } from "../src/time/calendar.ts";
import { checkPage, expectNoScriptErrors } from "./support/browser.ts";
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

const { startApp, person } = browserSuite();

/** The text of an element marked with data-testid, once it says what is expected. */
async function expectTestId(page: Page, testId: string, text: string): Promise<void> {
  await expect.poll(() => page.getByTestId(testId).first().textContent()).toBe(text);
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect
    .poll(() => page.getByRole("tab", { name, exact: true }).getAttribute("aria-selected"))
    .toBe("true");
}

/** The month before this one, where the workspace is. */
function lastMonth(): string {
  const [year = 0, month = 1] = monthOf(Date.now(), OWNER.timeZone).split("-").map(Number);
  const offset = year * 12 + month - 2;
  return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
}

function monthName(month: string): string {
  const [year = 0, index = 1] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, index - 1, 1));
}

/** Chooses one of the five radio buttons in the group with this name, by its label. */
async function pickRating(scope: Locator, group: string, value: string): Promise<void> {
  const radio = scope.getByRole("radiogroup", { name: group }).getByRole("radio", {
    name: value,
    exact: true,
  });
  const id = await radio.getAttribute("id");
  await scope.locator(`label[for="${id}"]`).click();
  await expect(radio.isChecked()).resolves.toBe(true);
}

async function saveEarnings(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Work out my hourly value" }).click();
}

describe("know your worth, metrics, budget and ROI", () => {
  test("the owner enters the seed numbers and reads the seeds' answers, in figures and pictures", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");
    await setUpWorkspace(owner, OWNER);

    // The dashboard before anything is entered: each card says what to do.
    await owner.goto("/");
    await arrive(owner, "/", /Dana/);
    await owner.getByText("Not worked out yet.", { exact: false }).waitFor();
    await owner.getByText("No tasks audited yet.", { exact: false }).waitFor();
    await owner.getByText("No budget set yet.", { exact: false }).waitFor();
    await checkPage(owner, "dashboard-empty");

    // Hourly value, per year in hours: $50,000 over 2,080 h = $24.04 an hour.
    await owner.getByRole("link", { name: "Know your worth" }).first().click();
    await arrive(owner, "/worth", "Know your worth");
    await checkPage(owner, "worth-empty");
    await owner.getByLabel("Profit per year", { exact: true }).fill("50,000");
    await expect(owner.getByLabel("Hours worked per year").inputValue()).resolves.toBe("2,080 h");
    await saveEarnings(owner);
    await expectTestId(owner, "today-per-hour", "$24.04");
    await owner.getByText("$50,000 ÷ 2,080 h = $24.04 per hour").waitFor();
    await checkPage(owner, "worth-hourly-value");

    // A fraction of a cent is refused on the field, before anything is sent.
    await owner.getByLabel("Profit per year", { exact: true }).fill("50000.001");
    await saveEarnings(owner);
    await owner.getByText("At most 2 decimals", { exact: false }).waitFor();

    // Working days × hours per day: $150,000 over 250 days = $600 a day; over 8 h days, $75 an hour.
    await owner.getByText("Working days × hours per day", { exact: true }).click();
    await owner.getByLabel("Profit per year", { exact: true }).fill("150,000");
    await owner.getByLabel("Working days per year", { exact: true }).fill("250");
    await owner.getByLabel("Hours per day", { exact: true }).fill("8");
    await saveEarnings(owner);
    await expectTestId(owner, "today-per-day", "$600");
    await expectTestId(owner, "today-per-hour", "$75");
    await owner.getByText("$150,000 ÷ 250 days = $600 per day").waitFor();
    await checkPage(owner, "worth-days");

    // Task audit: a $12-an-hour task is delegated, and the reason says what it costs.
    await openTab(owner, "Task audit");
    await checkPage(owner, "worth-tasks-empty");
    await owner.getByRole("button", { name: "Add task" }).click();
    const dialog = owner.getByRole("dialog", { name: "Add a task" });
    await dialog.getByLabel("Task", { exact: true }).fill("Answer emails");
    await dialog.getByLabel("Area", { exact: true }).selectOption({ label: "support" });
    await dialog.getByLabel("Hours a week", { exact: true }).fill("6");
    // Skill and enjoyment are named groups of five choices.
    await pickRating(dialog, "How good you are at it", "2");
    await pickRating(dialog, "How much you enjoy it", "1");
    await dialog.getByLabel("Market rate per hour (optional)", { exact: true }).fill("12");
    await checkPage(owner, "worth-task-form");
    await dialog.getByRole("button", { name: "Add task" }).click();
    await dialog.waitFor({ state: "hidden" });

    const row = owner.getByTestId("task-row").filter({ hasText: "Answer emails" });
    await row
      .getByText(
        "Costs $12/h to have done; your hour is worth $75. Doing it yourself costs you $378 a week.",
      )
      .waitFor();
    await expect(row.getByText("Delegate", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.getByText("2 of 5", { exact: true }).isVisible()).resolves.toBe(true);
    await expectTestId(owner, "freeable-hours", "6 h");
    await expectTestId(owner, "weekly-cost", "$378");
    await checkPage(owner, "worth-tasks");

    // The pictures: the scatter of tasks is drawn, with a summary a screen reader can read.
    await openTab(owner, "Pictures");
    const scatter = owner.getByRole("figure", { name: "Weekly hours against market rate" });
    await scatter.locator("svg.recharts-surface").first().waitFor();
    await expect(scatter.getAttribute("aria-describedby")).resolves.toBeTruthy();
    await owner
      .getByRole("figure", { name: "What doing it yourself costs each week" })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    await checkPage(owner, "worth-pictures");

    // Metrics: a site and a month, and the figures worked out from them.
    const month = lastMonth();
    await owner.getByRole("link", { name: "Metrics" }).first().click();
    await arrive(owner, "/metrics", "Know your metrics");
    await checkPage(owner, "metrics-empty");
    await openTab(owner, "Sites and months");
    await owner.getByRole("button", { name: "Add site" }).click();
    const siteDialog = owner.getByRole("dialog", { name: "Add a site" });
    await siteDialog.getByLabel("Site name", { exact: true }).fill("Candle shop");
    await siteDialog.getByRole("button", { name: "Add site" }).click();
    await siteDialog.waitFor({ state: "hidden" });

    await owner.getByRole("button", { name: "Add a month" }).click();
    const monthDialog = owner.getByRole("dialog", { name: "Add a month for Candle shop" });
    await monthDialog.getByLabel("Month", { exact: true }).fill(month);
    await monthDialog.getByLabel("Visitors", { exact: true }).fill("1000");
    await monthDialog.getByLabel("Prospects (opt-ins)", { exact: true }).fill("50");
    await monthDialog.getByLabel("Customers", { exact: true }).fill("10");
    await monthDialog.getByLabel("Revenue", { exact: true }).fill("2,000");
    await monthDialog.getByLabel("Traffic cost", { exact: true }).fill("1200");
    await monthDialog.getByLabel("Other costs", { exact: true }).fill("300.00");
    await monthDialog.getByRole("button", { name: "Save month" }).click();
    await monthDialog.waitFor({ state: "hidden" });

    const monthRow = owner
      .getByTestId("periods-table")
      .getByRole("row")
      .filter({ hasText: monthName(month) });
    await monthRow.waitFor();
    for (const figure of ["5\u00a0%", "1\u00a0%", "20\u00a0%", "$500.00", "25\u00a0%"]) {
      await expect(monthRow.getByText(figure, { exact: true }).count()).resolves.toBeGreaterThan(0);
    }
    await checkPage(owner, "metrics-sites");

    await openTab(owner, "Summary");
    await expectTestId(owner, "figure-visitor-prospect", "5\u00a0%");
    await expectTestId(owner, "figure-prospect-customer", "20\u00a0%");
    await expectTestId(owner, "figure-value-per-visitor", "$2");
    await expectTestId(owner, "figure-cost-per-visitor", "$1.50");
    await expectTestId(owner, "figure-profit", "$500");
    await expectTestId(owner, "figure-margin", "25\u00a0%");
    await owner
      .getByRole("figure", { name: "From visitor to customer" })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    await owner
      .getByRole("figure", { name: "Revenue and profit by month" })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    expect(await owner.locator("main").textContent()).not.toMatch(/NaN|Infinity/);
    await checkPage(owner, "metrics-summary");

    // The month goes again (after asking), so the ROI below reads the profit from the earnings.
    await openTab(owner, "Sites and months");
    await owner.getByRole("button", { name: `Remove ${monthName(month)}` }).click();
    await owner.getByRole("dialog").getByRole("button", { name: "Remove month" }).click();
    await owner.getByText("No months yet for Candle shop.").waitFor();

    // Seed 001's ROI: $6,000 a year is $500 a month; spend $250 to earn $500 more → $750.
    await owner.getByRole("link", { name: "Know your worth" }).first().click();
    await arrive(owner, "/worth", "Know your worth");
    await owner.getByText("Per year in hours", { exact: true }).click();
    await owner.getByLabel("Profit per year", { exact: true }).fill("6,000");
    await saveEarnings(owner);
    await expectTestId(owner, "today-per-hour", "$2.88");

    await owner.getByRole("link", { name: "Metrics" }).first().click();
    await arrive(owner, "/metrics", "Know your metrics");
    await openTab(owner, "Budget and ROI");
    await owner.getByLabel("Monthly outsourcing budget", { exact: true }).fill("250");
    await owner
      .getByLabel("Extra profit I expect per month (optional)", { exact: true })
      .fill("500");
    await owner.getByRole("button", { name: "Save budget" }).click();
    await expectTestId(
      owner,
      "roi-sentence",
      "Current monthly profit $500 − outsourcing $250 + extra profit $500 = $750 a month",
    );
    await owner.getByText("a twelfth of the yearly profit you entered", { exact: false }).waitFor();
    await expectTestId(owner, "actual-spend", "—");
    await owner.getByText("Appears once payments are recorded.").waitFor();
    await owner
      .getByRole("figure", { name: "Spend against budget" })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    await checkPage(owner, "metrics-budget");

    // Back home, the cards show what was entered.
    await owner.getByRole("link", { name: "Dashboard" }).first().click();
    await arrive(owner, "/", /Dana/);
    await expectTestId(owner, "dashboard-hourly-value", "$2.88");
    await expectTestId(owner, "dashboard-budget-left", "$250");
    await expectTestId(owner, "dashboard-freeable-hours", "0 h");
    await checkPage(owner, "dashboard-filled");

    expectNoScriptErrors(owner);
  });

  test("a CSV of months is checked line by line; valid lines can be imported and the rest skipped", async () => {
    const running = await startApp();
    const owner = await person(running, "owner");
    await setUpWorkspace(owner, OWNER);
    await owner.goto("/metrics?tab=sites");
    await arrive(owner, "/metrics", "Know your metrics");

    const csv = [
      "site,month,visitors,prospects,customers,revenue,traffic_cost,other_costs",
      "Candle shop,2026-01,1000,50,10,2000.00,1200.00,300.00",
      "Candle shop,2026-02,lots,50,10,2000.00,1200.00,300.00",
    ].join("\n");
    const file = { name: "months.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };

    // All or nothing: the bad line is named with its column, and nothing is written.
    await owner.locator('input[type="file"]').setInputFiles(file);
    await owner.getByTestId("csv-problems").getByText("line 3: visitors").waitFor();
    await checkPage(owner, "metrics-import-refused");
    await expect(owner.getByText("No sites yet.", { exact: false }).isVisible()).resolves.toBe(
      true,
    );

    // Import the valid lines and skip the rest.
    await owner.getByLabel("Import the valid lines and skip the rest").check();
    await owner.locator('input[type="file"]').setInputFiles(file);
    await owner
      .getByTestId("import-result")
      .getByText("1 month imported, 1 line skipped")
      .waitFor();
    await owner.getByRole("cell", { name: "Candle shop", exact: true }).waitFor();
    await checkPage(owner, "metrics-import-valid");

    expectNoScriptErrors(owner);
  });
});
