import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { field, openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

describe('a manager', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('signs in and lands on the reports: real figures from the demo data, charts, CSV export, a printable view', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);

    // The default range is the last 12 months, and the demo clinic has decisions in it.
    await page.getByRole('button', { name: 'Last 12 months', pressed: true }).waitFor();
    const submitted = page.getByTestId('stat-submitted-value');
    await submitted.waitFor();
    expect(Number((await submitted.textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('stat-approved-value').textContent()).toMatch(/^\d+(\.\d)?%$/);
    await page.getByTestId('report-by-payer').getByRole('table').waitFor();
    await page.getByTestId('report-decision-times').getByRole('table').waitFor();
    await page.getByTestId('report-trend').getByRole('table').waitFor();

    // Every chart draws an svg once its data is in.
    await page.locator('[data-testid="report-trend"] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid="report-by-payer"] svg.recharts-surface').first().waitFor();
    expect(await page.locator('[data-testid="reports-page"] svg.recharts-surface').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('reports-page').textContent()).not.toMatch(/NaN|Infinity|undefined/);
    await saveScreenshot(page, 'manager-reports');

    // The CSV export link answers CSV with the session cookie, for the range on screen.
    const href = await page.getByTestId('export-by-payer').getAttribute('href');
    expect(href).toMatch(/^\/api\/reports\/export\?table=by-payer&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const csv = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="preauth-by-payer-/);
    expect((await csv.text()).split('\n').length).toBeGreaterThan(1);

    // The printable view: no navigation, no controls, every table row.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await saveScreenshot(page, 'manager-reports-print');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a start after the end, shows empty states for an empty range, and fits a tablet', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    await page.getByTestId('stat-submitted-value').waitFor();

    // A start after the end is refused where it was typed; the figures stay.
    await field(page, 'From').fill('2026-12-31');
    await field(page, 'To').fill('2026-01-01');
    await page.getByText('The end date must not be before the start date').waitFor();

    // A range with nothing in it shows empty states, not zeros divided by zero.
    await field(page, 'From').fill('2001-01-01');
    await field(page, 'To').fill('2001-01-31');
    await page.getByTestId('report-range').getByText('Jan 1, 2001 – Jan 31, 2001', { exact: false }).waitFor();
    // The range is in the address, to bookmark or share.
    expect(page.url()).toMatch(/from=2001-01-01&to=2001-01-31/);
    await page.getByText('No requests were submitted, decided or withdrawn in this range.').waitFor();
    await page.getByTestId('report-by-payer').getByText('No initial decisions in this range.').waitFor();
    expect(await page.getByTestId('reports-page').textContent()).not.toMatch(/NaN|Infinity/);
    await saveScreenshot(page, 'manager-reports-empty');

    // At tablet width the reports still fit, the navigation behind the burger.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await page.getByTestId('stat-submitted-value').waitFor();
    await page.locator('[data-testid="report-trend"] svg.recharts-surface').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await saveScreenshot(page, 'manager-reports-tablet');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reaches the case list, which pages on, and signs out', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    await page.getByRole('navigation').getByRole('link', { name: 'All cases' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByTestId('case-row').first().waitFor();
    await saveScreenshot(page, 'manager-case-list');
    // The demo clinic has more cases than one page (25): the next page has the rest.
    expect(await page.getByTestId('case-row').count()).toBe(25);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('page-info').getByText('Page 2').waitFor();
    await page.getByTestId('case-row').first().waitFor();

    // Signing out ends the session: the next page asks for sign-in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a clinic miss to its case', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    const misses = page.getByTestId('report-clinic-misses');
    await misses.getByTestId('stat-appeal-windows-missed-value').waitFor();
    const links = misses.getByTestId('clinic-miss-link');
    if ((await links.count()) === 0) {
      await misses.getByText('No missed appeal windows or expired approvals in this range.').waitFor();
    } else {
      const caseNumber = await links.first().textContent();
      await links.first().click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await page
        .getByText(caseNumber ?? '')
        .first()
        .waitFor();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is sent back to sign-in when the session ends behind the page’s back (any 401)', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    // Let the reports finish loading first: one still in flight would meet the 401 on its own. So
    // would the header's requests, which leave once the page's have answered and the browser is
    // idle: the health badge answering shows they have left, and the network going quiet that
    // the others (the bell, the pinned views) have answered too.
    await page.getByTestId('stat-appeal-windows-missed-value').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label^="Loading"]'));
    await page.getByText('System online').waitFor();
    await page.waitForLoadState('networkidle');
    // End the session on the server, as an idle timeout or a sign-out in another tab would.
    const status = await page.evaluate(async () => {
      const csrf =
        document.cookie
          .split('; ')
          .find((part) => part.startsWith('csrf_token='))
          ?.slice('csrf_token='.length) ?? '';
      return (
        await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } })
      ).status;
    });
    expect(status).toBe(204);
    await page.getByRole('navigation').getByRole('link', { name: 'Board' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fboard/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });
});
