import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { parsePdf } from '../../../tools/pdf/parse-pdf';
import {
  createOwnCase,
  DEMO_PASSWORD,
  field,
  openPage,
  ownPatients,
  signIn,
  scrollThroughCase,
} from './support/session';

jest.setTimeout(120_000);

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json(), path) as Promise<T>;
}

interface Detail {
  id: string;
  patient: { name: string; mrn: string };
  readiness: { ready: boolean; items: { id: string; passed: boolean }[] };
}

// The demo's own patients (MRN-100217), not those other browser tests create beside this one, and
// not the demo patients they work on (Ferreira, Nakamura).
const untouchedDemoPatient = (patient: { name: string; mrn: string }) =>
  /^MRN-\d+$/.test(patient.mrn) && !/Ferreira|Nakamura/.test(patient.name);

// A documented case that still lacks evidence. Any physician may add photos and notes to any case.
async function findCaseLackingEvidence(page: Page): Promise<Detail> {
  const { items } = await apiGet<{ items: { id: string }[] }>(page, '/api/cases?status=documented&limit=100');
  const details = await Promise.all(items.map((item) => apiGet<Detail>(page, `/api/cases/${item.id}`)));
  const candidates = details.filter((detail) => untouchedDemoPatient(detail.patient));
  const chosen = candidates.find((detail) =>
    detail.readiness.items.some((item) => item.id === 'photos' && !item.passed),
  );
  if (!chosen) throw new Error('No documented demo case lacks photos.');
  return chosen;
}

// A submitted case of the demo physician's own, so the letter is signed by its ordering physician.
async function findOwnSubmittedCase(page: Page): Promise<string> {
  const me = await apiGet<{ id: string }>(page, '/api/auth/me');
  const providers = await apiGet<{ id: string; userId: string | null }[]>(page, '/api/providers');
  const mine = providers.find((provider) => provider.userId === me.id);
  if (!mine) throw new Error('The demo physician is not linked to a provider.');
  const { items } = await apiGet<{ items: { id: string; patient: { name: string; mrn: string } }[] }>(
    page,
    `/api/cases?status=submitted&providerId=${mine.id}&limit=100`,
  );
  const chosen = items.find((item) => untouchedDemoPatient(item.patient));
  if (!chosen) throw new Error('The demo physician has no submitted case.');
  return chosen.id;
}

// A small synthetic "clinical photo": skin tone with a few papules.
async function writeTestJpeg(dir: string): Promise<string> {
  const path = join(dir, 'left-cheek.jpg');
  const dots = [
    [180, 160],
    [260, 210],
    [330, 150],
    [410, 260],
    [220, 300],
  ]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="9" fill="#f4ead8" stroke="#c99a86" stroke-width="3"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#d9a58c"/>${dots}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
  return path;
}

