import { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { listSettled as settled, until } from './support/lists';
import { apiAs, createOwnCase, field, openPage, ownPatients, signIn } from './support/session';

// Jest applies testTimeout only to a whole run, not to one project of it.
jest.setTimeout(120_000);

describe('tags on cases', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('tags selected rows; the tag’s chip filters the list to exactly those cases, the filter survives reload, and the worklist takes it too', async () => {
    // Cases and a tag of the test's own.
    const { surname, patient } = ownPatients('Tagley');
    const tag = `Batch ${ownPatients('').surname}`;
    const lesion = { bodySite: 'left forearm', lesionCount: 3 };
    const ann = await createOwnCase('frontdesk@demo.clinic', patient('Ann', 1), lesion);
    const ben = await createOwnCase('frontdesk@demo.clinic', patient('Ben', 2), lesion);
    await createOwnCase('frontdesk@demo.clinic', patient('Cy', 3), lesion);
    const desk = await apiAs('frontdesk@demo.clinic');

    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(page.url().replace(/\/[^/]*$/, `/cases?q=${surname.toLowerCase()}`));
    await until(async () => (await page.getByTestId('case-row').count()) === 3);

    await page.getByLabel(`Select Ann ${surname}`, { exact: false }).check();
    await page.getByLabel(`Select Ben ${surname}`, { exact: false }).check();
    await page.getByTestId('selected-count').getByText('2 selected').waitFor();
    const bulk = page.getByTestId('bulk-actions');
    // The domain's rule and words, before anything is sent.
    await field(bulk, /^Tag$/).fill('PCP, derm');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await bulk.getByText('Tag has a comma (commas separate tags)').waitFor();
    await field(bulk, /^Tag$/).fill(`  ${tag} `);
    await saveScreenshot(page, 'tags-bulk-bar');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await bulk.waitFor({ state: 'detached' });
    expect((await desk('GET', `/api/cases/${ann}`)).tags).toEqual([tag]);
    expect((await desk('GET', `/api/cases/${ben}`)).tags).toEqual([tag]);

    // The Tags column, then a chip: the list of every case (no search) with that tag.
    await page.getByTestId('choose-columns').click();
    await page.getByRole('checkbox', { name: 'Tags' }).check();
    await page.keyboard.press('Escape');
    await page.getByTestId('column-tags').waitFor();
    await page
      .getByTestId('case-row')
      .filter({ hasText: `Ann ${surname}` })
      .getByRole('button', { name: `Show the cases tagged ${tag}` })
      .click();
    await page.waitForURL((url) => url.searchParams.get('tag') === tag);
    const shown = async () => (await page.getByTestId('case-row').getByRole('link').allTextContents()).sort().join('|');
    const expected = [`Ann ${surname}`, `Ben ${surname}`].join('|');
    await until(async () => (await shown()) === expected);
    await saveScreenshot(page, 'tags-filtered');

    // Without the search text, still those two: the tag alone filters.
    await page.goto(page.url().replace(/\?.*$/, `?tag=${encodeURIComponent(tag.toUpperCase())}`));
    await page.getByTestId('case-row').first().waitFor();
    await settled(page);
    expect(await shown()).toBe(expected);
    await page.reload();
    await page.getByTestId('case-row').first().waitFor();
    await settled(page);
    expect(await shown()).toBe(expected);
    expect(await field(page, /^Tag$/).inputValue()).toBe(tag.toUpperCase());
    expect(await page.getByTestId('case-count').textContent()).toBe('2 cases');

    // The worklist takes the same filter: its open cases with the tag, and the box shows it.
    await page.goto(page.url().replace(/\/cases\?.*$/, `/worklist?tag=${encodeURIComponent(tag)}`));
    await page.getByTestId('bucket-not_submitted').waitFor();
    await settled(page);
    expect(await shown()).toBe(expected);
    expect(await field(page, /^Tag$/).inputValue()).toBe(tag);
    await saveScreenshot(page, 'tags-worklist');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
