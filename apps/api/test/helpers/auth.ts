import type { Role } from '@preauth/domain';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/modules/auth/auth.constants';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import type { TestApp } from './create-test-app';

/** The password of every user createUser() makes. */
export const TEST_PASSWORD = 'test-password-for-preauth-42';

let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface CreateUserOverrides {
  email?: string;
  displayName?: string;
  /** Plain-text password (hashed with argon2id); default TEST_PASSWORD. */
  password?: string;
  disabled?: boolean;
}

/** Inserts a user straight into the database (no HTTP, no audit row). */
export async function createUser(
  t: TestApp,
  roles: Role[] | Role,
  overrides: CreateUserOverrides = {},
): Promise<TestUser> {
  const roleList = Array.isArray(roles) ? roles : [roles];
  const email =
    overrides.email ?? `${roleList.join('-').replace(/_/g, '')}-${randomBytes(4).toString('hex')}@test.clinic`;
  const displayName = overrides.displayName ?? `Test ${roleList.join(' and ')}`;
  const password = overrides.password ?? TEST_PASSWORD;
  // One argon2 hash for the default password per test file keeps files fast.
  const hash = overrides.password ? await hashPassword(password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO users (email, display_name, roles, password_hash, disabled_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, displayName, roleList, hash, overrides.disabled ? new Date() : null],
  );
  return { id: rows[0].id, email, displayName, roles: roleList, password };
}

type Agent = ReturnType<typeof request.agent>;
type PendingRequest = ReturnType<Agent['get']>;

export interface SignedIn {
  user: TestUser;
  /** A supertest agent holding the session and CSRF cookies. */
  agent: Agent;
  csrf: string;
  get(url: string): PendingRequest;
  post(url: string): PendingRequest;
  patch(url: string): PendingRequest;
  put(url: string): PendingRequest;
  delete(url: string): PendingRequest;
}

/** Signs in an existing user through POST /api/auth/login and wraps the session. */
export async function signInAs(t: TestApp, user: TestUser, totp?: string): Promise<SignedIn> {
  const agent = request.agent(t.app.getHttpServer());
  const res = await agent
    .post('/api/auth/login')
    .send({ email: user.email, password: user.password, ...(totp ? { totp } : {}) });
  if (res.status !== 200) throw new Error(`Sign-in of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return wrap(user, agent, res.body.csrfToken as string);
}

function wrap(user: TestUser, agent: Agent, csrf: string): SignedIn {
  return {
    user,
    agent,
    csrf,
    get: (url) => agent.get(url),
    post: (url) => agent.post(url).set('X-CSRF-Token', csrf),
    patch: (url) => agent.patch(url).set('X-CSRF-Token', csrf),
    put: (url) => agent.put(url).set('X-CSRF-Token', csrf),
    delete: (url) => agent.delete(url).set('X-CSRF-Token', csrf),
  };
}

/**
 * A new user with these roles, signed in: `const fd = await signIn(t, 'front_desk');
 * await fd.post('/api/cases').send({...}).expect(201)`. Unsafe methods carry the CSRF header.
 */
export async function signIn(t: TestApp, roles: Role[] | Role, overrides: CreateUserOverrides = {}): Promise<SignedIn> {
  return signInAs(t, await createUser(t, roles, overrides));
}

/**
 * The same session (its cookies and CSRF token) on another instance of the app, as a browser
 * behind a load balancer would send it to whichever instance answers.
 */
export function sameSessionOn(t: TestApp, session: SignedIn): SignedIn {
  const access = { domain: '127.0.0.1', path: '/', secure: false, script: false };
  const agent = request.agent(t.app.getHttpServer());
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
    const cookie = session.agent.jar.getCookie(name, access);
    if (!cookie) throw new Error(`The session of ${session.user.email} has no ${name} cookie.`);
    agent.jar.setCookie(`${name}=${cookie.value}; Path=/`, '127.0.0.1', '/');
  }
  return wrap(session.user, agent, session.csrf);
}