describe('a physician', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lands on the cases waiting for their documentation and records findings', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'physician@demo.clinic');
    await page.waitForURL(/\/my-cases$/);
    await page.getByRole('heading', { name: 'Waiting for my documentation' }).waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await saveScreenshot(page, 'physician-my-cases');

    // A documented case of the physician's own making, for a patient nobody else has: the demo
    // physician's demo cases are edited by the front desk journey running beside this one, and
    // a save racing its change would be a conflict.
    const { surname, patient } = ownPatients('Findley');
    await createOwnCase('physician@demo.clinic', patient('Faye', 1), {
      bodySite: 'Both cheeks',
      lesionCount: 6,
      ownProvider: true,
    });
    await page.reload();
    await page
      .getByTestId('case-row')
      .filter({ hasText: `Faye ${surname}` })
      .getByRole('link')
      .click();
    await page.getByTestId('readiness-checklist').waitFor();
    await scrollThroughCase(page);
    const findings = page.getByRole('group', { name: 'Medical necessity findings' });
    await findings.getByRole('checkbox', { name: 'Pain' }).check();
    await field(page, /^Symptoms/).fill('Tender papules that catch on clothing; bleed when scratched.');
    await field(page, /^Duration \(weeks\)/).fill('30');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('[data-testid="readiness-medical_necessity"][data-passed="true"]').waitFor();
    await page.getByTestId('case-timeline').getByText('Case details changed').first().waitFor();
    await saveScreenshot(page, 'physician-findings');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  describe('adds evidence and a letter to a case', () => {
    let page: Page;
    let errors: string[];
    let tempDir: string;
    let detail: Detail;

    beforeAll(async () => {
      ({ page, errors } = await openPage(browser));
      await signIn(page, 'physician@demo.clinic');
      tempDir = mkdtempSync(join(tmpdir(), 'preauth-photo-'));
      detail = await findCaseLackingEvidence(page);
      await page.goto(`${baseUrl()}/cases/${detail.id}`);
      await scrollThroughCase(page);
      await page.getByTestId('photos-section').waitFor();
    });

    afterAll(async () => {
      await page.context().close();
      rmSync(tempDir, { recursive: true, force: true });
    });

    it('uploads a photo with its body site and lesion count and sees it in the gallery', async () => {
      const section = page.getByTestId('photos-section');
      const before = await section.getByTestId('photo-thumb').count();
      await section.getByLabel('Choose photos to upload').setInputFiles(await writeTestJpeg(tempDir));
      const upload = section.getByTestId('upload-item');
      await upload.getByLabel(/^Body site/).fill('Left cheek, e2e');
      await upload.getByLabel(/^Lesion count/).fill('5');
      await upload.getByLabel(/^Caption/).fill('Five papules, before treatment');
      await saveScreenshot(page, 'physician-photo-upload');
      await upload.getByRole('button', { name: 'Upload' }).click();
      await section.locator('[data-testid="upload-item"][data-state="done"]').waitFor();

      const thumb = section.getByTestId('photo-thumb').filter({ hasText: 'Left cheek, e2e' });
      await thumb.waitFor();
      expect(await section.getByTestId('photo-thumb').count()).toBe(before + 1);
      await expectText(thumb, '5 lesions');
      await page.locator('[data-testid="readiness-photos"][data-passed="true"]').waitFor();

      // The viewer: the full image, closed with Escape.
      await thumb.click();
      const viewer = page.getByRole('dialog');
      const image = viewer.getByRole('img', { name: /Left cheek, e2e/ });
      await image.waitFor();
      await page.waitForFunction(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        await image.elementHandle(),
      );
      await saveScreenshot(page, 'physician-photo-viewer');
      await page.keyboard.press('Escape');
      await viewer.waitFor({ state: 'hidden' });
      await saveScreenshot(page, 'physician-photo-gallery');
    });

    it('writes a clinical note that shows in the timeline and satisfies the checklist', async () => {
      const section = page.getByTestId('notes-section');
      await expectText(section.getByLabel('Kind of note'), 'Clinical note');
      await section.getByLabel('Kind of note').selectOption({ label: 'Clinical note' });
      await section
        .getByLabel('Note', { exact: true })
        .fill('Five 2–3 mm milia on the left cheek; two inflamed. Pruritic for 6 months.');
      await section.getByRole('button', { name: 'Add note' }).click();
      const note = section.getByTestId('note').filter({ hasText: 'Five 2–3 mm milia on the left cheek' });
      await note.waitFor();
      await expectText(note, 'Clinical note');
      await page.locator('[data-testid="readiness-physician_note"][data-passed="true"]').waitFor();

      // An edit is a new version, marked as such.
      await note.getByRole('button', { name: 'Edit' }).click();
      await note
        .getByLabel('Edit note')
        .fill('Five 2–3 mm milia on the left cheek; two inflamed, one bled. Pruritic for 6 months.');
      await note.getByRole('button', { name: 'Save as new version' }).click();
      const edited = section.getByTestId('note').filter({ hasText: 'one bled' });
      await edited.getByTestId('note-edited').waitFor();
      await edited.getByRole('button', { name: 'Show earlier versions' }).click();
      await edited
        .getByTestId('note-history')
        .getByText(/two inflamed\. Pruritic/)
        .waitFor();
      await saveScreenshot(page, 'physician-notes');
    });

    it('drafts, edits and signs a letter of medical necessity, then downloads the appeal packet', async () => {
      await page.goto(`${baseUrl()}/cases/${await findOwnSubmittedCase(page)}`);
      await scrollThroughCase(page);
      const section = page.getByTestId('letters-section');
      await section.getByRole('button', { name: 'Draft letter of medical necessity' }).click();
      const letter = section.locator('[data-testid="letter"][data-status="draft"]');
      await letter.waitFor();
      const text = letter.getByLabel('Letter text');
      expect(await text.inputValue()).not.toEqual('');
      await text.press('Control+End');
      await text.pressSequentially('\n\nP.S. Dated photographs are enclosed.');
      await letter.getByRole('button', { name: 'Save draft' }).click();
      await expectEnabled(letter.getByRole('button', { name: 'Sign…' }));
      await saveScreenshot(page, 'physician-letter-draft');

      await letter.getByRole('button', { name: 'Sign…' }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByText(/Signing freezes this version/).waitFor();
      await expectText(confirm.getByTestId('signer-statement'), /You sign as .*, NPI \d{10}\./);
      // Signing re-authenticates: the button waits for the password.
      expect(await confirm.getByRole('button', { name: 'Sign letter' }).isEnabled()).toBe(false);
      await confirm.getByLabel(/Your password/).fill(DEMO_PASSWORD);
      await confirm.getByRole('button', { name: 'Sign letter' }).click();
      const signed = section.locator('[data-testid="letter"][data-status="signed"]');
      await signed.waitFor();
      await expectText(signed.getByTestId('letter-signature'), /Signed by/);
      expect(await signed.getByLabel('Letter text').isEditable()).toBe(false);
      expect(await signed.getByLabel('Letter text').inputValue()).toContain('Dated photographs are enclosed.');
      await saveScreenshot(page, 'physician-letter-signed');

      const link = section.getByTestId('download-packet');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const response = await page.request.get(`${baseUrl()}${await link.getAttribute('href')}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      // The signed letter in the packet: the signer's NPI, the clinic's local time with its zone, the hash.
      const me = await apiGet<{ id: string }>(page, '/api/auth/me');
      const providers = await apiGet<{ userId: string | null; npi: string }[]>(page, '/api/providers');
      const myNpi = providers.find((provider) => provider.userId === me.id)?.npi;
      const pdfText = parsePdf(await response.body()).text.replace(/\s+/g, ' ');
      expect(pdfText).toMatch(
        new RegExp(
          `Electronically signed by [^,]+, [A-Z]+, NPI ${myNpi}, on [A-Z][a-z]+ \\d{1,2}, \\d{4}(,| at) \\d{1,2}:\\d{2}:\\d{2} [AP]M [A-Z]{2,4}`,
        ),
      );
      expect(pdfText).toMatch(/SHA-256 of the signed text: [0-9a-f]{64}/);

      const fhir = await page.request.get(
        `${baseUrl()}${await section.getByTestId('export-fhir').getAttribute('href')}`,
      );
      expect(fhir.status()).toBe(200);
      expect((await fhir.json()).resourceType).toBe('Bundle');
      expect(errors).toEqual([]);
    });
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function expectEnabled(locator: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 50 && !(await locator.isEnabled()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await locator.isEnabled()).toBe(true);
}
