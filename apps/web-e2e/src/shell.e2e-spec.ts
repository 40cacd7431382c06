import { statSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { apiAs, openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(60_000);

describe('the dashboard as npm start serves it', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sends a visitor without a session to sign-in, which shows the API health', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl()}/worklist`);
    await page.waitForURL(/\/sign-in\?next=%2Fworklist/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByText('System online').waitFor();
    const shot = await saveScreenshot(page, 'shell-sign-in');
    expect(statSync(shot).size).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone: the header keeps the menu and Sign out on screen, and the page never scrolls sideways', async () => {
    const { page, errors } = await openPage(browser, 390, 844);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    for (const control of [
      page.getByRole('button', { name: 'Open navigation' }),
      page.getByRole('button', { name: 'Sign out' }),
    ]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      // A squeezed flex item keeps its box on screen but clips its own label ("Sign ou").
      const clipped = await control.evaluate((el) =>
        [el, ...Array.from(el.querySelectorAll('*'))]
          .filter((n) => n.clientWidth > 0 && n.scrollWidth > n.clientWidth)
          .map((n) => n.className.toString()),
      );
      expect(clipped).toHaveLength(0);
    }
    // Wide tables scroll inside their own container, not the whole page.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'shell-phone-worklist');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps to its content security policy on a case page and its forms: no violation reported', async () => {
    const { page, errors } = await openPage(browser);
    // The browser reports a violation as an event, not a console error (a library probing for
    // eval, say): collected from the first script on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`),
      );
    });
    await signIn(page, 'frontdesk@demo.clinic');
    const asFrontDesk = await apiAs('frontdesk@demo.clinic');
    const { items } = (await asFrontDesk('GET', '/api/cases?status=documented&limit=1')) as { items: { id: string }[] };
    await page.goto(`${baseUrl()}/cases/${items[0].id}`);
    await page.getByTestId('case-title').waitFor();
    // Sections further down render as they come near: bring them all, forms included.
    await page.keyboard.press('Control+f');
    await page.getByTestId('photos-section').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-pending-section]').length === 0);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('serves the dashboard for deep links (SPA fallback) and JSON 404s under /api', async () => {
    const deep = await fetch(`${baseUrl()}/cases/some/deep/link`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root"><p class="boot-splash">Loading Preauth…</p></div>');
    const api = await fetch(`${baseUrl()}/api/nope`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
