import { Browser, Locator, Page } from 'playwright-core';
import { baseUrl } from './browser';

export const DEMO_PASSWORD = 'preauth-demo-2026';

export async function openPage(
  browser: Browser,
  width = 1280,
  height = 800,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.waitForURL(/\/sign-in/);
  await field(page, /^Email/).fill(email);
  await field(page, /^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

// Mantine labels a combobox's listbox with the input's label too; this finds the input itself.
export function field(page: Page | Locator, name: string | RegExp) {
  return page.locator('input, textarea').and(page.getByLabel(name));
}

export async function chooseOption(page: Page, name: string | RegExp, option?: string | RegExp): Promise<void> {
  await field(page, name).click();
  const options = page.getByRole('option');
  await (option ? options.filter({ hasText: option }).first() : options.first()).click();
}

/** Calls the API as a demo user, outside the browser: for tests that need their own data. */
export async function apiAs(
  email: string,
  password = DEMO_PASSWORD,
): Promise<(method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        cookie: cookies.join('; '),
        'x-csrf-token': csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
  };
}
