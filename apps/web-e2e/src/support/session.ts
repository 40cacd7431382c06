import { Browser, Page } from 'playwright-core';
import { baseUrl } from './browser';

export const DEMO_PASSWORD = 'preauth-demo-2026';

export async function openPage(browser: Browser, width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.waitForURL(/\/sign-in/);
  await field(page, /^Email/).fill(email);
  await field(page, /^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

// Mantine labels a combobox's listbox with the input's label too; this finds the input itself.
export function field(page: Page, name: string | RegExp) {
  return page.locator('input, textarea').and(page.getByLabel(name));
}

export async function chooseOption(page: Page, name: string | RegExp, option?: string | RegExp): Promise<void> {
  await field(page, name).click();
  const options = page.getByRole('option');
  await (option ? options.filter({ hasText: option }).first() : options.first()).click();
}
