import { startBuiltApp, type RunningApp } from '../../../../tools/app/built-app';

/**
 * For a test file that changes clinic-wide settings (a deadline rule, the two-factor policy): its
 * own app and database for the whole file, so the journeys that run at the same time on the
 * shared app never see the change, or that needs settings of its own (`env`). Call at the top of
 * the file, before its describe blocks.
 */
export function useOwnApp(label: string, env: Record<string, string> = {}): void {
  let app: RunningApp | undefined;
  let shared: string | undefined;
  beforeAll(async () => {
    shared = process.env.E2E_BASE_URL;
    app = await startBuiltApp({ label, env });
    process.env.E2E_BASE_URL = app.baseUrl;
  }, 180_000);
  afterAll(async () => {
    // The worker runs other files after this one: they go back to the shared app.
    process.env.E2E_BASE_URL = shared;
    await app?.stop();
  });
}
