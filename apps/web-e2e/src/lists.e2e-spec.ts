import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { createOwnList } from './support/cases';
import { rowNames, until } from './support/lists';
import { chooseOption, openPage, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

describe('lists', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('keeps a filtered, sorted list through reload and Back', async () => {
    // Cases of its own: journeys running beside this one create cases and move demo ones.
    const { surname } = await createOwnList('Listby');
    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, `/cases?q=${surname.toLowerCase()}`));
    await until(async () => (await page.getByTestId('case-row').count()) === 3);
    const unfiltered = await rowNames(page);

    // Filter by state, then order by the clock column: each step is in the address.
    await chooseOption(page, 'State', 'Submitted');
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=submitted/);
    await page.getByTestId('sort-by-clock').click();
    await page.waitForURL(/sort=due_asc/);
    // The rows of the new view (the header shows the order as soon as the address has it, and
    // the table is marked busy from that render until the sorted rows are in): every one submitted.
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
    const badges = await page.getByTestId('case-row').getByTestId('case-status-badge').allTextContents();
    expect(badges).toEqual(['Submitted', 'Submitted']);
    const filtered = await rowNames(page);
    expect(filtered.split('|').sort()).toEqual([`Ada ${surname}`, `Bea ${surname}`]);
    const filteredUrl = page.url();
    await saveScreenshot(page, 'case-list-filtered-sorted');

    // Reload: the same view, the same rows.
    await page.reload();
    await page.getByTestId('case-row').first().waitFor();
    expect(page.url()).toBe(filteredUrl);
    expect(await rowNames(page)).toBe(filtered);
    expect(await page.getByTestId('sort-by-clock').textContent()).toContain('▲');

    // Open a case, then Back: the filtered, sorted list again.
    await page.getByTestId('case-row').first().getByRole('link').click();
    await page.getByTestId('case-status').waitFor();
    await page.goBack();
    await page.getByTestId('case-row').first().waitFor();
    expect(page.url()).toBe(filteredUrl);
    expect(await rowNames(page)).toBe(filtered);

    // Back once more undoes the sort; once more, the state filter.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sort=due_asc'));
    expect(page.url()).toContain('status=submitted');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('status='));
    await until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
    expect(page.url()).toContain(`q=${surname.toLowerCase()}`);
    expect(await rowNames(page)).toBe(unfiltered);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the row clicked while the search typed just before is still pending', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, '/cases'));
    const row = page.getByTestId('case-row').nth(2);
    await row.waitFor();
    const name = ((await row.getByRole('link').textContent()) ?? '').trim();
    expect(name).not.toBe('');
    // Type part of the name and click its row at once, before the search answers.
    await page.getByTestId('case-search').fill(name.split(/[ ,]/)[0]);
    await row.getByRole('link').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-status').waitFor();
    // Well past the search's debounce: the page stays on the case.
    await page.waitForTimeout(1_500);
    expect(new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps the worklist's Mine view through reload, and All open again through Back", async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.waitForURL(/\/worklist/);
    const whose = page.getByRole('radiogroup', { name: 'Whose cases' });
    await whose.getByText('Mine', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('owner') === 'me');
    await page.reload();
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    expect(new URL(page.url()).searchParams.get('owner')).toBe('me');
    expect(await whose.getByRole('radio', { name: 'Mine' }).isChecked()).toBe(true);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('owner'));
    expect(await whose.getByRole('radio', { name: 'All open' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pages with the cursor in the address, and Back returns to the first page', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, '/cases'));
    await page.getByTestId('case-row').first().waitFor();
    expect(await page.getByTestId('case-row').count()).toBe(25);
    const first = await rowNames(page);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=.*page=2/);
    await page.getByTestId('page-info').getByText('Page 2').waitFor();
    await until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
    expect(await rowNames(page)).not.toBe(first);
    await page.goBack();
    await page.getByTestId('page-info').getByText('Page 1').waitFor();
    await until(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
    expect(await rowNames(page)).toBe(first);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the cases behind a report row, as many as the report counts', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.waitForURL(/\/reports$/);
    const byPayer = page.getByTestId('report-by-payer');
    const link = byPayer.getByRole('link', { name: /^Decisions: / }).first();
    await link.waitFor();
    const figure = Number((await link.textContent())?.replace(/,/g, ''));
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('decisionStage') === 'initial');
    expect(new URL(page.url()).searchParams.get('decidedFrom')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('case-count').waitFor();
    expect(await page.getByTestId('case-count').textContent()).toBe(`${figure} ${figure === 1 ? 'case' : 'cases'}`);
    await page.getByTestId('case-row').first().waitFor();
    expect(await page.getByTestId('case-row').count()).toBe(Math.min(figure, 25));
    await saveScreenshot(page, 'report-drill-down');

    // The denied figure of the same row, from the report again.
    await page.goBack();
    const denied = byPayer.getByRole('link', { name: /^Denied: / }).first();
    await denied.waitFor();
    const deniedFigure = Number((await denied.textContent())?.replace(/,/g, ''));
    await denied.click();
    await page.waitForURL(/outcome=denied/);
    await page.getByTestId('case-count').waitFor();
    expect(await page.getByTestId('case-count').textContent()).toBe(
      `${deniedFigure} ${deniedFigure === 1 ? 'case' : 'cases'}`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on a phone, opens the folded filters on demand, filters by one, and says how many are on once folded', async () => {
    const { surname } = await createOwnList('Phonefilt');
    const { page, errors } = await openPage(browser, 390, 844);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, `/cases?q=${surname.toLowerCase()}`));
    await until(async () => (await page.getByTestId('case-row').count()) === 3);
    // Folded: the page is drawn without the filters' code, which loads as they are opened.
    expect(
      await page
        .locator('input')
        .and(page.getByLabel('State', { exact: true }))
        .count(),
    ).toBe(0);
    await page.getByTestId('toggle-filters').click();
    await chooseOption(page, 'State', 'Submitted');
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=submitted/);
    await until(async () => (await page.getByTestId('case-row').count()) === 2);
    await page.getByTestId('toggle-filters').click();
    expect(await page.getByTestId('toggle-filters').textContent()).toBe('Filters (1 on)');
    expect(await page.getByTestId('toggle-filters').getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows state, clock and next action for every worklist row on a phone, without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, 390, 844);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.waitForURL(/\/worklist/);
    const rows = page.getByTestId('case-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      expect(await row.getByTestId('case-status-badge').count()).toBe(1);
      expect(await row.getByTestId('clock-text').count()).toBe(1);
      expect((await row.getByTestId('next-action').textContent())?.length).toBeGreaterThan(6);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The header keeps its sign-out button whole at 360 px too.
    await page.setViewportSize({ width: 360, height: 780 });
    const signOut = page.getByRole('button', { name: 'Sign out' });
    const box = await signOut.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(360);
    expect(await signOut.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await saveScreenshot(page, 'phone-worklist');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
