import { createHash } from 'node:crypto';
import request from 'supertest';
import { generateTotpCode } from '../src/modules/auth/totp';
import { createUser, signIn, signInAs, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

function cookieFrom(res: request.Response, name: string): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((cookie) => cookie.startsWith(`${name}=`));
}

function cookieValue(res: request.Response, name: string): string | undefined {
  return cookieFrom(res, name)
    ?.split(';')[0]
    .slice(name.length + 1);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    await t.db.query('DELETE FROM login_failures');
  });

  describe('POST /api/auth/login', () => {
    it('signs in: HttpOnly SameSite=Strict session cookie, CSRF cookie, only a hash of the token stored', async () => {
      const user = await createUser(t, 'front_desk');
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
        .expect(200);

      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: ['front_desk'],
        totpEnabled: false,
        totpEnrollmentRequired: false,
        clinicTimeZone: 'America/New_York',
        mustChangePassword: false,
        csrfToken: expect.any(String),
      });
      const session = cookieFrom(res, 'preauth_session');
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(session).not.toMatch(/Secure/);
      const csrf = cookieFrom(res, 'csrf_token');
      expect(csrf).not.toMatch(/HttpOnly/);
      expect(cookieValue(res, 'csrf_token')).toBe(res.body.csrfToken);

      const token = cookieValue(res, 'preauth_session') as string;
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const { rows } = await t.db.query('SELECT token_hash, user_id FROM user_sessions WHERE user_id = $1', [user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash.equals(sha256(token))).toBe(true);
      const stored = await t.db.query(
        `SELECT 1 FROM user_sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`,
        [token],
      );
      expect(stored.rowCount).toBe(0);

      const audit = await t.db.query(
        `SELECT action, user_id, object_type, outcome FROM audit_events WHERE user_id = $1`,
        [user.id],
      );
      expect(audit.rows).toEqual([{ action: 'login', user_id: user.id, object_type: 'session', outcome: 'success' }]);
      const lastLogin = await t.db.query('SELECT last_login_at FROM users WHERE id = $1', [user.id]);
      expect(lastLogin.rows[0].last_login_at).not.toBeNull();
    });

    it('answers an unknown email and a wrong password alike, and audits both', async () => {
      const user = await createUser(t, 'physician');
      const before = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'failed_login'`,
      );
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'not-the-right-password' })
        .expect(401);
      const unknown = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@test.clinic', password: 'not-the-right-password' })
        .expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.message).toBe('The email or password is incorrect.');
      expect(cookieFrom(wrong, 'preauth_session')).toBeUndefined();

      const { rows } = await t.db.query(
        `SELECT object_id, outcome, detail, user_id FROM audit_events WHERE action = 'failed_login' ORDER BY id OFFSET $1`,
        [before.rows[0].n],
      );
      expect(rows).toEqual([
        { object_id: user.id, outcome: 'failure', detail: { reason: 'wrong_password' }, user_id: null },
        { object_id: null, outcome: 'failure', detail: { reason: 'unknown_email' }, user_id: null },
      ]);
    });

    it('refuses a disabled account with the same message', async () => {
      const user = await createUser(t, 'manager', { disabled: true });
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(401);
      expect(res.body.message).toBe('The email or password is incorrect.');
    });

    it('validates the body (login is public, so validation answers)', async () => {
      const res = await t.http().post('/api/auth/login').send({ email: 'x@test.clinic' }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    });

    it('issues a new token at every sign-in and ignores one planted before (session fixation)', async () => {
      const user = await createUser(t, 'front_desk');
      const agent = request.agent(t.app.getHttpServer());
      const planted = 'attacker-chosen-token-value-0000000000000';
      agent.jar.setCookie(`preauth_session=${planted}; Path=/`, '127.0.0.1');
      const first = await agent
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
      const second = await agent
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
      const firstToken = cookieValue(first, 'preauth_session');
      const secondToken = cookieValue(second, 'preauth_session');
      expect(firstToken).toBeDefined();
      expect(firstToken).not.toBe(planted);
      expect(secondToken).not.toBe(firstToken);
      expect(second.body.csrfToken).not.toBe(first.body.csrfToken);
      const planted401 = await t.http().get('/api/auth/me').set('Cookie', `preauth_session=${planted}`).expect(401);
      expect(planted401.body.code).toBe('session_expired');
    });

    it('marks cookies Secure when COOKIE_SECURE is on', async () => {
      const secure = await createTestApp({ COOKIE_SECURE: 'true' });
      try {
        const user = await createUser(secure, 'admin');
        const res = await secure
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD })
          .expect(200);
        expect(cookieFrom(res, 'preauth_session')).toMatch(/; Secure/);
        expect(cookieFrom(res, 'csrf_token')).toMatch(/; Secure/);
      } finally {
        await secure.close();
      }
    });

    it('stores argon2id hashes', async () => {
      const user = await createUser(t, 'front_desk');
      const { rows } = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('GET /api/auth/me and POST /api/auth/logout', () => {
    it('returns the user, roles and CSRF token', async () => {
      const fd = await signIn(t, ['front_desk', 'physician']);
      const res = await fd.get('/api/auth/me').expect(200);
      expect(res.body).toMatchObject({ id: fd.user.id, roles: ['front_desk', 'physician'], csrfToken: fd.csrf });
    });

    it('logs out: the session is gone on the server, the old cookie no longer works, and it is audited', async () => {
      const pm = await signIn(t, 'physician');
      const token = (
        pm.agent.jar.getCookie('preauth_session', { domain: '127.0.0.1', path: '/', secure: false, script: false }) as {
          value: string;
        }
      ).value;
      const res = await pm.post('/api/auth/logout').expect(204);
      expect(cookieFrom(res, 'preauth_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
      const sessions = await t.db.query('SELECT 1 FROM user_sessions WHERE user_id = $1', [pm.user.id]);
      expect(sessions.rowCount).toBe(0);
      // A copy of the cookie taken before logout is dead too.
      await t.http().get('/api/auth/me').set('Cookie', `preauth_session=${token}`).expect(401);
      const audit = await t.db.query(`SELECT action FROM audit_events WHERE user_id = $1 ORDER BY id`, [pm.user.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['login', 'logout']);
    });

    it('ends a session idle longer than SESSION_IDLE_MINUTES', async () => {
      const fd = await signIn(t, 'front_desk');
      await fd.get('/api/auth/me').expect(200);
      await t.db.query(`UPDATE user_sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [
        fd.user.id,
      ]);
      t.forgetCachedSessions();
      await fd.get('/api/auth/me').expect(200);
      // Activity moves the idle clock (at most every 30 s, so parallel requests do not queue on the row).
      const seen = await t.db.query(
        `SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM user_sessions WHERE user_id = $1`,
        [fd.user.id],
      );
      expect(seen.rows[0].fresh).toBe(true);
      await t.db.query(`UPDATE user_sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        fd.user.id,
      ]);
      t.forgetCachedSessions();
      const res = await fd.get('/api/auth/me').expect(401);
      expect(res.body.code).toBe('session_expired');
    });

    it('ends a session older than SESSION_ABSOLUTE_HOURS even while in use', async () => {
      const fd = await signIn(t, 'front_desk');
      await t.db.query(
        `UPDATE user_sessions SET created_at = now() - interval '11 hours 59 minutes' WHERE user_id = $1`,
        [fd.user.id],
      );
      t.forgetCachedSessions();
      await fd.get('/api/auth/me').expect(200);
      await t.db.query(
        `UPDATE user_sessions SET created_at = now() - interval '12 hours 1 minute' WHERE user_id = $1`,
        [fd.user.id],
      );
      t.forgetCachedSessions();
      await fd.get('/api/auth/me').expect(401);
    });

    it('rejects the existing session of a user disabled meanwhile', async () => {
      const fd = await signIn(t, 'front_desk');
      await fd.get('/api/auth/me').expect(200);
      await t.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [fd.user.id]);
      t.forgetCachedSessions();
      await fd.get('/api/auth/me').expect(401);
    });

    it('keeps a resolved session for SESSION_CACHE_SECONDS at most: a change made elsewhere lands within it', async () => {
      const cached = await createTestApp({ SESSION_CACHE_SECONDS: '1' });
      try {
        const fd = await signIn(cached, 'front_desk');
        await fd.get('/api/auth/me').expect(200);
        // Disabled by another instance (straight in the database): this one still has the session…
        await cached.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [fd.user.id]);
        await fd.get('/api/auth/me').expect(200);
        // …until its cache time has passed.
        await new Promise((r) => setTimeout(r, 1100));
        await fd.get('/api/auth/me').expect(401);
      } finally {
        await cached.close();
      }
    });

    it('applies a role change at the next request', async () => {
      const user = await signIn(t, 'front_desk');
      await user.get('/api/users').expect(403);
      await t.db.query(`UPDATE users SET roles = '{admin}' WHERE id = $1`, [user.user.id]);
      t.forgetCachedSessions();
      await user.get('/api/users').expect(200);
      const me = await user.get('/api/auth/me').expect(200);
      expect(me.body.roles).toEqual(['admin']);
    });
  });

  describe('the guard', () => {
    it('answers 401 to anonymous requests before validating anything, whatever the method', async () => {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const res = await t.http()[method]('/api/users').send({ not: 'valid' });
        // DELETE and PUT /api/users do not exist: unknown routes stay 404.
        expect([401, 404]).toContain(res.status);
      }
      const res = await t.http().post('/api/users').send({ bogus: true, email: 12 }).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
      await t.http().patch('/api/users/not-a-uuid').send({ roles: 'x' }).expect(401);
      await t.http().put('/api/auth/policy').send('garbage').expect(401);
    });

    it('keeps health, login and the API docs open', async () => {
      await t.http().get('/api/health').expect(200);
      await t.http().get('/api/docs-json').expect(200);
      await t
        .http()
        .get('/api/docs')
        .expect((res) => expect([200, 301]).toContain(res.status));
    });

    it('requires the CSRF token on unsafe methods: header = cookie = session', async () => {
      const admin = await signIn(t, 'admin');
      const body = { totpRequiredRoles: [] };
      const missing = await admin.agent.put('/api/auth/policy').send(body).expect(403);
      expect(missing.body.code).toBe('csrf_token_invalid');
      await admin.agent.put('/api/auth/policy').set('X-CSRF-Token', 'wrong').send(body).expect(403);
      // A token from another session does not fit this one.
      const other = await signIn(t, 'admin');
      await admin.agent.put('/api/auth/policy').set('X-CSRF-Token', other.csrf).send(body).expect(403);
      await admin.put('/api/auth/policy').send(body).expect(200);
      // Safe methods need none.
      await admin.agent.get('/api/auth/policy').expect(200);
    });

    it('checks CSRF before roles and sessions before CSRF', async () => {
      const fd = await signIn(t, 'front_desk');
      await t.http().post('/api/users').expect(401);
      const noCsrf = await fd.agent.post('/api/users').send({}).expect(403);
      expect(noCsrf.body.code).toBe('csrf_token_invalid');
      const wrongRole = await fd.post('/api/users').send({}).expect(403);
      expect(wrongRole.body.code).toBe('role_forbidden');
      const audit = await t.db.query(
        `SELECT action, object_type, object_id, outcome FROM audit_events WHERE user_id = $1 AND action = 'forbidden'`,
        [fd.user.id],
      );
      expect(audit.rows).toEqual([
        { action: 'forbidden', object_type: 'route', object_id: 'POST /api/users', outcome: 'denied' },
      ]);
    });
  });

  describe('throttling failed sign-ins', () => {
    it('after 5 failures for an account asks to wait (429, Retry-After), even with the right password', async () => {
      const user = await createUser(t, 'front_desk');
      for (let i = 0; i < 5; i++) {
        await t
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong-password-${i}` })
          .expect(401);
      }
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(300);
      expect(res.body.code).toBe('login_throttled');
      // Unknown emails are throttled the same way (no enumeration through 429s).
      for (let i = 0; i < 5; i++)
        await t
          .http()
          .post('/api/auth/login')
          .send({ email: 'ghost@test.clinic', password: `wrong-password-${i}` });
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'ghost@test.clinic', password: 'wrong-password-x' })
        .expect(429);

      const audit = await t.db.query(
        `SELECT outcome, detail FROM audit_events WHERE action = 'failed_login' AND outcome = 'denied'`,
      );
      expect(audit.rows[0]).toEqual({ outcome: 'denied', detail: { reason: 'throttled' } });

      // The wait is short: once it has passed, the real user gets in and the count is forgiven.
      await t.db.query(`UPDATE login_failures SET occurred_at = occurred_at - interval '5 minutes'`);
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const left = await t.db.query('SELECT count(*)::int AS n FROM login_failures WHERE account_hash = $1', [
        sha256(user.email),
      ]);
      expect(left.rows[0].n).toBe(0);
    });

    it('grows the wait with further failures, capped at five minutes', async () => {
      const user = await createUser(t, 'front_desk');
      await t.db.query(
        `INSERT INTO login_failures (account_hash, ip, occurred_at) SELECT $1, NULL, now() - interval '1 second' FROM generate_series(1, 14)`,
        [sha256(user.email)],
      );
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(298);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(300);
      // Failures older than the 15-minute window do not count.
      await t.db.query(`UPDATE login_failures SET occurred_at = now() - interval '16 minutes'`);
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    });

    it('throttles an IP that fails across many accounts', async () => {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'probe@test.clinic', password: 'wrong-password-0' })
        .expect(401);
      const { rows } = await t.db.query<{ ip: string }>('SELECT host(ip) AS ip FROM login_failures LIMIT 1');
      expect(rows[0].ip).toBeTruthy();
      await t.db.query(
        `INSERT INTO login_failures (account_hash, ip) SELECT sha256(('user' || g)::bytea), $1::inet FROM generate_series(1, 60) g`,
        [rows[0].ip],
      );
      const user = await createUser(t, 'manager');
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('two-factor sign-in (TOTP)', () => {
    it('enrols, then requires a fresh code at sign-in and refuses a replayed one', async () => {
      const user = await createUser(t, 'physician');
      const session = await signInAs(t, user);
      const setup = await session.post('/api/auth/totp/setup').expect(200);
      expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Preauth:/);
      const secret = setup.body.secret as string;

      await session
        .post('/api/auth/totp/enable')
        .send({ code: '000000' === generateTotpCode(secret) ? '111111' : '000000' })
        .expect(403);
      await session.post('/api/auth/totp/enable').send({ code: 'abc' }).expect(400);
      // One instant for the codes below: two calls could straddle a 30 s step and give two codes.
      const enabledAt = Date.now();
      const enableCode = generateTotpCode(secret, enabledAt);
      const enabled = await session.post('/api/auth/totp/enable').send({ code: enableCode }).expect(200);
      expect(enabled.body.recoveryCodes).toHaveLength(10);
      await session.post('/api/auth/totp/setup').expect(409);
      const me = await session.get('/api/auth/me').expect(200);
      expect(me.body.totpEnabled).toBe(true);

      const noCode = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(401);
      expect(noCode.body.code).toBe('totp_required');
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD, totp: '12345x' })
        .expect(401);
      expect(wrong.body.code).toBe('totp_invalid');
      // The code used to enable cannot be used again; the next one (30 s later, within the drift window) can, once.
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD, totp: enableCode })
        .expect(401);
      const next = generateTotpCode(secret, enabledAt + 30_000);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD, totp: next })
        .expect(200);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD, totp: next })
        .expect(401);
      // A wrong password is refused before the code is looked at.
      const badPassword = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'nope-nope-nope', totp: next })
        .expect(401);
      expect(badPassword.body.code).toBe('invalid_credentials');
    });

    it('lets an admin require TOTP per role; such a user must enrol before doing anything else', async () => {
      const admin = await signIn(t, 'admin');
      await admin
        .put('/api/auth/policy')
        .send({ totpRequiredRoles: ['physician', 'nurse'] })
        .expect(400);
      const policy = await admin
        .put('/api/auth/policy')
        .send({ totpRequiredRoles: ['physician'] })
        .expect(200);
      expect(policy.body).toMatchObject({ totpRequiredRoles: ['physician'] });
      try {
        const user = await createUser(t, 'physician');
        const login = await t
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD })
          .expect(200);
        expect(login.body.totpEnrollmentRequired).toBe(true);
        const session = await signInAs(t, user);
        const blocked = await session.get('/api/payers').expect(403);
        expect(blocked.body.code).toBe('totp_enrollment_required');
        expect(blocked.body.message).toMatch(/set up an authenticator app/);
        const setup = await session.post('/api/auth/totp/setup').expect(200);
        await session
          .post('/api/auth/totp/enable')
          .send({ code: generateTotpCode(setup.body.secret) })
          .expect(200);
        const me = await session.get('/api/auth/me').expect(200);
        expect(me.body.totpEnrollmentRequired).toBe(false);
        await session.get('/api/codes/cpt').expect((res) => expect([401, 403]).not.toContain(res.status));
        // The password-only session opened first was ended by the enrolment.
        const sessions = await t.db.query('SELECT count(*)::int AS n FROM user_sessions WHERE user_id = $1', [user.id]);
        expect(sessions.rows[0].n).toBe(1);

        // Other roles are not affected.
        const fd = await signIn(t, 'front_desk');
        expect((await fd.get('/api/auth/me').expect(200)).body.totpEnrollmentRequired).toBe(false);
      } finally {
        await admin.put('/api/auth/policy').send({ totpRequiredRoles: [] }).expect(200);
      }
    });
  });
});
