import type { Page } from 'playwright-core';

/** Polls a condition read through Playwright's locators, for at most 20 s. */
export async function until(condition: () => Promise<boolean>): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('condition not met within 20 s');
}

/** The names in a list's rows, in order, as one string to compare. */
export const rowNames = async (page: Page) =>
  (await page.getByTestId('case-row').getByRole('link').allTextContents()).join('|');

/** Until no list on the page is waiting for its new rows. */
export const listSettled = (page: Page) => until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
