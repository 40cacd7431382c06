import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { withDatabase } from '../../src/database/embedded-postgres';

export const TEMPLATE_DATABASE = 'preauth_template';

export interface TestDatabase {
  name: string;
  url: string;
  /** A pg pool on this database for a test's own queries; end it before drop(). */
  pool(max: number): Pool;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.PREAUTH_TEST_SERVER_URL;
  if (!url)
    throw new Error('PREAUTH_TEST_SERVER_URL is unset: run the tests through jest (globalSetup starts PostgreSQL).');
  return url;
}

/**
 * A private database per test file, copied from the migrated template; `{ empty: true }` for one
 * no migration has run on (tests of the migrations themselves).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant can collide; a retry settles it.
        if (attempt >= 5 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl(), name),
    pool(max) {
      const pool = new Pool({ connectionString: withDatabase(serverUrl(), name), max });
      // pool.end() resolves before its clients' sockets have closed, so drop()'s DROP DATABASE …
      // WITH (FORCE) can terminate a backend whose client is still ending; the pool then emits
      // that FATAL 57P01 as an 'error', which with no listener fails whichever test is running. A
      // query's own error still rejects its promise: this only catches errors of idle clients.
      pool.on('error', () => undefined);
      return pool;
    },
    async drop() {
      const client = new Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
