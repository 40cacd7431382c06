import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { field, openPage, signIn } from './support/session';

jest.setTimeout(90_000);

describe('a physician', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lands on the cases waiting for their documentation and records findings', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'physician@demo.clinic');
    await page.waitForURL(/\/my-cases$/);
    await page.getByRole('heading', { name: 'Waiting for my documentation' }).waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await saveScreenshot(page, 'physician-my-cases');

    await page.getByTestId('case-row').filter({ hasText: 'Documented' }).first().getByRole('link').click();
    await page.getByTestId('readiness-checklist').waitFor();
    const findings = page.getByRole('group', { name: 'Medical necessity findings' });
    await findings.getByRole('checkbox', { name: 'Pain' }).check();
    await field(page, /^Symptoms/).fill('Tender papules that catch on clothing; bleed when scratched.');
    await field(page, /^Duration \(weeks\)/).fill('30');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('[data-testid="readiness-medical_necessity"][data-passed="true"]').waitFor();
    await page.getByTestId('case-timeline').getByText('Case details changed').first().waitFor();
    await saveScreenshot(page, 'physician-findings');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
