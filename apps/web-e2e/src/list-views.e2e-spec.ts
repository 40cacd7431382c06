import { Browser, Page } from 'playwright-core';
import { createReadyUser } from './support/accounts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { chooseOption, openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

/** Polls a condition read through Playwright's locators, for at most 20 s. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('condition not met within 20 s');
}

const settled = (page: Page) => until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
const rowNames = async (page: Page) =>
  (await page.getByTestId('case-row').getByRole('link').allTextContents()).join('|');

describe('list views', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('a saved view reappears after sign-in', async () => {
    // A user of the test's own: their views are theirs alone, whatever other journeys save.
    const user = await createReadyUser(['front_desk'], 'Views Tester');
    const { page, errors } = await openPage(browser);
    await signIn(page, user.email, user.password);
    await page.goto(page.url().replace(/\/[^/]*$/, '/cases'));
    await page.getByTestId('case-row').first().waitFor();

    await chooseOption(page, 'State', 'Submitted');
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=submitted/);
    await page.getByTestId('sort-by-clock').click();
    await page.waitForURL(/sort=due_asc/);
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await settled(page);
    const filtered = await rowNames(page);

    await page.getByTestId('save-view').click();
    await page.getByLabel('View name').fill('Submitted, by deadline');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Submitted, by deadline' }).waitFor();
    await saveScreenshot(page, 'saved-view-pinned');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, user.email, user.password);
    await page.waitForURL(/\/worklist/);
    await nav.getByRole('link', { name: 'Submitted, by deadline' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    const params = new URL(page.url()).searchParams;
    expect(params.get('status')).toBe('submitted');
    expect(params.get('sort')).toBe('due_asc');
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await settled(page);
    expect(await rowNames(page)).toBe(filtered);
    const badges = await page.getByTestId('case-row').getByTestId('case-status-badge').allTextContents();
    expect(badges.every((badge) => badge === 'Submitted')).toBe(true);

    // Renamed and deleted from the views page; the navigation follows.
    await nav.getByRole('link', { name: 'Manage views' }).click();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Waiting on payers');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await nav.getByRole('link', { name: 'Waiting on payers' }).waitFor();
    await page.getByRole('button', { name: 'Delete Waiting on payers' }).click();
    await page.getByText('No saved views yet.').waitFor();
    expect(await nav.getByTestId('pinned-view').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
