import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, TestDatabase } from './create-test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** Direct access to the file's database, to check the rows behind a response. */
  db: Pool;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  const app = await createApp({ config, databaseUrl: database.url });
  await app.init();
  const db = new Pool({ connectionString: database.url, max: 4 });
  return {
    app,
    http: () => request(app.getHttpServer()),
    db,
    database,
    async close() {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}
