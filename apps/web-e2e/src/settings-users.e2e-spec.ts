import { Browser, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { createReadyUser, totpCode } from './support/accounts';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

describe('accounts without a shell', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('an admin adds a front-desk user, who signs in with the one-time password and must choose their own', async () => {
    const { page: adminPage, errors } = await openPage(browser);
    await signIn(adminPage, 'admin@demo.clinic');
    await adminPage.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await adminPage.waitForURL(/\/settings\/users$/);
    await adminPage.getByTestId('user-row').first().waitFor();
    // The rules are on the page before anything is refused.
    await adminPage.getByText('There is always at least one active admin').waitFor();

    const email = `new.hire.${randomBytes(3).toString('hex')}@e2e.clinic`;
    await adminPage.getByRole('button', { name: 'Add user' }).click();
    const dialog = adminPage.getByRole('dialog');
    await field(dialog, /^Email/).fill(email);
    await field(dialog, /^Name/).fill('Nell Newhire');
    await dialog.getByRole('checkbox', { name: /^Front desk/ }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const oneTime = (await dialog.getByTestId('one-time-password').textContent())!.trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await saveScreenshot(adminPage, 'admin-user-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = adminPage.getByTestId('user-row').filter({ hasText: email });
    await row.getByText('Has a one-time password').waitFor();
    await adminPage.context().close();

    const { page, errors: hireErrors } = await openPage(browser);
    await signIn(page, email, oneTime);
    // Sent to the account page, and kept there: nothing else works until the password is theirs.
    await page.waitForURL(/\/account$/);
    await page.getByText('Choose your own password', { exact: true }).waitFor();
    await page.goto(`${baseUrl()}/worklist`);
    await page.waitForURL(/\/account$/);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Worklist' }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'first-sign-in-change-password');

    await field(page, /^One-time password/).fill(oneTime);
    await field(page, /^New password/).fill('short');
    await field(page, /^Repeat the new password/).fill('short');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    const mine = 'nell-chooses-a-long-passphrase';
    await field(page, /^New password/).fill(mine);
    await field(page, /^Repeat the new password/).fill(mine);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Worklist' }).click();
    await page.waitForURL(/\/worklist$/);
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();

    // The one-time password is spent; the new one works.
    await signOut(page);
    await field(page, /^Email/).fill(email);
    await field(page, /^Password/).fill(oneTime);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await signIn(page, email, mine);
    await page.waitForURL(/\/worklist$/);
    expect([...errors, ...hireErrors]).toEqual([]);
  });

  it('a physician enrols in two-factor sign-in from the account page, then signs in with a code', async () => {
    const user = await createReadyUser(['physician'], 'Dr Tess Totp');
    const { page, errors } = await openPage(browser);
    await signIn(page, user.email, user.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await saveScreenshot(page, 'account-totp-setup');

    const enabledAt = Date.now();
    await field(page, /^6-digit code/).fill(totpCode(secret, enabledAt));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = (await page.getByTestId('recovery-codes').innerText()).split(/\s+/).filter(Boolean);
    expect(codes).toHaveLength(10);
    await saveScreenshot(page, 'account-recovery-codes');
    await page.getByRole('button', { name: 'I saved them' }).click();
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).waitFor();
    await page.getByText('10 unused recovery codes left.').waitFor();

    await signOut(page);
    await field(page, /^Email/).fill(user.email);
    await field(page, /^Password/).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The code that turned it on cannot be replayed; the next step's code (within the drift window) signs in.
    await field(page, /^Authenticator code/).fill(totpCode(secret, enabledAt + 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/my-cases$/);

    // A recovery code stands in for a lost phone, once.
    await signOut(page);
    await field(page, /^Email/).fill(user.email);
    await field(page, /^Password/).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await field(page, /^Authenticator code/).fill(codes[0]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/my-cases$/);
    // Not linked to a provider record yet: the home page says so.
    await page.getByText('Your account is not linked to a physician record').waitFor();
    expect(errors).toEqual([]);
  });
  it('an admin invites a user by link; the invitee chooses a password against the policy, once, and signs in', async () => {
    const { page: adminPage, errors } = await openPage(browser);
    await signIn(adminPage, 'admin@demo.clinic');
    await adminPage.goto(`${baseUrl()}/settings/users`);
    await adminPage.getByTestId('user-row').first().waitFor();
    const email = `invited.${randomBytes(3).toString('hex')}@e2e.clinic`;
    await adminPage.getByRole('button', { name: 'Add user' }).click();
    const dialog = adminPage.getByRole('dialog');
    await field(dialog, /^Email/).fill(email);
    await field(dialog, /^Name/).fill('Ivy Invitee');
    await dialog.getByRole('radio', { name: /^Invitation link/ }).check();
    await dialog.getByRole('checkbox', { name: /^Front desk/ }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const link = (await dialog.getByTestId('invitation-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${baseUrl()}/invitation#[A-Za-z0-9_-]{43}$`));
    await saveScreenshot(adminPage, 'admin-user-invited');
    await adminPage.context().close();

    const { page, errors: inviteeErrors } = await openPage(browser);
    await page.goto(link);
    await page.getByText(`Welcome, Ivy Invitee.`).waitFor();
    // The token leaves the address bar (and the history) once read.
    expect(page.url()).toBe(`${baseUrl()}/invitation`);
    await field(page, /^New password/).fill('short');
    await field(page, /^Repeat the password/).fill('short');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    const mine = 'ivy-chooses-a-long-passphrase';
    await field(page, /^New password/).fill(mine);
    await field(page, /^Repeat the password/).fill(mine);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Your password is set').waitFor();
    await saveScreenshot(page, 'invitee-password-set');

    // Single use: the same link again is refused.
    const { page: again } = await openPage(browser);
    await again.goto(link);
    await again.getByText('This invitation link is not valid').waitFor();
    await again.context().close();

    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await signIn(page, email, mine);
    await page.waitForURL(/\/worklist$/);
    expect([...errors, ...inviteeErrors]).toEqual([]);
  });

  it('lists the users as cards on a phone, without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, 390, 844);
    await signIn(page, 'admin@demo.clinic');
    await page.goto(`${baseUrl()}/settings/users`);
    await page.getByTestId('user-card').first().waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(0);
    await page.getByTestId('user-card').filter({ hasText: 'admin@demo.clinic' }).getByText('(you)').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'admin-users-phone');
    expect(errors).toEqual([]);
  });
});
