import { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { createOwnCase, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(90_000);

async function openFirstDocumentedCase(page: Page, search: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/cases`);
  await field(page, /^Search/).fill(search);
  // The list answers the search as it is typed; click once the search is in the address and its
  // answer is on screen, not on a row of the list being replaced.
  await page.waitForURL(/[?&]q=/);
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  await page
    .getByTestId('case-row')
    .filter({ hasText: search })
    .filter({ hasText: 'Documented' })
    .first()
    .getByRole('link')
    .click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await scrollThroughCase(page);
  await page.getByTestId('readiness-checklist').waitFor();
}

describe('two people editing the same case', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A case of its own, so journeys running beside this one cannot move it out of Documented.
    await createOwnCase(
      'frontdesk@demo.clinic',
      {
        mrn: `MRN-CONFLICT-${Date.now()}`,
        firstName: 'Corin',
        lastName: 'Conflictson',
        dateOfBirth: '1975-05-05',
        sex: 'female',
      },
      { bodySite: 'Right temple', lesionCount: 6 },
    );
  });

  afterAll(async () => {
    await browser.close();
  });

  it('the second save is told someone changed the case, keeps its input, and saves after a reload', async () => {
    const first = await openPage(browser);
    const second = await openPage(browser);
    await signIn(first.page, 'frontdesk@demo.clinic');
    await signIn(second.page, 'manager@demo.clinic');
    await openFirstDocumentedCase(first.page, 'Conflictson');
    await openFirstDocumentedCase(second.page, 'Conflictson');

    await field(first.page, /^Payer tracking number/).fill('PORTAL-1111');
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await first.page.getByText('Saved.').waitFor();

    await field(second.page, /^Body site/).fill('Left temple, near the hairline');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await second.page.getByTestId('conflict-alert').getByText('Someone changed this case — reload').waitFor();
    expect(await field(second.page, /^Body site/).inputValue()).toBe('Left temple, near the hairline');
    await saveScreenshot(second.page, 'conflict-reload');

    await second.page.getByRole('button', { name: 'Reload the case' }).click();
    // The other person's change arrives; the typed one stays.
    await second.page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name="payerReference"]')?.value === 'PORTAL-1111',
    );
    expect(await field(second.page, /^Body site/).inputValue()).toBe('Left temple, near the hairline');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await second.page.getByText('Saved.').waitFor();
    expect([...first.errors, ...second.errors]).toEqual([]);
  });
});
