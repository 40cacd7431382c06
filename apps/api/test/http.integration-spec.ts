import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '../src/modules/auth/auth.constants';
import { signIn, type SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * What the HTTP layer (Fastify, its plugins and hooks) adds to every answer, and how it refuses
 * what it cannot read, before any route's own code runs: always in the API's error shape, never
 * a 500, and nothing stored.
 */
describe('the HTTP layer', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  const patient = { mrn: 'HTTP-1', firstName: 'Ada', lastName: 'Quill', dateOfBirth: '1980-02-03', sex: 'female' };

  beforeAll(async () => {
    t = await createTestApp({ SESSION_ABSOLUTE_HOURS: '10' });
    frontDesk = await signIn(t, 'front_desk');
  });

  afterAll(async () => {
    await t.close();
  });

  it('marks every API answer as not to be kept, with a request id and the security headers', async () => {
    for (const res of [await frontDesk.get('/api/cases').expect(200), await t.http().get('/api/cases').expect(401)]) {
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sets the session cookie to last SESSION_ABSOLUTE_HOURS, in seconds', async () => {
    const { user } = await signIn(t, 'physician');
    const res = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('preauth_session='));
    expect(session).toMatch(/Max-Age=36000(;|$)/);
    expect(cookies.find((c) => c.startsWith('csrf_token='))).toMatch(/Max-Age=36000(;|$)/);
  });

  it('refuses a body that is not JSON with 400, and stores nothing', async () => {
    const res = await frontDesk
      .post('/api/patients')
      .set('Content-Type', 'application/json')
      .send('{"mrn": "HTTP-1",')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toMatch(/not valid JSON/);
    expect(await t.countRows('patients', 'mrn = $1', ['HTTP-1'])).toBe(0);
  });

  it('refuses a JSON body that tries to set __proto__', async () => {
    // Valid in every other way, so only the parser can be what refuses it.
    const body = JSON.stringify(patient).replace(/^\{/, '{"__proto__": {"admin": true}, ');
    const res = await frontDesk.post('/api/patients').set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await t.countRows('patients', 'mrn = $1', ['HTTP-1'])).toBe(0);
  });

  it('refuses a JSON body over 100 KB with 413', async () => {
    const res = await frontDesk
      .post('/api/patients')
      .send({ ...patient, lastName: 'x'.repeat(110 * 1024) })
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await t.countRows('patients', 'mrn = $1', ['HTTP-1'])).toBe(0);
  });

  it('reads an empty JSON body, or one of another type, as no body: validation names the fields', async () => {
    for (const [type, body] of [
      ['application/json', ''],
      ['text/plain', 'mrn=HTTP-1'],
      ['application/x-www-form-urlencoded', 'mrn=HTTP-1'],
    ]) {
      const res = await frontDesk.post('/api/patients').set('Content-Type', type).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['mrn', 'firstName', 'lastName']),
      );
    }
    // Without a session, the guard's 401 comes first, whatever the body.
    await t.http().post('/api/patients').set('Content-Type', 'text/plain').send('hello').expect(401);
  });

  it('reads application/fhir+json as JSON', async () => {
    const res = await frontDesk
      .post('/api/patients')
      .set('Content-Type', 'application/fhir+json')
      .send(JSON.stringify(patient))
      .expect(201);
    expect(res.body).toMatchObject({ mrn: 'HTTP-1', lastName: 'Quill' });
  });

  it('answers a URL it cannot decode with 400, without quoting it back', async () => {
    const res = await frontDesk.get('/api/patients/%E0%A4%A').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The URL is not valid.' });
  });

  it('routes a path with a trailing slash as the one without', async () => {
    const res = await frontDesk.get('/api/cases/').expect(200);
    expect(res.body).toHaveProperty('items');
  });

  it('answers a failed CSV export in JSON, without the file name it would have had', async () => {
    const manager = await signIn(t, 'manager');
    const res = await manager.get('/api/reports/export?table=nope&from=2026-01-01&to=2026-01-31').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'table' })]);
  });

  it('compresses a JSON answer for a browser that accepts brotli or gzip, and leaves a small one as it is', async () => {
    for (let i = 0; i < 12; i += 1) {
      await frontDesk
        .post('/api/patients')
        .send({ ...patient, mrn: `HTTP-Z${i}`, lastName: 'Zwicky' })
        .expect(201);
    }
    const session = frontDesk.agent.jar.getCookie(SESSION_COOKIE, {
      domain: '127.0.0.1',
      path: '/',
      secure: false,
      script: false,
    });
    const get = (url: string, acceptEncoding?: string) =>
      t.app.inject({
        method: 'GET',
        url,
        headers: {
          cookie: `${SESSION_COOKIE}=${session?.value}`,
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      });

    const plain = await get('/api/patients?q=Zwicky');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const list = plain.json();
    expect(list).toHaveLength(12);

    // What Chrome sends: brotli is chosen, and the answer is a third of the size or less.
    const br = await get('/api/patients?q=Zwicky', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('private, no-store');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(list);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gzip = await get('/api/patients?q=Zwicky', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(list);

    // Under 1 KB, compressing saves too little to be worth the CPU.
    const one = await get(`/api/patients/${list[0].id}`, 'br');
    expect(one.statusCode).toBe(200);
    expect(one.rawPayload.length).toBeLessThan(1024);
    expect(one.headers['content-encoding']).toBeUndefined();
  });
});
