import { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { createReadyUser, totpCode } from './support/accounts';
import { useOwnApp } from './support/own-app';
import { apiAs, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

// While physicians must use two-factor sign-in, every physician without it can only enrol: on the
// shared app that would stop the other journeys' physicians mid-test.
useOwnApp('e2e-2fa-policy');

describe('a clinic that requires two-factor sign-in for physicians', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sends a physician without it to enrolment, and lets them in once enrolled', async () => {
    const user = await createReadyUser(['physician'], 'Dr Pia Policy');
    const { page: adminPage } = await openPage(browser);
    await signIn(adminPage, 'admin@demo.clinic');
    await adminPage.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    await adminPage.getByTestId('idle-limit').waitFor();
    await adminPage.getByText('SESSION_IDLE_MINUTES').waitFor();
    try {
      await adminPage.getByRole('checkbox', { name: 'Physician' }).check();
      await adminPage.getByRole('button', { name: 'Save policy' }).click();
      await adminPage.getByText('No unsaved changes.').waitFor();
      await saveScreenshot(adminPage, 'admin-security-policy');

      const { page, errors } = await openPage(browser);
      await signIn(page, user.email, user.password);
      await page.waitForURL(/\/account$/);
      await page.getByText('Set up two-factor sign-in to continue', { exact: true }).waitFor();
      await page.goto(`${baseUrl()}/my-cases`);
      await page.waitForURL(/\/account$/);
      await saveScreenshot(page, 'physician-enrolment-required');

      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      await field(page, /^6-digit code/).fill(totpCode(secret));
      await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.getByRole('button', { name: 'I saved them' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'My cases' }).click();
      await page.waitForURL(/\/my-cases$/);
      await page.getByRole('heading', { name: 'Waiting for my documentation' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await (
        await apiAs('admin@demo.clinic')
      )('PUT', '/api/auth/policy', { totpRequiredRoles: [] });
    }
  });
});
