export default async function globalTeardown(): Promise<void> {
  await globalThis.__PREAUTH_E2E_APP__?.stop();
}
