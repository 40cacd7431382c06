import { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { readyCaseBody } from '../../../tools/fixtures/ready-case-body';
import { answering, inquiryAnswering, PayerDouble, startPayerDouble } from '../../../tools/pas/payer-double';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { useOwnApp } from './support/own-app';
import { apiAs, openPage, signIn, scrollThroughCase } from './support/session';

/**
 * The guide's approval authorizes 2005-05-02 to 2005-06-02. On the app the other journeys share,
 * an authorization that ran out in 2005 would head their worklist's overdue group (and be expired
 * by the background job): this payer answers with the same month starting today.
 */
function validFromToday(answer: (request: Record<string, unknown>) => Record<string, unknown>) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return (request: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(answer(request)).replaceAll('2005-05-02', day(0)).replaceAll('2005-06-02', day(31)),
    ) as Record<string, unknown>;
}

jest.setTimeout(120_000);

// An app of its own whose Claim/$inquire polls come 3 s apart, so a pended request is decided by
// the polling job while the journey watches; the shared app keeps the real schedule.
useOwnApp('e2e-pas-send', { PAS_INQUIRY_BACKOFF_MINUTES: '0.05' });

const PAYER_NAME = 'Pine Tree Electronic Health';

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A documented case of `payerId` that passes the readiness checklist (a photo file, a clinical note). */
async function readyCase(physician: Api, payerId: string, patientIndex: number): Promise<string> {
  const patients = (await physician('GET', '/api/patients')) as unknown as { id: string }[];
  const providers = (await physician('GET', '/api/providers')) as unknown as { id: string }[];
  const created = await physician(
    'POST',
    '/api/cases',
    readyCaseBody({ patientId: patients[patientIndex].id, payerId, providerId: providers[0].id }),
  );
  const id = created.id as string;
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 180, g: 90, b: 90 } } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('bodySite', 'Behind the left ear');
  form.append('lesionCount', '6');
  form.append('takenAt', '2026-11-02');
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'ear.jpg');
  await physician('POST', `/api/cases/${id}/photos`, form);
  await physician('POST', `/api/cases/${id}/notes`, {
    kind: 'clinical_note',
    text: 'Milia behind both ears, itching for 30 weeks.',
  });
  return id;
}

