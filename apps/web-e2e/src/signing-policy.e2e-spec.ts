import { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { useOwnApp } from './support/own-app';
import { apiAs, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(120_000);

// The policy is clinic-wide: on the shared app it would stop the other journeys' colleagues signing.
useOwnApp('e2e-signing-policy');

describe('a clinic where only the ordering physician signs', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it("tells a physician before signing that a colleague's case is not theirs to sign", async () => {
    // A case ordered by Samuel Okafor, MD, with a drafted letter; the demo physician is Dana Whitfield, MD.
    const physicianApi = await apiAs('physician@demo.clinic');
    const payers = (await physicianApi('GET', '/api/payers')) as unknown as { id: string }[];
    const providers = (await physicianApi('GET', '/api/providers')) as unknown as { id: string; npi: string }[];
    const okafor = providers.find((p) => p.npi === '1245319599')!;
    const patient = await physicianApi('POST', '/api/patients', {
      mrn: `SIGN-${Date.now()}`,
      firstName: 'Ruth',
      lastName: 'Signpolicy',
      dateOfBirth: '1971-03-04',
      sex: 'female',
    });
    const created = await physicianApi('POST', '/api/cases', {
      patientId: patient.id,
      payerId: payers[0].id,
      providerId: okafor.id,
      procedureLines: [{ cpt: '17110', units: 1, bodySite: 'Behind the left ear', lesionCount: 4 }],
      diagnoses: ['L72.0'],
    });
    await physicianApi('POST', `/api/cases/${String(created.id)}/letters`, { kind: 'medical_necessity' });

    const { page: adminPage } = await openPage(browser);
    await signIn(adminPage, 'admin@demo.clinic');
    await adminPage.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    await adminPage.getByText('Off: any physician may sign.').waitFor();
    await adminPage.getByRole('switch', { name: /Only the ordering physician signs/ }).check();
    await adminPage.getByRole('button', { name: 'Save signing policy' }).click();
    await adminPage.getByText('On: only the ordering physician signs.').waitFor();
    await saveScreenshot(adminPage, 'admin-signing-policy');

    const { page, errors } = await openPage(browser);
    await signIn(page, 'physician@demo.clinic');
    await page.goto(`${baseUrl()}/cases/${String(created.id)}`);
    await scrollThroughCase(page);
    const letter = page.getByTestId('letters-section').locator('[data-testid="letter"][data-status="draft"]');
    await letter.getByRole('button', { name: 'Sign…' }).click();
    const dialog = page.getByRole('dialog');
    const refusal = dialog.getByTestId('signer-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'The clinic\'s policy "only the ordering physician signs" is on: only Samuel Okafor, MD (NPI 1245319599), the ordering physician of this case, may sign its letters.',
    );
    expect(await dialog.getByRole('button', { name: 'Sign letter' }).isEnabled()).toBe(false);
    await saveScreenshot(page, 'physician-signing-refused-by-policy');
    expect(errors).toEqual([]);
  });
});
