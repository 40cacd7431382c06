import { ROLES, type Role } from '@preauth/domain';
import { AUTHORIZATION_MATRIX, routeKey } from '../src/modules/auth/authorization-matrix';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// Calls every route of the OpenAPI document as nobody and as each role, and compares the answer
// with AUTHORIZATION_MATRIX: the matrix is the one place that says who may call what, and this
// test is what makes it true. A new route fails here until it is added to the matrix.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

// Values for path parameters: ids that exist nowhere (so allowed callers get 404/400, never a
// change), and valid values for parameters that are not ids.
const PARAM_SAMPLES: Record<string, string> = {
  planType: 'commercial_erisa',
};
const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

// Routes that end the caller's session: each call gets a session of its own.
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

interface Route {
  method: Method;
  key: string;
  url: string;
}

function routesOf(document: { paths: Record<string, Record<string, unknown>> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => method in operations).map((method) => ({
      method,
      key: routeKey(method, path.replace(/\{(\w+)\}/g, ':$1')),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_SAMPLES[name] ?? ABSENT_ID),
    })),
  );
}

describe('the authorization matrix', () => {
  let t: TestApp;
  let routes: Route[];
  const sessions = new Map<Role, SignedIn>();

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/api/docs-json').expect(200);
    routes = routesOf(res.body);
    for (const role of ROLES) sessions.set(role, await signIn(t, role));
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  async function call(route: Route, as: Role | null) {
    if (as === null) return t.http()[route.method](route.url).send({});
    const session = ENDS_SESSION.has(route.key) ? await signIn(t, as) : (sessions.get(as) as SignedIn);
    return session[route.method](route.url).send({});
  }

  it('lists every route of the API', () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.map((route) => route.key).filter((key) => !(key in AUTHORIZATION_MATRIX));
    expect(missing).toEqual([]);
  });

  it('lists no route the API does not have (a removed route must leave the matrix too)', () => {
    const keys = new Set(routes.map((route) => route.key));
    expect(Object.keys(AUTHORIZATION_MATRIX).filter((key) => !keys.has(key))).toEqual([]);
  });

  // Public to sessions, but answered only with a token of their own (a payer's notification).
  const OWN_TOKEN = new Set(['POST /api/pas/subscriptions/:id/notification']);

  it('answers 401 to nobody on every route that is not public, whatever the body', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await call(route, null);
      const isPublic = AUTHORIZATION_MATRIX[route.key] === 'public' && !OWN_TOKEN.has(route.key);
      if (isPublic ? [401, 403].includes(res.status) : res.status !== 401) wrong.push(`${route.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it.each(ROLES)(
    'lets %s call exactly the routes the matrix gives it',
    async (role) => {
      const wrong: string[] = [];
      for (const route of routes) {
        const access = AUTHORIZATION_MATRIX[route.key];
        if (access === undefined || access === 'public') continue;
        const res = await call(route, role);
        if (access.includes(role)) {
          // Allowed: anything but a refusal (or a crash), e.g. 200, 400 for the empty body, 404 for the absent id.
          if ([401, 403].includes(res.status) || res.status >= 500)
            wrong.push(`${route.key} → ${res.status} (allowed)`);
        } else if (res.status !== 403) {
          wrong.push(`${route.key} → ${res.status} (should be 403)`);
        }
      }
      expect(wrong).toEqual([]);
    },
    60_000,
  );

  it('records every refusal in the audit trail', async () => {
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'forbidden' AND outcome = 'denied'`,
    );
    const refusals = routes.reduce((n, route) => {
      const access = AUTHORIZATION_MATRIX[route.key];
      return access && access !== 'public' ? n + ROLES.filter((role) => !access.includes(role)).length : n;
    }, 0);
    expect(rows[0].n).toBe(refusals);
  });
});
