export default async function globalTeardown(): Promise<void> {
  await globalThis.__PREAUTH_TEST_DB_STOP__?.();
}
