import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveChromium } from '../../../../tools/browser/chromium';
import { startBuiltApp, workspaceRoot } from '../../../../tools/app/built-app';
import { CHROMIUM_ENV } from './browser';

declare global {
  var __PREAUTH_E2E_APP__: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Resolved here, in jest's own process, because the package is an ES module that the test
  // workers' module system cannot import; the workers inherit the answer through the environment.
  process.env[CHROMIUM_ENV] = JSON.stringify(await resolveChromium());
  const app = await startBuiltApp({ label: 'e2e' });
  globalThis.__PREAUTH_E2E_APP__ = app;
  process.env.E2E_BASE_URL = app.baseUrl;
  writeFileSync(join(workspaceRoot, 'dist/e2e-startup.log'), app.output());
}
