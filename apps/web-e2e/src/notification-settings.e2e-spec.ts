import { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchBrowser, saveScreenshot } from './support/browser';
import { useOwnApp } from './support/own-app';
import { apiAs, chooseOption, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

// The lead times and digest hour are clinic-wide: changed on the shared app they would move the
// warnings the other journeys' users see.
useOwnApp('e2e-notification-settings');

describe('a manager sets when clock warnings and the digest go out', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the server refusing a lead as long as the clock, then saves new leads and hour', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
    const days = field(page, /^Warn before a day clock/);
    await days.waitFor();
    expect(await days.inputValue()).toBe('3, 1');
    expect(await field(page, /^Warn before an hour clock/).inputValue()).toBe('24, 4');
    // Off the navigation link just clicked: its hover colour is not what is scanned.
    await page.mouse.move(640, 5);
    expect(await seriousViolations(page)).toEqual([]);

    await days.fill('7, 1');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText(/must be shorter than the shortest clock of this kind \(7 days\)/).waitFor();

    await days.fill('5, 2');
    await chooseOption(page, /^Daily email digest at/, '09:00');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Notification settings saved.').waitFor();
    await saveScreenshot(page, 'manager-notification-settings');

    const saved = await (await apiAs('manager@demo.clinic'))('GET', '/api/notification-settings');
    expect(saved).toMatchObject({ dayClockLeadDays: [5, 2], hourClockLeadHours: [24, 4], digestHour: 9 });
    expect(errors).toEqual([]);
  });
});
