import { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { clinicDay } from './support/cases';
import { apiAs, chooseOption, createOwnCase, field, openPage, signIn, scrollThroughCase } from './support/session';

jest.setTimeout(120_000);

const unreadOf = async (email: string) =>
  ((await (await apiAs(email))('GET', '/api/notifications')) as { unreadCount: number }).unreadCount;

/** The bell's count as the header shows it (its label says how many are unread). */
async function bellCount(page: Page): Promise<number> {
  const label = await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label');
  const match = /(\d+) unread/.exec(label ?? '');
  return match ? Number(match[1]) : 0;
}

describe('hand-offs: the front desk assigns a case and asks the physician for documentation', () => {
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A case of its own, created by the front desk, which therefore owns it.
    caseId = await createOwnCase(
      'frontdesk@demo.clinic',
      {
        mrn: `MRN-HANDOFF-${Date.now()}`,
        firstName: 'Hollis',
        lastName: 'Handoffson',
        dateOfBirth: '1969-04-12',
        sex: 'male',
      },
      { bodySite: 'Left forearm', lesionCount: 4, urgency: 'expedited' },
    );
  });

  afterAll(async () => {
    await browser.close();
  });

  it('the physician sees the bell count and the task, marks it done, and the front desk is told', async () => {
    const physicianUnread = await unreadOf('physician@demo.clinic');
    const desk = await openPage(browser);
    await signIn(desk.page, 'frontdesk@demo.clinic');
    await desk.page.goto(`${new URL(desk.page.url()).origin}/cases/${caseId}`);
    await scrollThroughCase(desk.page);
    await desk.page.getByTestId('case-owner').getByText('Fran Desk').waitFor();

    // Ask first (the owner may), then hand the case over.
    await desk.page.getByRole('button', { name: 'Ask someone for something' }).click();
    await chooseOption(desk.page, /^From/, 'Dr. Dana Whitfield');
    await desk.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await desk.page.getByTestId('case-task').getByText('Document findings and photos').waitFor();
    await chooseOption(desk.page, /^Assign to/, 'Dr. Dana Whitfield');
    await desk.page.getByTestId('case-owner').getByText('Dr. Dana Whitfield').waitFor();
    await saveScreenshot(desk.page, 'handoff-front-desk-asks');

    const doctor = await openPage(browser);
    await signIn(doctor.page, 'physician@demo.clinic');
    await doctor.page.goto(`${new URL(doctor.page.url()).origin}/worklist`);
    // At least the two of this case: journeys running beside this one assign the demo physician
    // cases of their own, so the count may have grown by more.
    await doctor.page.waitForFunction(
      (n) =>
        Number(
          /(\d+) unread/.exec(
            document.querySelector('[aria-label^="Notifications"]')?.getAttribute('aria-label') ?? '',
          )?.[1] ?? 0,
        ) >= n,
      physicianUnread + 2,
    );
    expect(await bellCount(doctor.page)).toBeGreaterThanOrEqual(physicianUnread + 2);
    const mine = (await (
      await apiAs('physician@demo.clinic')
    )('GET', '/api/notifications')) as {
      items: { kind: string; caseId: string | null; readAt: string | null }[];
    };
    const unreadHere = mine.items.filter((item) => item.caseId === caseId && !item.readAt).map((item) => item.kind);
    expect(unreadHere.sort()).toEqual(['case_assigned', 'task_assigned']);
    await doctor.page.getByTestId('my-tasks').getByText('Document findings and photos').first().waitFor();
    await saveScreenshot(doctor.page, 'handoff-physician-worklist');

    const deskUnread = await bellCount(desk.page);
    await doctor.page.getByRole('button', { name: /^Notifications/ }).click();
    await doctor.page.getByTestId('notification').filter({ hasText: 'Task for you' }).first().click();
    await doctor.page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await scrollThroughCase(doctor.page);
    await saveScreenshot(doctor.page, 'handoff-physician-bell');
    const task = doctor.page.getByTestId('case-task').filter({ hasText: 'Document findings and photos' });
    await task.getByRole('button', { name: 'Mark done' }).click();
    await task.getByText('done', { exact: true }).waitFor();

    // The front desk's bell counts the done task (it asks again on reload).
    await desk.page.reload();
    await desk.page.getByRole('button', { name: /^Notifications/ }).waitFor();
    await desk.page.waitForFunction(
      (n) =>
        Number(
          /(\d+) unread/.exec(
            document.querySelector('[aria-label^="Notifications"]')?.getAttribute('aria-label') ?? '',
          )?.[1] ?? 0,
        ) >= n,
      deskUnread + 1,
    );
    await desk.page.getByRole('button', { name: /^Notifications/ }).click();
    await desk.page.getByTestId('notification').filter({ hasText: 'Done on' }).first().waitFor();
    await saveScreenshot(desk.page, 'handoff-front-desk-told');

    const phone = await openPage(browser, 390, 844);
    await signIn(phone.page, 'physician@demo.clinic');
    await phone.page.goto(`${new URL(phone.page.url()).origin}/cases/${caseId}`);
    await scrollThroughCase(phone.page);
    await phone.page.getByTestId('case-owner').getByText('Dr. Dana Whitfield').waitFor();
    await saveScreenshot(phone.page, 'handoff-case-phone');
    expect([...desk.errors, ...doctor.errors, ...phone.errors]).toEqual([]);
  });

  it('a payer call is logged with its fields, and its follow-up shows on the worklist when due', async () => {
    const today = clinicDay(0);
    const desk = await openPage(browser);
    await signIn(desk.page, 'frontdesk@demo.clinic');
    await desk.page.goto(`${new URL(desk.page.url()).origin}/cases/${caseId}`);
    await scrollThroughCase(desk.page);
    await desk.page.getByRole('button', { name: 'Log a payer call' }).click();
    await field(desk.page, /^Representative/).fill('Jamie at the payer');
    await field(desk.page, /^Call reference number/).fill('REF-4471');
    await field(desk.page, /^What was said/).fill('In clinical review; call back today.');
    await chooseOption(desk.page, /^Outcome/, 'Call back later');
    await field(desk.page, /^Next follow-up/).fill(today);
    await desk.page.getByRole('button', { name: 'Log the call' }).click();
    await desk.page.getByTestId('case-follow-up').getByText('Call the payer again').waitFor();
    await desk.page.getByText('Call reference: REF-4471').waitFor();

    await desk.page.goto(`${new URL(desk.page.url()).origin}/worklist`);
    await desk.page.getByTestId('follow-ups-due').getByText('Handoffson', { exact: false }).first().waitFor();
    await saveScreenshot(desk.page, 'follow-ups-due-worklist');
    expect(desk.errors).toEqual([]);
  });
});
