import { randomBytes } from 'node:crypto';
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
): Promise<
  (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Record<string, unknown>>
> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  return async (method, path, body, headers) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        cookie: cookies.join('; '),
        'x-csrf-token': csrf,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(headers ?? {}),
      },
      // A FormData body (a photo upload) is sent as multipart with its own boundary.
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
  };
}

/**
 * A documented case of the journey's own (a new patient, the first payer and physician), created
 * by `email` over the API, so journeys running beside it cannot move it. Returns its id.
 */
export async function createOwnCase(
  email: string,
  patient: { mrn: string; firstName: string; lastName: string; dateOfBirth: string; sex: string },
  caseFields: {
    bodySite: string;
    lesionCount: number;
    urgency?: 'standard' | 'expedited';
    /** Ordered by the signed-in physician's own provider record (so it is on their My cases), not the first one. */
    ownProvider?: boolean;
  },
): Promise<string> {
  const api = await apiAs(email);
  const payers = (await api('GET', '/api/payers')) as unknown as { id: string }[];
  const providers = (await api('GET', '/api/providers')) as unknown as { id: string; userId: string | null }[];
  const me = caseFields.ownProvider ? ((await api('GET', '/api/auth/me')) as { id: string }) : null;
  const provider = me ? providers.find((p) => p.userId === me.id) : providers[0];
  if (!provider) throw new Error(`${email} is not linked to a provider.`);
  const created = await api('POST', '/api/patients', patient);
  const detail = await api('POST', '/api/cases', {
    patientId: created.id,
    payerId: payers[0].id,
    providerId: provider.id,
    ...(caseFields.urgency ? { urgency: caseFields.urgency } : {}),
    procedureLines: [{ cpt: '17110', units: 1, bodySite: caseFields.bodySite, lesionCount: caseFields.lesionCount }],
    diagnoses: ['L72.0'],
  });
  return detail.id as string;
}

/**
 * Patients of a journey's own, found by a surname nobody else has: `prefix` and six random
 * letters (letters only: a search text with a digit is taken for an identifier, not a name).
 */
export function ownPatients(prefix: string) {
  const surname = `${prefix}${Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const patient = (firstName: string, n: number) => ({
    mrn: `MRN-${surname}-${n}`,
    firstName,
    lastName: surname,
    dateOfBirth: '1970-01-0' + n,
    sex: 'female',
  });
  return { surname, patient };
}

/**
 * Scrolls down through a case page as a reader would, until every section has rendered: the page
 * loads the edit form and the sections below its first screen only as they come near the screen.
 */
export async function scrollThroughCase(page: Page): Promise<void> {
  await page.getByTestId('case-title').waitFor();
  const pending = page.locator('[data-pending-section]');
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  for (let step = 0; step < 80 && (await pending.count()) > 0; step++) {
    await page.mouse.wheel(0, viewport.height / 2);
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => !document.querySelector('[data-pending-section]'));
  await page.mouse.wheel(0, -1_000_000);
}
