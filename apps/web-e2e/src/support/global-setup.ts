import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltApp, workspaceRoot } from './app-server';

declare global {
  // eslint-disable-next-line no-var
  var __PREAUTH_E2E_APP__: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const app = await startBuiltApp();
  globalThis.__PREAUTH_E2E_APP__ = app;
  process.env.E2E_BASE_URL = app.baseUrl;
  writeFileSync(join(workspaceRoot, 'dist/e2e-startup.log'), app.output());
}
