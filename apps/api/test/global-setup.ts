import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres, withDatabase } from '../src/database/embedded-postgres';
import { TEMPLATE_DATABASE } from './helpers/create-test-database';

declare global {
  var __PREAUTH_TEST_DB_STOP__: (() => Promise<void>) | undefined;
}

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'preauth-test-pg-'));
    chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: dir });
    // The cluster is 50-60 MB: without this every run would leave one in the temp directory.
    globalThis.__PREAUTH_TEST_DB_STOP__ = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    serverUrl = embedded.url;
  }

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));

  // Jest workers start after this and inherit the environment.
  process.env.PREAUTH_TEST_SERVER_URL = serverUrl;
}