describe('the front desk sends a case electronically (Da Vinci PAS)', () => {
  let payer: PayerDouble;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const cases: string[] = [];

  beforeAll(async () => {
    payer = await startPayerDouble();
    const manager = await apiAs('manager@demo.clinic');
    // A payer of its own, so the other journeys' demo cases are not sent anywhere.
    const created = await manager('POST', '/api/payers', {
      name: PAYER_NAME,
      payerCode: 'PTEH1',
      planType: 'medicare_advantage',
    });
    const physician = await apiAs('physician@demo.clinic');
    cases.push(
      await readyCase(physician, created.id as string, 0),
      await readyCase(physician, created.id as string, 1),
    );
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser));
    await signIn(page, 'frontdesk@demo.clinic');
  });

  afterAll(async () => {
    await browser?.close();
    await payer?.close();
  });

  it("a manager sets the payer's electronic endpoint in Settings → Payers; the key is never shown back", async () => {
    const { page: settings, errors: settingsErrors } = await openPage(browser);
    await signIn(settings, 'manager@demo.clinic');
    await settings.goto(`${baseUrl()}/settings/payers`);
    const open = () => settings.getByRole('button', { name: `Electronic (PAS) endpoint of ${PAYER_NAME}` }).click();
    await open();
    const form = settings.getByTestId('pas-endpoint-form');
    await form.getByLabel('FHIR base URL').fill('http://payer.example/fhir');
    await form.getByLabel('Token URL').fill(payer.tokenUrl);
    await form.getByLabel('Client id').fill(payer.clientId);
    await form.getByLabel('Key id (kid)').fill(payer.keyId);
    await form.getByRole('button', { name: 'Save the endpoint' }).click();
    // Credentials never travel in clear to another machine; a key is needed the first time.
    await form.getByText('Enter an https:// address.').waitFor();
    await form.getByText(/Paste or load the RSA private key/).waitFor();
    await form.getByLabel('FHIR base URL').fill(payer.baseUrl);
    await form.getByLabel('Private key').fill(payer.privateKeyPem);
    await saveScreenshot(settings, 'pas-endpoint-form');
    await form.getByRole('button', { name: 'Save the endpoint' }).click();
    await form.waitFor({ state: 'detached' });

    await open();
    await form.getByText('A private key is stored').waitFor();
    expect(await form.getByLabel('FHIR base URL').inputValue()).toBe(payer.baseUrl);
    expect(await form.getByLabel('Client id').inputValue()).toBe(payer.clientId);
    expect(await form.getByLabel('Replace the private key').inputValue()).toBe('');
    const keyBody = payer.privateKeyPem.split('\n')[1];
    expect(await settings.content()).not.toContain(keyBody);
    await saveScreenshot(settings, 'pas-endpoint-stored');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(settingsErrors).toEqual([]);
    await settings.close();
  });

  it('sends a ready case and sees it approved at once, with the authorization number', async () => {
    payer.replies.push({
      kind: 'answer',
      body: validFromToday(answering('ReferralAuthorizationResponseBundleExample')),
    });
    await page.goto(`${baseUrl()}/cases/${cases[0]}`);
    await scrollThroughCase(page);
    const section = page.getByTestId('electronic-submission');
    await page.getByTestId('readiness-checklist').getByText('Ready to submit').waitFor();
    await saveScreenshot(page, 'pas-send-ready');
    await section.getByTestId('send-electronically').click();
    const answer = section.locator('[data-testid="payer-answer"][data-tone="approved"]');
    await answer.getByText('Authorization number: AUTH0001').waitFor();
    await page.getByTestId('case-status').getByText('Approved').waitFor();
    await section
      .locator('[data-testid="fhir-exchange"][data-kind="submit"]')
      .getByText(/HTTP 200/)
      .waitFor();
    await section
      .locator('[data-testid="fhir-exchange"][data-kind="decision"]')
      .getByText('Decision: approved')
      .waitFor();
    expect(payer.received).toHaveLength(1);
    await saveScreenshot(page, 'pas-send-approved');
    expect(errors).toEqual([]);
  });

  it('sends a ready case the payer pends, then sees it approved by the polling job (on a phone)', async () => {
    payer.replies.push({ kind: 'answer', body: answering('ReferralPendingAuthorizationResponseBundleExample') });
    // What the payer says when Preauth asks again (Claim/$inquire), a few seconds later.
    payer.inquireReplies.push({
      kind: 'answer',
      body: validFromToday(inquiryAnswering('PASClaimInquiryOperationResponseExample', () => payer.received)),
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/cases/${cases[1]}`);
    await scrollThroughCase(page);
    const section = page.getByTestId('electronic-submission');
    await section.getByTestId('send-electronically').click();
    const answer = section.locator('[data-testid="payer-answer"][data-tone="pended"]');
    await answer.getByText(/^Pended/).waitFor();
    await answer.getByText(/case is submitted/).waitFor();
    await page.getByTestId('case-status').getByText('Submitted').waitFor();
    await answer.getByText(/asks the payer again by itself/).waitFor();
    expect(payer.received).toHaveLength(2);
    await saveScreenshot(page, 'pas-send-pended-phone');

    // The background job asks the payer; whoever opens the case next sees the decision.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.reload();
      const status = page.getByTestId('case-status');
      await status.waitFor();
      if ((await status.textContent())?.includes('Approved')) break;
      if (Date.now() > deadline) throw new Error('The polling job did not record the decision within a minute.');
      await page.waitForTimeout(2_000);
    }
    const log = page.getByTestId('electronic-submission');
    await log
      .locator('[data-testid="fhir-exchange"][data-kind="inquire"]')
      .getByText(/HTTP 200/)
      .waitFor();
    await log.locator('[data-testid="fhir-exchange"][data-kind="decision"]').getByText('Decision: approved').waitFor();
    expect(payer.inquiries).toHaveLength(1);
    await saveScreenshot(page, 'pas-send-approved-by-inquiry-phone');
    expect(errors).toEqual([]);
  });
});
