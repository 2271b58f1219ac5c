import type { Locator, Page } from "playwright-core";

/**
 * Picks a value in the field with this label, whether it is a native <select>, a combobox
 * (a list that opens, possibly searchable) or a plain text input.
 */
export async function choose(page: Page, label: string, value: string): Promise<void> {
  const combobox = page.getByRole("combobox", { name: label, exact: true });
  if ((await combobox.count()) === 0) {
    await page.getByLabel(label, { exact: true }).fill(value);
    return;
  }
  const tag = await combobox.evaluate((element) => element.tagName.toLowerCase());
  if (tag === "select") {
    await combobox.selectOption(value);
    return;
  }
  await combobox.click();
  if (await combobox.isEditable()) await combobox.fill(value);
  await page.getByRole("option", { name: value, exact: true }).first().click();
  await combobox.blur();
}

/** A milestone's card on the contract page, by its title. */
export function milestone(page: Page, title: string): Locator {
  return page.getByRole("article", { name: title, exact: true });
}

/** Opens a dialog from a button, does its form, and waits for it to close with its notice. */
export async function inDialog(
  page: Page,
  open: Locator,
  title: string,
  fill: (dialog: Locator) => Promise<void>,
  submit: string,
  notice: string,
): Promise<void> {
  await open.click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole("button", { name: submit, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByText(notice, { exact: true }).waitFor();
}
