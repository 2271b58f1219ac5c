import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { launchChromium, newPerson, saveScreenshot } from "./browser.ts";
import { startRunningApp, type RunningApp, type RunningAppOptions } from "./server.ts";

/**
 * One Chromium for a test file, a fresh app per test, and a browser profile per person.
 * Everything a test starts is closed when it finishes.
 */
export function browserSuite() {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async startApp(options: RunningAppOptions = {}): Promise<RunningApp> {
      const running = await startRunningApp(options);
      onTestFinished(() => running.close());
      return running;
    },

    /** A person in their own browser profile; a picture of their page is kept if the test fails. */
    async person(running: RunningApp, who: string): Promise<Page> {
      const page = await newPerson(browser, running.baseUrl);
      onTestFinished(() => page.context().close());
      // onTestFinished hooks run last-registered first: the picture is taken before the close.
      onTestFinished(async ({ task }) => {
        if (task.result?.state === "fail") await saveScreenshot(page, `failed-${who}`);
      });
      return page;
    },
  };
}
