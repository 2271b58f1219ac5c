import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (or CHROMIUM_PATH), headless, without anything that phones home. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Uncaught errors in the page's scripts, per page, so a test can assert there were none. */
const pageErrors = new WeakMap<Page, Error[]>();

/** A fresh browser profile (its own cookies), as a different person on a different machine. */
export async function newPerson(browser: Browser, baseUrl: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    locale: "en-US",
    timezoneId: "America/Chicago",
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(error));
  return page;
}

export function expectNoScriptErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length > 0) {
    throw new Error(
      `Uncaught errors in the page's scripts:\n${errors.map((e) => e.stack ?? e.message).join("\n")}`,
    );
  }
}

let screenshotDir: string | undefined;
let screenshotCount = 0;

/** Set E2E_SCREENSHOTS=1 (or to a directory) to keep a picture of every page checked. */
function screenshotsWanted(): string | undefined {
  const wanted = process.env.E2E_SCREENSHOTS;
  if (!wanted || wanted === "0" || wanted === "false") return undefined;
  if (!screenshotDir) {
    screenshotDir = path.isAbsolute(wanted)
      ? wanted
      : fs.mkdtempSync(path.join(os.tmpdir(), "handoff-e2e-screenshots-"));
    fs.mkdirSync(screenshotDir, { recursive: true });
    process.stderr.write(`e2e screenshots: ${screenshotDir}\n`);
  }
  return screenshotDir;
}

/** Keeps a full-page picture when E2E_SCREENSHOTS is set; does nothing otherwise. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = screenshotsWanted();
  if (!dir || page.isClosed()) return;
  screenshotCount += 1;
  const file = `${String(screenshotCount).padStart(2, "0")}-${name.replace(/[^\w-]+/g, "-")}.png`;
  await page.screenshot({ path: path.join(dir, file), fullPage: true });
}

/**
 * Every page a test visits goes through here once it has rendered what the test waited
 * for: no serious or critical accessibility violations, and a screenshot when asked.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  // Judge the page at rest, not whatever the pointer last clicked and still hovers.
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 1, viewport.height - 1);
  // ...nor a dialog or notice caught half faded in, whose colours are not yet its own. Two
  // frames first, so a transition the last action set off has started and is waited for.
  // Endless animations (a spinner) never finish and are left out.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.effect?.getTiming().iterations === Infinity),
  );
  await saveScreenshot(page, name);
  const results = await new AxeBuilder({ page }).analyze();
  const problems = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => `\n    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`)
          .join("")}`,
    );
  if (problems.length > 0) {
    throw new Error(
      `Serious accessibility violations on the ${name} page (${page.url()}):\n${problems.join("\n")}`,
    );
  }
}
