import { Browser, Page } from 'playwright-core';
import { parsePdf } from '../../../tools/pdf/parse-pdf';
import { seriousViolations } from './support/axe';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { createSubmittedCase, daysAgo } from './support/cases';
import { apiAs, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(150_000);

// A case of the journey's own, submitted and denied as not medically necessary (CO-50).
async function deniedCase(): Promise<string> {
  const { id, version } = await createSubmittedCase(
    { mrnPrefix: 'MRN-SELFPAY', firstName: 'Sally', lastName: 'Paywell', dateOfBirth: '1971-05-02' },
    { bodySite: 'Both cheeks', lesionCount: 12, noteText: 'Milia on both cheeks.' },
  );
  const frontDesk = await apiAs('frontdesk@demo.clinic');
  await frontDesk(
    'POST',
    `/api/cases/${id}/transitions`,
    { to: 'denied', denialCode: 'CO-50', occurredAt: daysAgo(3) },
    { 'if-match': String(version) },
  );
  return id;
}

// A signature drawn with the mouse: three loops across the pad, as a hand would.
async function drawSignature(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('The signature pad is not on screen.');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i += 1) {
    const x = box.x + 30 + i * ((box.width - 60) / 60);
    await page.mouse.move(x, y + Math.sin(i / 3) * (box.height / 3), { steps: 2 });
  }
  await page.mouse.up();
}

describe('self-pay: a CO-50 denial becomes self-pay and the patient signs the waiver on a tablet', () => {
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    caseId = await deniedCase();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('records the estimate, takes the drawn signature and keeps the signed PDF with the case', async () => {
    const desk = await openPage(browser);
    await signIn(desk.page, 'frontdesk@demo.clinic');
    await desk.page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(desk.page);
    await desk.page.getByTestId('case-status').getByText('Denied').waitFor();

    await desk.page.getByTestId('action-accept_denial').click();
    const dialog = desk.page.getByRole('dialog');
    await field(dialog, /^The decision/).fill(
      'Criteria not met per payer; the patient declines to appeal and will pay.',
    );
    await field(dialog, /^Estimate \(USD\)/).fill('450');
    await field(dialog, /^What the estimate covers/).fill('Destruction of 12 milia, both cheeks (17110)');
    await dialog.getByLabel(/The patient declines to appeal/).check();
    await saveScreenshot(desk.page, 'self-pay-convert');
    await dialog.getByRole('button', { name: 'Self-pay: CO-50 denial final' }).click();
    await dialog.waitFor({ state: 'detached' });
    await desk.page.getByTestId('case-status').getByText('Self-pay').waitFor();
    await desk.page.getByTestId('self-pay-amount').getByText('$450.00').waitFor();
    await desk.page.getByTestId('open-waiver').waitFor();

    // The clinic's tablet, held by the patient: portrait, 820 × 1180.
    const tablet = await openPage(browser, 820, 1180);
    await signIn(tablet.page, 'frontdesk@demo.clinic');
    await tablet.page.goto(`${baseUrl()}/cases/${caseId}/waiver`);
    await tablet.page.getByTestId('waiver-amount').getByText('$450.00').waitFor();
    await tablet.page.getByText(/form CMS-R-131/).waitFor();
    expect(await seriousViolations(tablet.page)).toEqual([]);
    // Nothing drawn yet: the page asks for the signature and sends nothing.
    await tablet.page.getByRole('button', { name: 'I agree and sign' }).click();
    await tablet.page.getByText('Please sign inside the box.').waitFor();
    await drawSignature(tablet.page);
    await field(tablet.page, /^Your name, printed/).fill('Sally Paywell');
    await saveScreenshot(tablet.page, 'self-pay-tablet-signing');
    await tablet.page.getByRole('button', { name: 'I agree and sign' }).click();
    await tablet.page.getByTestId('waiver-done').getByText('Thank you, Sally Paywell.').waitFor();
    await saveScreenshot(tablet.page, 'self-pay-tablet-done');
    expect(tablet.errors).toEqual([]);
    await tablet.page.context().close();

    await desk.page.reload();
    const signed = desk.page.getByTestId('waiver-signed');
    await signed.getByText(/^Signed by Sally Paywell on /).waitFor();
    await desk.page.getByTestId('case-timeline').getByText('Waiver signed').waitFor();
    const link = desk.page.getByTestId('waiver-download');
    const [download] = await Promise.all([desk.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^financial-waiver-.+\.pdf$/);
    const response = await desk.page.request.get(`${baseUrl()}${await link.getAttribute('href')}`);
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    const pdf = parsePdf(await response.body());
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('financial responsibility waiver');
    expect(text).toContain('Estimated cost to me: $450.00 (USD).');
    expect(text).toContain('Printed name: Sally Paywell');
    expect(text).toContain('form CMS-R-131');
    expect(pdf.imagesPerPage).toEqual([1]);
    await saveScreenshot(desk.page, 'self-pay-case-signed');
    expect(desk.errors).toEqual([]);
    await desk.page.context().close();
  });
});
