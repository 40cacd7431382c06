import { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { clinicDayOf, createSubmittedCase, daysAgo } from './support/cases';
import { apiAs, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(120_000);

type Api = Awaited<ReturnType<typeof apiAs>>;

// A submitted case of its own, so journeys running beside this one cannot move it.
function submittedCase(): Promise<{ id: string; version: number }> {
  return createSubmittedCase(
    { mrnPrefix: 'MRN-CORRECT', firstName: 'Cora', lastName: 'Rectifield', dateOfBirth: '1968-03-14' },
    {
      bodySite: 'Behind both ears',
      lesionCount: 9,
      noteText: 'Milia en plaque behind both ears, itching and burning for 30 weeks.',
    },
  );
}

// The denial just recorded: the newest step of the case.
async function deny(api: Api, id: string, version: number, occurredAt: string): Promise<string> {
  const detail = await api(
    'POST',
    `/api/cases/${id}/transitions`,
    { to: 'denied', denialCode: 'CO-50', occurredAt },
    { 'if-match': String(version) },
  );
  const steps = (detail.events as { id: string; type: string }[]).filter((e) => e.type === 'transition');
  return steps.map((e) => e.id).reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
}

function timelineEntry(page: Page, eventId: string) {
  return page.getByTestId(`timeline-event-${eventId}`);
}

describe('taking back a mistaken step', () => {
  let browser: Browser;
  let caseId: string;
  let version: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ id: caseId, version } = await submittedCase());
  });

  afterAll(async () => {
    await browser.close();
  });

  it('the front desk undoes the denial it just recorded; the step stays, struck through', async () => {
    const frontDesk = await apiAs('frontdesk@demo.clinic');
    const denialId = await deny(frontDesk, caseId, version, daysAgo(8));

    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(page);
    await page.getByTestId('case-status').getByText('Denied').waitFor();
    const entry = timelineEntry(page, denialId);
    await entry.getByRole('button', { name: 'Undo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/less than 15 minutes ago/).waitFor();
    await dialog.getByRole('button', { name: 'Undo', exact: true }).click();

    await page.getByTestId('case-status').getByText('Submitted').waitFor();
    expect(await entry.getAttribute('data-effective')).toBe('false');
    await entry
      .getByTestId('reversed-by')
      .getByText(/^Undone by Fran Desk on /)
      .waitFor();
    expect(await entry.locator('s').first().textContent()).toBe('Submitted → Denied');
    await page.getByTestId('case-timeline').getByText('Undone: Submitted → Denied').waitFor();
    await saveScreenshot(page, 'corrections-undo');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a manager corrects the denial's date and code with a reason; the old values stay visible", async () => {
    const frontDesk = await apiAs('frontdesk@demo.clinic');
    const current = await frontDesk('GET', `/api/cases/${caseId}`);
    const denialId = await deny(frontDesk, caseId, current.version as number, daysAgo(8));

    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(page);
    await page.getByTestId('case-status').getByText('Denied').waitFor();
    // The undone denial offers nothing; the one that counts can be corrected.
    const entry = timelineEntry(page, denialId);
    await entry.getByRole('button', { name: 'Correct…' }).click();
    const dialog = page.getByRole('dialog');
    const day = clinicDayOf(daysAgo(6));
    await dialog.locator('input[type="date"]').fill(day);
    await field(page, 'Denial reason (CARC code)').fill('CO-96');
    await field(dialog, /^Why/).fill('The payer letter is dated two days later and cites CO-96.');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await dialog.waitFor({ state: 'detached' });

    const values = entry.getByTestId('corrected-value');
    await values.filter({ hasText: 'Denial code:' }).waitFor();
    expect(await values.filter({ hasText: 'Denial code:' }).locator('s').textContent()).toBe('CO-50');
    expect(await values.filter({ hasText: 'Denial code:' }).textContent()).toMatch(/CO-96$/);
    await values.filter({ hasText: 'Date:' }).waitFor();
    await entry.getByText(/^Corrected by Morgan Manager on .*: The payer letter is dated two days later/).waitFor();

    const saved = await frontDesk('GET', `/api/cases/${caseId}`);
    expect(saved).toMatchObject({ status: 'denied', denialCode: 'CO-96' });
    expect(clinicDayOf(saved.deniedAt as string)).toBe(day);
    await saveScreenshot(page, 'corrections-manager');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the front desk files the payer's multi-page fax; the case lists it as a PDF download", async () => {
    const page1 = sharp({ create: { width: 170, height: 220, channels: 3, background: '#f4f4f4' } })
      .png()
      .toBuffer();
    const page2 = sharp({ create: { width: 170, height: 220, channels: 3, background: '#dddddd' } })
      .png()
      .toBuffer();
    const fax = await sharp(await Promise.all([page1, page2]), { join: { animated: true } })
      .tiff()
      .toBuffer();
    const { page, errors } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(page);
    const section = page.getByTestId('payer-documents');
    await section.getByText('None filed yet.').waitFor();
    await section
      .locator('input[type="file"]')
      .setInputFiles({ name: 'FAX0042.tif', mimeType: 'image/tiff', buffer: fax });
    await section.getByRole('button', { name: 'File document' }).click();
    const link = section.getByRole('link', { name: 'FAX0042.pdf' });
    await link.waitFor();
    await section.getByText(/^2 pages · from a fax image · filed by Fran Desk$/).waitFor();
    const download = await page.request.get(new URL((await link.getAttribute('href')) ?? '', page.url()).toString());
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="FAX0042.pdf"/);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'payer-documents');

    // The next step can name the fax as its evidence.
    await page.getByRole('button', { name: 'Request peer-to-peer' }).click();
    const dialog = page.getByRole('dialog');
    await field(page, "Payer's letter or fax (evidence)").click();
    await page.getByRole('option', { name: /^Denial, received .* \(FAX0042\.pdf\)$/ }).click();
    await dialog.getByRole('button', { name: 'Request peer-to-peer' }).click();
    await page.getByTestId('case-status').getByText('Peer-to-peer').waitFor();
    const steps = (await (await apiAs('frontdesk@demo.clinic'))('GET', `/api/cases/${caseId}`)).events as {
      toStatus: string | null;
      data: Record<string, unknown>;
    }[];
    expect(steps.find((e) => e.toStatus === 'peer_to_peer')?.data.documentId).toEqual(expect.any(String));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
