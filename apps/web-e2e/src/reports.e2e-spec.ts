import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { clinicDay } from './support/cases';
import { openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

// A table on screen as text: its headers, then each row's cells.
async function screenTable(table: Locator): Promise<string[][]> {
  const headers = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => (cell.textContent ?? '').trim())));
  return [headers, ...rows];
}

async function downloadCsv(page: Page, link: Locator): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const rows: string[][] = parse(readFileSync(path, 'utf8'));
  return rows;
}

// The one difference the CSV makes on purpose: counts without thousands separators, empty cells
// where the screen shows a dash.
const asCsv = (cell: string) => (cell === '—' ? '' : /^[\d,]+$/.test(cell) ? cell.replace(/,/g, '') : cell);

/**
 * The reports over a year of demo history that ends two weeks ago: the journeys running beside
 * these submit and decide cases of their own within the last ten days, which would change the
 * figures between the screen and its CSV, or between a figure and the list it opens.
 */
async function openSettledReports(page: Page): Promise<void> {
  await page.waitForURL(/\/reports$/);
  await page.goto(page.url().replace(/\/reports$/, `/reports?from=${clinicDay(-365)}&to=${clinicDay(-14)}`));
}

describe('reports', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('downloads a report as CSV with the headers, order and wording of the screen', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await openSettledReports(page);
    for (const report of ['by-payer', 'decision-times']) {
      const section = page.getByTestId(`report-${report}`);
      const table = section.getByRole('table');
      await table.waitFor();
      // Every row, as the CSV has them all.
      const more = section.getByRole('button', { name: /^Show all/ });
      if (await more.count()) await more.click();
      const onScreen = await screenTable(table);
      const csv = await downloadCsv(page, section.getByTestId(`export-${report}`));
      expect(csv[0]).toEqual(onScreen[0]);
      expect(csv.slice(1)).toEqual(onScreen.slice(1).map((row) => row.map(asCsv)));
      expect(csv.flat().join(' ')).toMatch(/%/);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the cases behind an overturn-by-payer row, as many as the report counts', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await openSettledReports(page);
    const section = page.getByTestId('report-overturn-by-payer');
    await section.getByRole('table').waitFor();
    await saveScreenshot(page, 'reports-overturn');
    for (const what of ['Appeals decided', 'Overturned']) {
      const link = section.getByRole('link', { name: new RegExp(`^${what}: `) }).first();
      const figure = Number((await link.textContent())?.replace(/,/g, ''));
      expect(figure).toBeGreaterThan(0);
      await link.click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('decisionStage') === 'review');
      expect(new URL(page.url()).searchParams.get('decidedTo')).toBe(clinicDay(-14));
      await page.getByTestId('case-count').waitFor();
      expect(await page.getByTestId('case-count').textContent()).toBe(`${figure} ${figure === 1 ? 'case' : 'cases'}`);
      await page.goBack();
      await section.getByRole('table').waitFor();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
