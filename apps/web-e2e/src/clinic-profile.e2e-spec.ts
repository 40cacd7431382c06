import AxeBuilder from '@axe-core/playwright';
import { Browser } from 'playwright-core';
import { parsePdf } from '../../../tools/pdf/parse-pdf';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { apiAs, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

const NEW_PHONE = '(207) 555-0177';

describe('the clinic profile', () => {
  let browser: Browser;
  let original: Record<string, unknown>;

  beforeAll(async () => {
    browser = await launchBrowser();
    original = await (await apiAs('admin@demo.clinic'))('GET', '/api/clinic-profile');
  });

  afterAll(async () => {
    // Put the demo letterhead back for the other journeys.
    const keys = ['practiceName', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'phone', 'fax'];
    const body = Object.fromEntries(keys.map((k) => [k, original[k]]));
    await (
      await apiAs('admin@demo.clinic')
    )('PUT', '/api/clinic-profile', {
      ...body,
      groupNpi: original.groupNpi,
      taxId: original.taxId,
    });
    await browser.close();
  });

  it('is set by an admin under Settings and becomes the letterhead of the next letter and packet', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'admin@demo.clinic');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Clinic profile' }).click();
    await page.waitForURL(/\/settings\/clinic$/);
    await page.getByRole('heading', { name: 'Clinic profile' }).waitFor();
    await page.getByRole('img', { name: /Logo of Casco Bay Dermatology/ }).waitFor();
    await page.waitForTimeout(300);
    // The page's own content; the shell is checked by a11y.e2e-spec.ts.
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // The form refuses what the API would, in the same words.
    await field(page, /Group NPI/).fill('1417293388');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Must be a 10-digit NPI with a valid check digit.').waitFor();
    await field(page, /Group NPI/).fill(String(original.groupNpi));
    await field(page, /^Phone/).fill(NEW_PHONE);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Clinic profile saved: the next letter and packet use it.').waitFor();
    await saveScreenshot(page, 'admin-clinic-profile');
    expect(errors).toEqual([]);

    // A physician's next letter gives the new number for questions.
    const physician = await apiAs('physician@demo.clinic');
    const { items } = (await physician('GET', '/api/cases?status=denied&limit=1')) as { items: { id: string }[] };
    const letter = (await physician('POST', `/api/cases/${items[0].id}/letters`, { kind: 'appeal' })) as {
      text: string;
    };
    expect(letter.text).toContain(`please call Casco Bay Dermatology at ${NEW_PHONE} or fax`);

    // And every page of the packet carries it.
    const { page: deskPage } = await openPage(browser);
    await signIn(deskPage, 'frontdesk@demo.clinic');
    const response = await deskPage.request.get(`${baseUrl()}/api/cases/${items[0].id}/packet`);
    expect(response.status()).toBe(200);
    const parsed = parsePdf(await response.body());
    for (const [i, text] of parsed.pageTexts.entries()) {
      const page = text.replace(/\s+/g, ' ');
      expect(page).toContain(`Casco Bay Dermatology · Phone ${NEW_PHONE}`);
      expect(page).toContain(`Page ${i + 1} of ${parsed.pages}`);
    }
  });
});
