import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(60_000);

describe('a manager', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('signs in and lands on the reports placeholder, which links to the case list', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    await page.getByTestId('reports-placeholder').getByText('Reports are coming').waitFor();
    await saveScreenshot(page, 'manager-reports');
    await page.getByRole('main').getByRole('link', { name: 'case list' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByTestId('case-row').first().waitFor();
    await saveScreenshot(page, 'manager-case-list');
    // The demo clinic has more cases than one page (25): scrolling to the end loads the rest.
    expect(await page.getByTestId('case-row').count()).toBe(25);
    await page.mouse.wheel(0, 20_000);
    await page.getByText(/cases, all shown\./).waitFor();
    expect(await page.getByTestId('case-row').count()).toBeGreaterThan(25);

    // Signing out ends the session: the next page asks for sign-in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is sent back to sign-in when the session ends behind the page’s back (any 401)', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    // End the session on the server, as an idle timeout or a sign-out in another tab would.
    const status = await page.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((part) => part.startsWith('csrf_token='))?.slice('csrf_token='.length) ?? '';
      return (await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } })).status;
    });
    expect(status).toBe(204);
    await page.getByRole('navigation').getByRole('link', { name: 'Board' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fboard/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });
});
