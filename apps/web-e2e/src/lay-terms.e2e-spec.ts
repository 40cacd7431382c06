import { randomBytes } from 'node:crypto';
import { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { apiAs, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

describe('Settings › Diagnosis search terms', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('a manager adds, edits and deletes a lay term, and the diagnosis search follows', async () => {
    // The app is shared with other journeys: a term of this run's own.
    const term = `bumpy whiteheads ${randomBytes(2).toString('hex')}`;
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.getByRole('link', { name: 'Diagnosis search terms' }).click();
    const list = page.getByTestId('lay-terms-page');
    await list
      .getByTestId('lay-term-row')
      .filter({ hasText: /^milia/ })
      .first()
      .waitFor();
    // The pointer leaves the navigation link it clicked: a hovered link is not what the scan judges.
    await page.getByRole('heading', { name: 'Diagnosis search terms' }).hover();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a term' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, /^Term/).fill(term);
    await field(dialog, /^ICD-10-CM code/).fill('L72.1');
    await dialog.getByRole('button', { name: 'Save term' }).click();
    // A category is refused by the server, beside the field.
    await dialog.getByText(/L72\.1 is not a billable code of the newest ICD-10-CM release/).waitFor();
    await field(dialog, /^ICD-10-CM code/).fill('l720');
    await field(dialog, /^Note for the coder/).fill('Milia, as patients describe them.');
    await dialog.getByRole('button', { name: 'Save term' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = list.getByTestId('lay-term-row').filter({ hasText: term });
    await row.getByText('L72.0').waitFor();

    const manager = await apiAs('manager@demo.clinic');
    const search = async () =>
      (await manager('GET', `/api/codes/icd10?q=${encodeURIComponent(term)}`)).items as { code: string }[];
    expect((await search())[0]?.code).toBe('L72.0');

    // The same term twice is refused, above the form.
    await page.getByRole('button', { name: 'Add a term' }).click();
    await field(dialog, /^Term/).fill(term.toUpperCase());
    await field(dialog, /^ICD-10-CM code/).fill('L72.0');
    await dialog.getByRole('button', { name: 'Save term' }).click();
    await dialog.getByText(`The lay term "${term.toUpperCase()}" already exists.`).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await list.getByLabel('Filter').fill(term);
    await row.getByRole('button', { name: `Edit ${term}` }).click();
    await field(dialog, /^Note for the coder/).fill('Confirm the index entry with the coder.');
    await dialog.getByRole('button', { name: 'Save term' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Confirm the index entry with the coder.').waitFor();
    await saveScreenshot(page, 'lay-terms');

    await row.getByRole('button', { name: `Delete ${term}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await list.getByText('No term matches the filter.').waitFor();
    const after = (await manager('GET', '/api/codes/icd10/terms')) as unknown as { term: string }[];
    expect(after.some((t) => t.term === term)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the front desk has no such screen', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.getByRole('link', { name: 'Worklist' }).waitFor();
    expect(await page.getByRole('link', { name: 'Diagnosis search terms' }).count()).toBe(0);
    await page.goto(`${baseUrl()}/settings/diagnosis-terms`);
    await page.getByTestId('lay-terms-forbidden').waitFor();
    await page.context().close();
  });
});
