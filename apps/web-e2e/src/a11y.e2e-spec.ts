import { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { seriousViolations } from './support/axe';
import { openPage, scrollThroughCase, signIn } from './support/session';

jest.setTimeout(120_000);

describe('accessibility of the main pages (axe: no serious or critical violations)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openPage(browser));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sign-in', async () => {
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  describe('signed in as front desk', () => {
    beforeAll(async () => {
      await signIn(page, 'frontdesk@demo.clinic');
    });

    it.each([
      ['worklist', '/worklist', 'case-row'],
      ['board', '/board', 'board-card'],
      ['case list', '/cases', 'case-row'],
    ])('%s', async (_name, path, testId) => {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByTestId(testId).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('new case', async () => {
      await page.goto(`${baseUrl()}/cases/new`);
      await page.getByRole('button', { name: 'Create case' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('case page', async () => {
      await page.goto(`${baseUrl()}/cases`);
      await page.getByTestId('case-row').first().getByRole('link').click();
      await page.getByTestId('case-status').waitFor();
      // As it opens (the sections below the first screen still placeholders), then read through.
      expect(await seriousViolations(page)).toEqual([]);
      await scrollThroughCase(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the board fits a tablet', async () => {
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.goto(`${baseUrl()}/board`);
      await page.getByTestId('board-card').first().waitFor();
      await saveScreenshot(page, 'tablet-board');
      // Every badge on a card reads in full (the demo's expedited request has one), not "EXPEDI…".
      const badges = page.getByTestId('board-card').locator('.mantine-Badge-label');
      expect(await badges.count()).toBeGreaterThan(0);
      const cut = await badges.evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent),
      );
      expect(cut).toEqual([]);
      await page.goto(`${baseUrl()}/worklist`);
      await page.getByTestId('case-row').first().waitFor();
      await saveScreenshot(page, 'tablet-worklist');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('signed in as a manager', () => {
    let managerPage: Page;

    beforeAll(async () => {
      ({ page: managerPage } = await openPage(browser));
      await signIn(managerPage, 'manager@demo.clinic');
    });

    afterAll(async () => {
      await managerPage.context().close();
    });

    it.each([
      ['reports', 1280, 800],
      ['reports at tablet width', 820, 1180],
    ])('%s', async (_name, width, height) => {
      await managerPage.setViewportSize({ width, height });
      await managerPage.goto(`${baseUrl()}/reports`);
      await managerPage.getByTestId('stat-submitted-value').waitFor();
      await managerPage.locator('[data-testid="report-trend"] svg.recharts-surface').first().waitFor();
      await managerPage.getByTestId('report-clinic-misses').getByTestId('stat-appeal-windows-missed-value').waitFor();
      expect(await seriousViolations(managerPage)).toEqual([]);
    });
  });
  describe('signed in as an admin', () => {
    let adminPage: Page;

    beforeAll(async () => {
      ({ page: adminPage } = await openPage(browser));
      await signIn(adminPage, 'admin@demo.clinic');
    });

    afterAll(async () => {
      await adminPage.context().close();
    });

    it.each([
      ['users', '/settings/users', 'user-row'],
      ['security', '/settings/security', 'idle-limit'],
      ['background jobs', '/settings/jobs', 'job-photo-sweep'],
      ['account', '/account', 'session-row'],
    ])('%s', async (_name, path, testId) => {
      await adminPage.goto(`${baseUrl()}${path}`);
      await adminPage.getByTestId(testId).first().waitFor();
      expect(await seriousViolations(adminPage)).toEqual([]);
    });

    it('the user dialog and two-factor set-up', async () => {
      await adminPage.goto(`${baseUrl()}/settings/users`);
      await adminPage.getByRole('button', { name: 'Add user' }).click();
      await adminPage.getByRole('dialog').waitFor();
      expect(await seriousViolations(adminPage)).toEqual([]);
      await adminPage.keyboard.press('Escape');
      await adminPage.goto(`${baseUrl()}/account`);
      await adminPage.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      await adminPage.getByTestId('totp-secret').waitFor();
      expect(await seriousViolations(adminPage)).toEqual([]);
    });
  });
});
