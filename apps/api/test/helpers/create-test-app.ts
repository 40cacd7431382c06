import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PassThrough } from 'node:stream';
import type { Pool } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, TestDatabase } from './create-test-database';

/** The key test apps encrypt secrets with unless a test names another (32 bytes, base64). */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  /** Direct access to the file's database, to check the rows behind a response. */
  db: Pool;
  database: TestDatabase;
  /** Everything the app logged so far (JSON lines), when created with `{ captureLogs: true }`. */
  logs: () => string;
  /**
   * Whether the logs contain `text` within a second: a request's line is written on the
   * response's 'close', which may come a tick after the client has read the answer.
   */
  waitForLog(text: string): Promise<boolean>;
  /**
   * Drop the guard's session cache (SESSION_CACHE_SECONDS), as its few seconds passing would:
   * for tests that change sessions or users straight in the database, as another instance might.
   */
  forgetCachedSessions(): void;
  /** Rows of a table, optionally filtered (`where` with $1… and `params`). */
  countRows(table: string, where?: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Send the app's pino output to `logs()` instead of stdout (pair with LOG_LEVEL: 'trace'). */
  captureLogs?: boolean;
  /** Start on another test app's database (a second instance, or a restart); close() leaves it. */
  database?: TestDatabase;
  /**
   * Connect the app to its database through this loopback port (a test/helpers/tcp-proxy.ts in
   * front of the server) instead of directly; the test's own `db` pool still connects directly.
   */
  databasePort?: number;
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  // Each app gets its own upload folder unless the test names one, so files never mix.
  const ownUploads = env.UPLOAD_DIR ? null : mkdtempSync(join(tmpdir(), 'preauth-test-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    WEB_DIST_DIR: '/nonexistent',
    APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    // Each job-running app adds a connection pool and pollers; the job tests turn them on.
    BACKGROUND_JOBS: 'false',
    ...(ownUploads ? { UPLOAD_DIR: ownUploads } : {}),
    ...env,
  });
  let captured = '';
  const logDestination = options.captureLogs ? new PassThrough() : undefined;
  logDestination?.on('data', (chunk: Buffer) => {
    captured += chunk.toString('utf8');
  });
  const appDatabaseUrl = new URL(database.url);
  if (options.databasePort) {
    appDatabaseUrl.hostname = '127.0.0.1';
    appDatabaseUrl.port = String(options.databasePort);
  }
  const app = await createApp({ config, databaseUrl: appDatabaseUrl.toString(), logDestination });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    if (!options.database) await database.drop();
    if (ownUploads) rmSync(ownUploads, { recursive: true, force: true });
    throw error;
  }
  // Fastify adds the routes and plugins when it is ready (listen() would wait for it too).
  await app.getHttpAdapter().getInstance().ready();
  const db = database.pool(4);
  return {
    app,
    http: () => request(app.getHttpServer()),
    db,
    database,
    logs: () => captured,
    async waitForLog(text) {
      for (let i = 0; i < 50 && !captured.includes(text); i++) await new Promise((r) => setTimeout(r, 20));
      return captured.includes(text);
    },
    forgetCachedSessions: () => app.get(SessionsService).forgetAll(),
    countRows: async (table, where = 'true', params = []) =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n,
    async close() {
      await app.close();
      await db.end();
      if (!options.database) await database.drop();
      if (ownUploads) rmSync(ownUploads, { recursive: true, force: true });
    },
  };
}
