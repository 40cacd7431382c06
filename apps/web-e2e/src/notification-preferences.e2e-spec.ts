import { Browser } from 'playwright-core';
import { createReadyUser } from './support/accounts';
import { seriousViolations } from './support/axe';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiAs, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

describe('email notification choices and background jobs', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('a user turns one kind of email off on their account page, and it stays off', async () => {
    const user = await createReadyUser(['front_desk'], 'Fran Prefs');
    const { page, errors } = await openPage(browser);
    await signIn(page, user.email, user.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Email notifications' }).waitFor();
    const taskSwitch = page.getByRole('switch', { name: 'A task for you' });
    expect(await taskSwitch.isChecked()).toBe(true);
    await page.getByText(/daily digest at 07:00 \(America\/New_York\)/).waitFor();
    // Off the navigation link just clicked: its hover colour is not what is scanned.
    await page.mouse.move(640, 5);
    expect(await seriousViolations(page)).toEqual([]);

    await taskSwitch.click({ force: true });
    await page.getByText('A task for you: in Preauth only.').waitFor();
    await saveScreenshot(page, 'account-email-notifications');

    await page.reload();
    await page.getByRole('heading', { name: 'Email notifications' }).waitFor();
    await page.getByRole('switch', { name: 'A deadline on your case is near' }).waitFor();
    expect(await page.getByRole('switch', { name: 'A task for you' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'A deadline on your case is near' }).isChecked()).toBe(true);
    const saved = await (await apiAs(user.email, user.password))('GET', '/api/notifications/preferences');
    expect(saved.email).toMatchObject({ task_assigned: false, clock_warning: true });
    expect(errors).toEqual([]);
  });

  it('an admin sees each scheduled job with its latest runs and when it is next due', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'admin@demo.clinic');
    await page.getByRole('navigation').getByRole('link', { name: 'Background jobs' }).click();
    await page.getByRole('heading', { name: 'Background jobs', level: 2 }).waitFor();
    for (const name of ['approval-expiry', 'clock-warnings', 'notification-digest', 'photo-sweep']) {
      await page.getByTestId(`job-${name}`).getByRole('heading', { name }).waitFor();
    }
    // The app sends every job's due moment as it starts: the sweep has run at least once.
    const sweep = page.getByTestId('job-photo-sweep');
    await sweep.getByText(/Runs every \d+ minutes; next due/).waitFor();
    await sweep.getByRole('table', { name: 'Latest runs of photo-sweep' }).getByText('Done').first().waitFor();
    await page.getByRole('heading', { name: 'Failures' }).waitFor();
    await saveScreenshot(page, 'admin-background-jobs');
    expect(errors).toEqual([]);
  });
});
