import { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { clinicDay, createSubmittedCase } from './support/cases';
import { apiAs, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(120_000);

describe('the approved procedure, from booking to completed', () => {
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const submitted = await createSubmittedCase(
      { mrnPrefix: 'MRN-PROC', firstName: 'Polly', lastName: 'Cedure', dateOfBirth: '1968-03-14' },
      {
        bodySite: 'Behind both ears',
        lesionCount: 9,
        noteText: 'Milia en plaque behind both ears, itching and burning for 30 weeks.',
      },
    );
    caseId = submitted.id;
    const frontDesk = await apiAs('frontdesk@demo.clinic');
    await frontDesk(
      'POST',
      `/api/cases/${caseId}/transitions`,
      { to: 'approved', authorizationNumber: 'AUTH-PROC-1', validFrom: clinicDay(-5), validTo: clinicDay(60) },
      { 'if-match': String(submitted.version) },
    );
  });

  afterAll(async () => {
    await browser.close();
  });

  it('the front desk schedules the procedure; the physician records it and the case is completed', async () => {
    const desk = await openPage(browser);
    await signIn(desk.page, 'frontdesk@demo.clinic');
    await desk.page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(desk.page);
    const section = desk.page.getByRole('region', { name: 'Procedure' });
    await section.getByTestId('procedure-units-used').getByText('0 of 1 approved unit used').waitFor();
    await section.getByTestId('procedure-scheduled').getByText('not yet').waitFor();
    await field(section, 'Scheduled for').fill(clinicDay(7));
    await section.getByRole('button', { name: 'Schedule' }).click();
    await section.getByRole('button', { name: 'Reschedule' }).waitFor();
    await desk.page.getByTestId('case-timeline').getByText('Procedure scheduled').waitFor();
    await saveScreenshot(desk.page, 'procedures-scheduled');
    expect(desk.errors).toEqual([]);
    await desk.page.context().close();

    // The physician, on a phone, records the procedure done today with the one approved unit.
    const doctor = await openPage(browser, 390, 844);
    await signIn(doctor.page, 'physician@demo.clinic');
    await doctor.page.goto(`${baseUrl()}/cases/${caseId}`);
    await scrollThroughCase(doctor.page);
    const mine = doctor.page.getByRole('region', { name: 'Procedure' });
    await mine.getByRole('button', { name: 'Record' }).click();
    await doctor.page.getByTestId('case-status').getByText('Completed').waitFor();
    await mine.getByTestId('procedure-units-used').getByText('1 of 1 approved unit used').waitFor();
    expect(await mine.getByTestId('procedure-performed').locator('tbody tr').count()).toBe(1);
    // Closed: nothing more to record.
    expect(await mine.getByRole('button', { name: 'Record' }).count()).toBe(0);
    await saveScreenshot(doctor.page, 'procedures-completed-phone');
    expect(doctor.errors).toEqual([]);
    await doctor.page.context().close();
  });
});
