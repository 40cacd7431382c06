import { Browser } from 'playwright-core';
import { createReadyUser } from './support/accounts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { listSettled as settled, rowNames, until } from './support/lists';
import { createOwnList } from './support/cases';
import { apiAs, chooseOption, createOwnCase, field, openPage, ownPatients, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

describe('list views', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('a saved view reappears after sign-in', async () => {
    // A user and cases of the test's own: their views are theirs alone, and journeys running
    // beside this one move demo cases in and out of "Submitted" (the front desk's submits one).
    const user = await createReadyUser(['front_desk'], 'Views Tester');
    const { surname } = await createOwnList('Viewton');

    const { page, errors } = await openPage(browser);
    await signIn(page, user.email, user.password);
    await page.goto(page.url().replace(/\/[^/]*$/, `/cases?q=${surname.toLowerCase()}`));
    await until(async () => (await page.getByTestId('case-row').count()) === 3);

    await chooseOption(page, 'State', 'Submitted');
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=submitted/);
    await page.getByTestId('sort-by-clock').click();
    await page.waitForURL(/sort=due_asc/);
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await settled(page);
    const filtered = await rowNames(page);
    expect(filtered.split('|').sort()).toEqual([`Ada ${surname}`, `Bea ${surname}`]);

    await page.getByTestId('save-view').click();
    await page.getByLabel('View name').fill('Submitted, by deadline');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Submitted, by deadline' }).waitFor();
    await saveScreenshot(page, 'saved-view-pinned');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, user.email, user.password);
    await page.waitForURL(/\/worklist/);
    await nav.getByRole('link', { name: 'Submitted, by deadline' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    const params = new URL(page.url()).searchParams;
    expect(params.get('status')).toBe('submitted');
    expect(params.get('sort')).toBe('due_asc');
    expect(params.get('q')).toBe(surname.toLowerCase());
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await settled(page);
    expect(await rowNames(page)).toBe(filtered);
    const badges = await page.getByTestId('case-row').getByTestId('case-status-badge').allTextContents();
    expect(badges.every((badge) => badge === 'Submitted')).toBe(true);

    // Renamed and deleted from the views page; the navigation follows.
    await nav.getByRole('link', { name: 'Manage views' }).click();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Waiting on payers');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await nav.getByRole('link', { name: 'Waiting on payers' }).waitFor();
    await page.getByRole('button', { name: 'Delete Waiting on payers' }).click();
    await page.getByText('No saved views yet.').waitFor();
    expect(await nav.getByTestId('pinned-view').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('assigns an owner and sets a follow-up on selected rows; a refusal changes none and names the case', async () => {
    const { surname, patient } = ownPatients('Bulkton');
    const lesion = { bodySite: 'left forearm', lesionCount: 3 };
    const ann = await createOwnCase('frontdesk@demo.clinic', patient('Ann', 1), lesion);
    const ben = await createOwnCase('frontdesk@demo.clinic', patient('Ben', 2), lesion);
    const cy = await createOwnCase('physician@demo.clinic', patient('Cy', 3), lesion);
    const desk = await apiAs('frontdesk@demo.clinic');
    const work = async (id: string) =>
      (await desk('GET', `/api/cases/${id}/work`)) as {
        owner: { name: string } | null;
        followUp: { date: string } | null;
      };

    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, `/cases?q=${surname.toLowerCase()}`));
    await until(async () => (await page.getByTestId('case-row').count()) === 3);

    // All three, to the physician: the front desk may not hand on the physician's own case.
    await page.getByLabel('Select every case on this page').check();
    await page.getByTestId('selected-count').getByText('3 selected').waitFor();
    const bulk = page.getByTestId('bulk-actions');
    await chooseOption(page, 'Assign to', 'Dr. Dana Whitfield');
    await bulk.getByRole('button', { name: 'Assign', exact: true }).click();
    const refused = page.getByTestId('bulk-refused');
    await refused.waitFor();
    const cyNumber = (await desk('GET', `/api/cases/${cy}`)).caseNumber as string;
    expect(await refused.getByRole('listitem').allTextContents()).toEqual([
      `${cyNumber}: Only the case’s owner or a manager can reassign it.`,
    ]);
    await saveScreenshot(page, 'bulk-refused');
    expect((await work(ann)).owner?.name).toBe('Fran Desk');

    // Without the physician's case, both change.
    await page.getByLabel(`Select Cy ${surname}, ${cyNumber}`).uncheck();
    await page.getByTestId('selected-count').getByText('2 selected').waitFor();
    await bulk.getByRole('button', { name: 'Assign', exact: true }).click();
    await bulk.waitFor({ state: 'detached' });
    expect((await work(ann)).owner?.name).toBe('Dr. Dana Whitfield');
    expect((await work(ben)).owner?.name).toBe('Dr. Dana Whitfield');

    // A follow-up day on two of them: no owner rule here, the front desk may.
    await page.getByLabel(`Select Ann ${surname}`, { exact: false }).check();
    await page.getByLabel(`Select Cy ${surname}`, { exact: false }).check();
    await field(page, 'Follow up on').fill('2027-01-15');
    await page.getByRole('button', { name: 'Set follow-up' }).click();
    await page.getByTestId('bulk-actions').waitFor({ state: 'detached' });
    expect((await work(ann)).followUp?.date).toBe('2027-01-15');
    expect((await work(cy)).followUp?.date).toBe('2027-01-15');
    expect((await work(ben)).followUp).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moves through a list with the keyboard: / searches, j and k choose a case, Enter opens it, ? lists them, Ctrl+F renders the whole case', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, '/cases'));
    await page.getByTestId('case-row').nth(2).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);

    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent()).toContain(
      'Open the chosen case',
    );
    await saveScreenshot(page, 'keyboard-help');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-help').waitFor({ state: 'detached' });

    // In the search box, j and k are letters.
    await page.keyboard.press('/');
    const search = page.getByTestId('case-search');
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('jk');
    expect(await search.inputValue()).toBe('jk');
    // The search follows the typing a quarter second later: wait for it, so that it cannot come
    // after Enter below and take the page back to the list.
    await page.waitForURL((url) => url.searchParams.get('q') === 'jk');
    await search.fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByRole('heading', { name: 'All cases' }).click();
    await settled(page);
    // The rows as they are now, after the search came and went.
    const hrefs = await page
      .getByTestId('case-row')
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

    await page.keyboard.press('j');
    expect(await focused()).toBe(hrefs[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focused()).toBe(hrefs[2]);
    await page.keyboard.press('k');
    expect(await focused()).toBe(hrefs[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === hrefs[1]);

    // The browser's find in page searches only what is rendered: its keys render the sections
    // below the first screen, which otherwise wait to be scrolled to.
    await page.getByTestId('case-title').waitFor();
    const pending = page.locator('[data-pending-section]');
    expect(await pending.count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+f');
    await until(async () => (await pending.count()) === 0);
    await page.getByTestId('photos-section').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
