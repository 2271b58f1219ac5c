import type { Page } from "playwright-core";

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
