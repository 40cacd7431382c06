// npm run docs:screenshots
// Refreshes the README's pictures in docs/images/: the built app started as `npm start` starts it
// (its own embedded PostgreSQL and demo clinic in a temp DATA_DIR, on a free port), signed in as
// the demo front desk, photographed in the Chromium of tools/browser/chromium.ts.
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { startBuiltApp } from '../tools/app/built-app';
import { DEMO_PASSWORD } from '../apps/api/src/database/seed/demo-users';
import { resolveChromium } from '../tools/browser/chromium';

const root = resolve(__dirname, '..');
const outDir = join(root, 'docs/images');
const FRONT_DESK = 'frontdesk@demo.clinic';
const DESKTOP = { width: 1280, height: 800 };

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/sign-in/);
  await page
    .locator('input')
    .and(page.getByLabel(/^Email/))
    .fill(FRONT_DESK);
  await page
    .locator('input')
    .and(page.getByLabel(/^Password/))
    .fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/worklist$/);
}

/**
 * A demo case with a photo, preferring one whose page shows the most: a pended case (readiness
 * checklist and the payer's request), then a denied one (denial reason and appeal actions).
 * Asked through the signed-in page's own cookies.
 */
async function findCaseWithEvidence(page: Page, baseUrl: string): Promise<string> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`${baseUrl}${path}`);
    if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}`);
    return (await res.json()) as T;
  };
  for (const status of ['more_info_requested', 'denied', 'submitted', 'documented']) {
    const list = await get<{ items: { id: string }[] }>(`/api/cases?status=${status}&limit=50`);
    for (const { id } of list.items) {
      const photos = await get<unknown[] | { items: unknown[] }>(`/api/cases/${id}/photos`);
      if ((Array.isArray(photos) ? photos : photos.items).length > 0) return id;
    }
  }
  throw new Error('no demo case with a photo');
}

// Strings, not functions: they run in the browser, and this file is compiled without the DOM's types.
async function waitForImages(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction('Array.from(document.images).every((img) => img.complete)');
  // Sections that render as they come near the screen: none still a placeholder on it.
  await page.waitForFunction(
    'Array.from(document.querySelectorAll("[data-pending-section]")).every((el) => el.getBoundingClientRect().top >= innerHeight)',
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  process.stdout.write(`  ${relative(root, path)} (${(statSync(path).size / 1024).toFixed(0)} KB)\n`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const { executablePath, args } = await resolveChromium();
  const app = await startBuiltApp({ env: { NODE_ENV: 'production', COOKIE_SECURE: 'false' }, label: 'docs' });
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    process.stdout.write(`App on ${app.baseUrl}; writing screenshots:\n`);
    const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl);

    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    await page.getByTestId('bucket-overdue').waitFor();
    await waitForImages(page);
    await shoot(page, 'worklist');

    const caseId = await findCaseWithEvidence(page, app.baseUrl);
    await page.goto(`${app.baseUrl}/cases/${caseId}`);
    await page.getByTestId('case-title').waitFor();
    await waitForImages(page);
    await shoot(page, 'case-page');

    // The evidence lower on the same page: photos and notes, which render as they come near.
    await page.locator('#case-section-photos').scrollIntoViewIfNeeded();
    await page.getByTestId('photo-thumb').first().waitFor();
    await page.evaluate(
      `window.scrollBy(0, document.querySelector('[data-testid="photos-section"]').getBoundingClientRect().top - 80)`,
    );
    await waitForImages(page);
    await shoot(page, 'case-evidence');
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:screenshots: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
