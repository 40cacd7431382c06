import { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { chooseOption, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(120_000);

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json(), path) as Promise<T>;
}

describe('the front desk', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser));
    await signIn(page, 'frontdesk@demo.clinic');
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lands on the worklist, most urgent first, with clocks and next actions', async () => {
    await page.waitForURL(/\/worklist$/);
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    const overdue = page.getByTestId('bucket-overdue');
    await overdue.waitFor();
    await expectText(overdue.getByTestId('clock-text').first(), /overdue/);
    // The clock's due date and time, on hover, on screen beside it.
    await overdue.getByTestId('clock-text').first().hover();
    await expectText(page.getByRole('tooltip'), /: due [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
    await page.getByRole('heading', { name: 'Worklist' }).hover();
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await page.getByTestId('bucket-not_submitted').waitFor();
    await saveScreenshot(page, 'frontdesk-worklist');
  });

  it('creates a case for an existing patient with codes from the catalog', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'New case' }).click();
    await page.waitForURL(/\/cases\/new$/);
    // Front desk cannot record clinical findings: the form says so instead of offering them.
    await page.getByTestId('clinical-hidden').waitFor();

    // Nakamura: the conflict test edits a documented Nakamura case, and the demo one (documented
    // two days ago, ready) is submitted further down; this one stays documented for it.
    await field(page, /^Patient/).fill('Nakamura');
    await page
      .getByRole('option', { name: /Nakamura/ })
      .first()
      .click();
    await chooseOption(page, /^Payer/);
    await chooseOption(page, /^Physician/);
    await field(page, /^CPT code/).fill('10040');
    await page.getByRole('option', { name: /10040/ }).first().click();
    await field(page, /^Lesions/).fill('8');
    await field(page, /^Body site/).fill('Forehead and temples');
    // The clinic's word finds the code; Enter takes the highlighted match once it is listed.
    await field(page, /^Diagnosis codes/).fill('milia');
    await page
      .getByRole('option', { name: /L72\.0/ })
      .first()
      .waitFor();
    await field(page, /^Diagnosis codes/).press('Enter');
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'frontdesk-new-case');
    await page.getByRole('button', { name: 'Create case' }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await scrollThroughCase(page);
    await expectText(page.getByTestId('case-status'), 'Documented');
    await expectText(page.getByTestId('case-title'), /Nakamura/);
    await page.getByTestId('readiness-checklist').waitFor();
    await saveScreenshot(page, 'frontdesk-created-case');
  });

  it('fixes what the readiness checklist misses on a documented demo case', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'All cases' }).click();
    await field(page, /^Search/).fill('Ferreira');
    const row = page.getByTestId('case-row').filter({ hasText: 'Ferreira' }).filter({ hasText: 'Documented' }).first();
    await row.getByRole('link').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const missingDiagnosis = page.getByTestId('readiness-diagnosis_present');
    await missingDiagnosis.getByText('Add at least one ICD-10-CM diagnosis.').waitFor();

    await missingDiagnosis.getByRole('button', { name: /Fix it/ }).click();
    await field(page, /^Diagnosis codes/).fill('zzqq nothing');
    await page.getByText('No matching code').waitFor();
    await field(page, /^Diagnosis codes/).fill('L72.0');
    await page
      .getByRole('option', { name: /L72\.0/ })
      .first()
      .waitFor();
    await field(page, /^Diagnosis codes/).press('Enter');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('[data-testid="readiness-diagnosis_present"][data-passed="true"]').waitFor();
    await saveScreenshot(page, 'frontdesk-checklist');
  });

  it('submits the ready demo case and records the payer’s denial with a CARC code', async () => {
    // The demo case documented two days ago has everything the checklist asks for, photos and a
    // physician note included: it really goes to the payer here.
    const { items } = await apiGet<{ items: { id: string; createdAt: string }[] }>(
      page,
      '/api/cases?status=documented&limit=100',
    );
    const dayMs = 24 * 60 * 60 * 1000;
    const twoDaysOld = items.filter(
      (item) => Math.abs(Date.now() - Date.parse(item.createdAt) - 2 * dayMs) < dayMs / 2,
    );
    const details = await Promise.all(
      twoDaysOld.map((item) => apiGet<{ id: string; readiness: { ready: boolean } }>(page, `/api/cases/${item.id}`)),
    );
    const ready = details.find((detail) => detail.readiness.ready);
    expect(ready).toBeDefined();
    await page.goto(`${baseUrl()}/cases/${ready!.id}`);
    await scrollThroughCase(page);
    await expectText(page.getByTestId('case-status'), 'Documented');
    const checklist = page.getByTestId('readiness-checklist');
    await checklist.getByText('Ready to submit').waitFor();
    await page.locator('[data-testid="readiness-photos"][data-passed="true"]').waitFor();
    await page.locator('[data-testid="readiness-physician_note"][data-passed="true"]').waitFor();
    await page.getByTestId('photos-section').getByTestId('photo-thumb').first().waitFor();
    await saveScreenshot(page, 'frontdesk-ready-case');

    const submit = page.getByTestId('action-submit');
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit to payer' }).click();
    await expectText(page.getByTestId('case-status'), 'Submitted');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // The checklist belongs to documentation; once submitted the payer's clock runs instead.
    await page.getByTestId('readiness-checklist').waitFor({ state: 'detached' });
    const after = await apiGet<{ status: string; submittedAt: string | null }>(page, `/api/cases/${ready!.id}`);
    expect(after.status).toBe('submitted');
    expect(after.submittedAt).not.toBeNull();
    await saveScreenshot(page, 'frontdesk-submitted-case');

    await page.getByTestId('action-deny').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Record denial' }).click();
    await dialog.getByText('A denial needs a CARC reason code such as CO-50.').waitFor();
    await field(page, /^Denial reason/).fill('CO-5');
    await page.getByRole('option', { name: /CO-50/ }).click();
    await field(page, /^Denial wording/).fill('Removal of benign lesions is considered cosmetic.');
    await saveScreenshot(page, 'frontdesk-denial-form');
    await dialog.getByRole('button', { name: 'Record denial' }).click();

    await expectText(page.getByTestId('case-status'), 'Denied');
    await page.getByTestId('case-timeline').getByText('Denial code: CO-50').waitFor();
    await page.getByTestId('action-appeal').waitFor();
    await saveScreenshot(page, 'frontdesk-denied-case');
    expect(errors).toEqual([]);
  });

  it('logs the payer call about the denial and reads the letters without drafting one', async () => {
    const notes = page.getByTestId('notes-section');
    // Clinical notes and letter drafts are not the front desk's to write.
    const kinds = await notes.getByLabel('Kind of note').locator('option').allTextContents();
    expect(kinds).toEqual(['Payer call', 'Other']);
    await notes.getByLabel('Kind of note').selectOption({ label: 'Payer call' });
    await notes
      .getByLabel('Note', { exact: true })
      .fill('Called the payer: appeal by fax within 180 days, reference D-4471.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByTestId('note').filter({ hasText: 'reference D-4471' }).waitFor();

    const letters = page.getByTestId('letters-section');
    expect(await letters.getByRole('button', { name: /^Draft/ }).count()).toBe(0);
    const packet = letters.getByTestId('download-packet');
    const response = await page.request.get(`${baseUrl()}${await packet.getAttribute('href')}`);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    await saveScreenshot(page, 'frontdesk-evidence');
    expect(errors).toEqual([]);
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
