import type { Page } from "playwright-core";
import { expect } from "vitest";

export interface Owner {
  workspace: string;
  name: string;
  email: string;
  password: string;
  currency: string;
  timeZone: string;
}

/**
 * The first-run setup, done through the API from the person's own browser profile: the
 * session cookie it sets is theirs, so the next page they open is signed in. (The setup page
 * itself is covered by the onboarding test.)
 */
export async function setUpWorkspace(page: Page, owner: Owner): Promise<void> {
  const response = await page.request.post("/api/setup", {
    data: {
      workspaceName: owner.workspace,
      ownerName: owner.name,
      email: owner.email,
      password: owner.password,
      currency: owner.currency,
      timeZone: owner.timeZone,
    },
  });
  expect(response.status()).toBe(201);
}

/** Waits until the page at `path` shows its title: the sign that it has really rendered. */
export async function arrive(page: Page, path: string, title: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}
