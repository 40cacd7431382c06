import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** The dashboard as `npm start` serves it, from a built folder like dist/web. */
describe('serving the built dashboard', () => {
  let t: TestApp;
  let dist: string;
  const bundle = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'preauth-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
    );
    writeFileSync(join(dist, 'assets/index-abc123.js'), bundle);
    writeFileSync(join(dist, 'assets/index-abc123.js.br'), brotliCompressSync(bundle));
    writeFileSync(join(dist, 'assets/index-abc123.js.gz'), gzipSync(bundle));
    t = await createTestApp({ WEB_DIST_DIR: dist, LOG_LEVEL: 'info' }, { captureLogs: true });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset brotli-compressed when the browser accepts it, kept for a year', async () => {
    const res = await t.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    // The bytes sent are the .br copy (superagent decodes them back).
    expect(res.headers['content-length']).toBe(String(brotliCompressSync(bundle).length));
    expect(res.text).toBe(bundle);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gz = await t.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(bundle);
  });

  it('answers a missing asset with 404, not the dashboard page', async () => {
    const res = await t.http().get('/assets/index-old999.js').expect(404);
    expect(res.text).not.toContain('<!doctype html>');
  });

  it('serves the page itself for client routes, revalidated at every visit', async () => {
    const res = await t.http().get('/cases/some-case').expect(200);
    expect(res.text).toContain('/assets/index-abc123.js');
    const index = await t.http().get('/').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('logs an asset request with its whole path, not the part the /assets middleware sees', async () => {
    const res = await t.http().get('/assets/index-abc123.js').expect(200);
    const id = res.headers['x-request-id'];
    await t.waitForLog(id);
    const line = t
      .logs()
      .split('\n')
      .find((l) => l.includes(id));
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      method: 'GET',
      route: '/assets/index-abc123.js',
      statusCode: 200,
    });
  });
});
