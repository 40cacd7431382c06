import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiAs, chooseOption, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

// The journey writes rules only for a payer of its own, so the journeys beside it on the shared
// app meet the same checklists as before.
describe('a manager keeps the payer rules and the new-case form follows them', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('adds a rule, saves a new version, sees an import refused row by row, and the new-case form says no case is needed', async () => {
    const suffix = Date.now().toString(36).toUpperCase();
    const name = `Rules Journey Health ${suffix}`;
    const api = await apiAs('manager@demo.clinic');
    await api('POST', '/api/payers', { name, payerCode: `RJ${suffix}`, planType: 'commercial_erisa' });

    const { page, errors } = await openPage(browser);
    try {
      await signIn(page, 'manager@demo.clinic');
      await page.getByRole('navigation').getByRole('link', { name: 'Payer rules' }).click();
      await page.waitForURL(/\/settings\/payer-rules$/);
      // The demo payers come with rules citing the public policies.
      await page.getByTestId('payer-rule-row').filter({ hasText: 'Aetna CPB 0633' }).first().waitFor();

      await page.getByRole('button', { name: 'Add a rule' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a payer rule' });
      await chooseOption(page, /^Payer/, name);
      await field(dialog, /^CPT code/).fill('10040');
      await dialog.getByText('Required', { exact: true }).click();
      await field(dialog, /^Policy name/).fill('Journey Health Policy 12');
      await field(dialog, /^Last checked/).fill('2026-11-30');
      await dialog.getByRole('button', { name: 'Add the rule' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('payer-rule-row').filter({ hasText: name });
      await row.getByText('Required').waitFor();
      expect((await row.locator('td').nth(6).textContent())?.trim()).toBe('1');

      // An edit is saved as version 2; version 1 stays listed beside it.
      await row.getByRole('button', { name: `Edit the rule of ${name} for 10040` }).click();
      const edit = page.getByRole('dialog', { name: `Rule of ${name} for 10040, version 1` });
      await edit.getByText('Not required', { exact: true }).click();
      await edit.getByRole('button', { name: 'Save as a new version' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByText('Not required').waitFor();
      expect((await row.locator('td').nth(6).textContent())?.trim()).toBe('2');
      await row.getByRole('button', { name: `Edit the rule of ${name} for 10040` }).click();
      const versions = page.getByTestId('rule-versions');
      await versions.getByText(/^Version 1,/).waitFor();
      expect(await versions.getByRole('listitem').count()).toBe(2);
      await saveScreenshot(page, 'manager-payer-rule-versions');
      await page.keyboard.press('Escape');

      // A file with a bad row writes nothing and names the row and column.
      await page.locator('input[type="file"]').setInputFiles({
        name: 'rules.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`payer_code,cpt_code,prior_auth\r\nRJ${suffix},10040,sometimes\r\n`),
      });
      await page
        .getByTestId('import-problems')
        .getByText(/^row 2, column prior_auth: must be one of/)
        .waitFor();
      await saveScreenshot(page, 'manager-payer-rules-import-refused');
      expect((await row.locator('td').nth(6).textContent())?.trim()).toBe('2');

      await page.getByRole('navigation').getByRole('link', { name: 'New case' }).click();
      await page.waitForURL(/\/cases\/new$/);
      await chooseOption(page, /^Payer/, name);
      await field(page, /^CPT code/).fill('10040');
      const notice = page.getByTestId('prior-auth-10040');
      await notice
        .getByText(
          `Prior authorization not required by ${name} for 10040 (policy Journey Health Policy 12, checked 2026-11-30): no case needed.`,
        )
        .waitFor();
      await notice.getByRole('button', { name: 'Copy a note for the chart' }).waitFor();
      await saveScreenshot(page, 'new-case-prior-auth-not-required');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
