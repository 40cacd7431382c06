import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import type { ChromiumBinary } from '../../../../tools/browser/chromium';

export const screenshotDir = resolve(__dirname, '../../screenshots');

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is unset: run through jest (globalSetup starts the app).');
  return url;
}

/** Set by globalSetup: the Chromium of tools/browser/chromium.ts, as JSON. */
export const CHROMIUM_ENV = 'PREAUTH_E2E_CHROMIUM';

export async function launchBrowser(): Promise<Browser> {
  const resolved = process.env[CHROMIUM_ENV];
  if (!resolved) throw new Error(`${CHROMIUM_ENV} is unset: run through jest (globalSetup resolves the browser).`);
  const { executablePath, args } = JSON.parse(resolved) as ChromiumBinary;
  return chromium.launch({ executablePath, args, headless: true });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // A full-page capture of a scrolled page draws the fixed header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}
