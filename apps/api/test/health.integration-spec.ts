import { createTestApp, TestApp } from './helpers/create-test-app';

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 200 with the database up', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database is unreachable', async () => {
    const other = await createTestApp();
    // Kill every connection and forbid new ones: the app's pool can no longer reach PostgreSQL.
    await t.db.query(`ALTER DATABASE ${other.database.name} ALLOW_CONNECTIONS false`);
    await t.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
      other.database.name,
    ]);
    const res = await other.http().get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'error', database: 'down' });
    await t.db.query(`ALTER DATABASE ${other.database.name} ALLOW_CONNECTIONS true`);
    await other.close();
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.http().get('/api/no-such-route').expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});
