import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// One JSON line per request, written when the response is done: its id (also sent back as
// X-Request-Id), method, route pattern, status, time and user. Error lines of the same request
// carry the same id, and a 500's body names it so support can find them.

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  route?: string;
  statusCode?: number;
  responseTime?: number;
  userId?: string;
  [key: string]: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request log', () => {
  let t: TestApp;
  let frontDesk: SignedIn;

  const lines = (): Line[] =>
    t
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  // Every line of a request, once its request line (reqId then method, as the logger writes it) is there.
  async function linesOf(reqId: string): Promise<Line[]> {
    await t.waitForLog(`"reqId":"${reqId}","method"`);
    return lines().filter((l) => l.reqId === reqId);
  }

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { captureLogs: true });
    frontDesk = await signIn(t, 'front_desk');
  });
  afterAll(() => t.close());

  it('writes one line per request with its id, route pattern, status, time and user', async () => {
    const res = await frontDesk.get('/api/cases?q=Smith&limit=5').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    const [line, ...more] = await linesOf(id);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      method: 'GET',
      route: '/api/cases',
      statusCode: 200,
      userId: frontDesk.user.id,
    });
    expect(typeof line.responseTime).toBe('number');
    // The query string (a patient's name here) is not in the line.
    expect(JSON.stringify(line)).not.toContain('Smith');
  });

  it('gives each request its own id', async () => {
    const a = await frontDesk.get('/api/cases').expect(200);
    const b = await frontDesk.get('/api/cases').expect(200);
    expect(a.headers['x-request-id']).not.toEqual(b.headers['x-request-id']);
  });

  it('does not take a request id from the client when no proxy is trusted', async () => {
    const res = await frontDesk.get('/api/cases').set('X-Request-Id', 'Quackenbushh-1931-07-13').expect(200);
    expect(res.headers['x-request-id']).toMatch(UUID);
    await linesOf(res.headers['x-request-id']);
    expect(t.logs()).not.toContain('Quackenbushh');
  });

  it('does not log health checks', async () => {
    const res = await t.http().get('/api/health').expect(200);
    // A request after it has its line written: the health check's would be there by then.
    const after = await frontDesk.get('/api/cases').expect(200);
    expect(await linesOf(after.headers['x-request-id'])).toHaveLength(1);
    expect(lines().filter((l) => l.reqId === res.headers['x-request-id'])).toEqual([]);
    expect(lines().filter((l) => l.route?.startsWith('/api/health'))).toEqual([]);
  });

  it('logs a refused request with its status and no user it was not given', async () => {
    const res = await t.http().get('/api/cases').expect(401);
    const [line] = await linesOf(res.headers['x-request-id']);
    expect(line).toMatchObject({ level: 30, msg: 'request completed', route: '/api/cases', statusCode: 401 });
    expect(line.userId).toBeUndefined();
  });

  it('ties a server error’s log lines and its answer together by the request id', async () => {
    // A table gone missing under the app: an unexpected database error, so a 500.
    await t.db.query('ALTER TABLE payers RENAME TO payers_hidden');
    let res;
    try {
      res = await frontDesk.get('/api/payers').expect(500);
    } finally {
      await t.db.query('ALTER TABLE payers_hidden RENAME TO payers');
    }
    const id = res.headers['x-request-id'];
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
      requestId: id,
    });
    const found = await linesOf(id);
    expect(found.map((l) => [l.level, l.msg])).toEqual([
      [50, 'database error'],
      [50, 'request errored'],
    ]);
    expect(found[0]).toMatchObject({ context: 'Exceptions', type: 'QueryFailedError', code: '42P01' });
    expect(found[1]).toMatchObject({ route: '/api/payers', statusCode: 500, userId: frontDesk.user.id });
  });
});

describe('request log behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info', TRUST_PROXY: 'true' }, { captureLogs: true });
    frontDesk = await signIn(t, 'front_desk');
  });
  afterAll(() => t.close());

  it('keeps the proxy’s request id when it looks like one, and replaces one that does not', async () => {
    const kept = await frontDesk.get('/api/cases').set('X-Request-Id', 'proxy-7f3a-0001').expect(200);
    expect(kept.headers['x-request-id']).toBe('proxy-7f3a-0001');
    expect(await t.waitForLog('"reqId":"proxy-7f3a-0001","method":"GET","route":"/api/cases","statusCode":200')).toBe(
      true,
    );

    const replaced = await frontDesk
      .get('/api/cases')
      .set('X-Request-Id', 'Zebulonix Quackenbushh 1931-07-13')
      .expect(200);
    expect(replaced.headers['x-request-id']).toMatch(UUID);
    expect(await t.waitForLog(`"reqId":"${replaced.headers['x-request-id']}"`)).toBe(true);
    expect(t.logs()).not.toContain('Quackenbushh');
  });
});
