import { computeNpiCheckDigit, PLAN_TYPE_LABELS, type PlanType } from '@preauth/domain';
import { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, launchBrowser, saveScreenshot } from './support/browser';
import { useOwnApp } from './support/own-app';
import { apiAs, chooseOption, field, openPage, signIn } from './support/session';

jest.setTimeout(120_000);

const DAY = 86_400_000;

// A deadline-rule change moves the due dates of every open case of its plan type: on the shared
// app the worklist journeys running at the same time would see their clocks jump.
useOwnApp('e2e-settings');

interface CaseRow {
  id: string;
  caseNumber: string;
  urgency: string;
  payer: { planType: PlanType };
  currentClock: { kind: string; dueAt: string } | null;
}

describe('a manager runs the clinic settings from the dashboard', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('previews a deadline-rule change, saves it, sees an open case move, then finds it in the audit log and verifies the chain', async () => {
    const api = await apiAs('manager@demo.clinic');
    const list = (await api('GET', '/api/cases?status=submitted&limit=100')) as unknown as { items: CaseRow[] };
    const rules = (await api('GET', '/api/deadline-rules')) as unknown as Record<string, unknown>[];
    const target = list.items.find(
      (c) =>
        c.urgency === 'standard' &&
        c.currentClock?.kind === 'payer_decision' &&
        Number(rules.find((r) => r.planType === c.payer.planType)?.decisionStandardDays) > 2,
    );
    if (!target?.currentClock) throw new Error('The demo data has no submitted standard case to move.');
    const original = rules.find((r) => r.planType === target.payer.planType)!;
    const days = Number(original.decisionStandardDays);
    const dueBefore = Date.parse(target.currentClock.dueAt);

    const { page, errors } = await openPage(browser);
    try {
      await signIn(page, 'manager@demo.clinic');
      await page.getByRole('navigation').getByRole('link', { name: 'Deadline rules' }).click();
      await page.waitForURL(/\/settings\/deadline-rules$/);
      // The legal source is on the page.
      await page.getByTestId('deadline-rule-source').first().waitFor();
      const ruleName = `Edit the ${PLAN_TYPE_LABELS[target.payer.planType]} rule`;
      await page.getByRole('button', { name: ruleName }).click();
      const form = page.getByRole('form', { name: ruleName });
      await form.waitFor();

      // A figure the rules of validity refuse is named where it was typed.
      const standardDays = form.getByLabel(/^Payer decides a standard request within/);
      await standardDays.fill('0');
      await form.getByRole('button', { name: 'Preview the effect' }).click();
      await form.getByText('Must be a whole number of at least 1.').waitFor();
      expect(await form.getByRole('button', { name: 'Save the rule' }).count()).toBe(0);

      await standardDays.fill(String(days - 2));
      await form.getByRole('button', { name: 'Preview the effect' }).click();
      const summary = page.getByTestId('deadline-rule-preview-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(/^\d+ open cases? gets? a new due date; \d+ becomes? overdue\.$/);
      await page.getByTestId('deadline-rule-preview-row').filter({ hasText: target.caseNumber }).waitFor();
      await saveScreenshot(page, 'manager-deadline-rule-preview');
      await form.getByRole('button', { name: 'Save the rule' }).click();
      await form.waitFor({ state: 'detached' });

      const after = (await api('GET', `/api/cases/${target.id}`)) as unknown as CaseRow;
      expect(dueBefore - Date.parse(after.currentClock!.dueAt)).toBe(2 * DAY);

      // The audit log lists the change; the chain still verifies.
      await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL(/\/settings\/audit$/);
      await chooseOption(page, 'Action', 'Update');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/action=update/);
      const row = page.getByTestId('audit-row').filter({ hasText: 'deadline rule' }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(`decisionStandardDays: ${days} → ${days - 2}`);
      expect(await row.textContent()).toContain('Morgan Manager');
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      const result = page.getByTestId('audit-chain-result');
      await result.getByText('The audit trail is intact').waitFor();
      expect(await page.getByTestId('audit-last-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
      await saveScreenshot(page, 'manager-audit-log');
      expect(errors).toEqual([]);
    } finally {
      // The demo's rule as it was, for the journeys running beside this one.
      const { planType: _p, updatedAt: _u, ...body } = original;
      await api('PUT', `/api/deadline-rules/${target.payer.planType}`, body);
      await page.context().close();
    }
  });

  it('adds a payer, which new cases offer, then archives it and new cases no longer do', async () => {
    const name = `Settings Journey Health ${Date.now().toString(36)}`;
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.getByRole('navigation').getByRole('link', { name: 'Payers' }).click();
    await page.waitForURL(/\/settings\/payers$/);
    await page.getByTestId('payer-row').first().waitFor();

    await page.getByRole('button', { name: 'Add a payer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a payer' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
    await dialog.getByLabel(/^Payer ID/).fill(`SJ${Date.now().toString(36).toUpperCase()}`);
    await dialog
      .locator('input')
      .and(dialog.getByLabel(/^Plan type/))
      .click();
    await page.getByRole('option', { name: 'Other' }).click();
    await dialog.getByLabel(/^Utilization-management fax/).fill('(800) 555-0199');
    await dialog.getByLabel(/^Portal URL/).fill('not a url');
    await dialog.getByRole('button', { name: 'Add the payer' }).click();
    await dialog.getByText('Enter a web address (https://…).').waitFor();
    await dialog.getByLabel(/^Portal URL/).fill('https://portal.example.org');
    await dialog.getByRole('button', { name: 'Add the payer' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('payer-row').filter({ hasText: name });
    await row.waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'New case' }).click();
    await field(page, /^Payer/).click();
    await page.getByRole('option', { name }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('navigation').getByRole('link', { name: 'Payers' }).click();
    await page.getByRole('button', { name: `Archive ${name}` }).click();
    await row.getByText('Archived').waitFor();
    await saveScreenshot(page, 'manager-payers');

    await page.getByRole('navigation').getByRole('link', { name: 'New case' }).click();
    await field(page, /^Payer/).click();
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option', { name }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('adds a physician: the NPI check digit is checked where it is typed, a linked account is shown', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, 'manager@demo.clinic');
    await page.getByRole('navigation').getByRole('link', { name: 'Physicians' }).click();
    await page.getByTestId('physician-row').first().waitFor();
    // The demo physician's account is linked to its record.
    await page.getByTestId('physician-row').filter({ hasText: 'physician@demo.clinic' }).waitFor();

    await page.getByRole('button', { name: 'Add a physician' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a physician' });
    await dialog.getByRole('textbox', { name: /^First name/ }).fill('Imani');
    await dialog.getByRole('textbox', { name: /^Last name/ }).fill('Okafor');
    await dialog.getByRole('textbox', { name: /^Credentials/ }).fill('DO');
    await dialog.getByRole('textbox', { name: /^NPI/ }).fill('1234567890');
    await dialog.getByRole('button', { name: 'Add the physician' }).click();
    await dialog.getByText(/check digit is wrong/).waitFor();
    const npi = `1${Date.now().toString().slice(-8)}`;
    await dialog.getByRole('textbox', { name: /^NPI/ }).fill(`${npi}${computeNpiCheckDigit(npi)}`);
    await dialog.getByRole('button', { name: 'Add the physician' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('physician-row')
      .filter({ hasText: 'Imani Okafor, DO' })
      .getByText(/Not linked/)
      .waitFor();
    await saveScreenshot(page, 'manager-physicians');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe violations on the settings pages', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'admin@demo.clinic');
    for (const [path, ready] of [
      ['/settings/deadline-rules', 'deadline-rule-source'],
      ['/settings/payers', 'payer-row'],
      ['/settings/physicians', 'physician-row'],
      ['/settings/audit?action=login', 'audit-row'],
    ] as const) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByTestId(ready).first().waitFor();
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.goto(`${baseUrl()}/settings/deadline-rules`);
    await page.getByRole('button', { name: 'Edit the Other rule' }).click();
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await page.getByTestId('deadline-rule-preview-summary').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the settings to managers and admins only', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@demo.clinic');
    await page.getByRole('navigation').getByRole('link', { name: 'Worklist' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Deadline rules' }).count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.context().close();
  });
});
