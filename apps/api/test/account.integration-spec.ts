import { generateTotpCode } from '../src/modules/auth/totp';
import { createUser, signIn, SignedIn, signInAs, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// The signed-in user's own account: recovery codes, turning two-factor sign-in off, sessions.
describe('my account (/api/auth: recovery codes, totp/disable, sessions)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Enrols the session's user; answers the secret, the recovery codes and the instant used. */
  async function enrol(session: SignedIn): Promise<{ secret: string; recoveryCodes: string[]; at: number }> {
    const setup = await session.post('/api/auth/totp/setup').expect(200);
    const at = Date.now();
    const enabled = await session
      .post('/api/auth/totp/enable')
      .send({ code: generateTotpCode(setup.body.secret, at) })
      .expect(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes, at };
  }

  /** The detail of the user's latest 'update' audit row. */
  const lastUpdateOf = async (userId: string): Promise<unknown> =>
    (
      await t.db.query(
        `SELECT detail FROM audit_events WHERE object_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
        [userId],
      )
    ).rows[0]?.detail;

  const login = (email: string, totp?: string) =>
    t
      .http()
      .post('/api/auth/login')
      .send({ email, password: TEST_PASSWORD, ...(totp ? { totp } : {}) });

  it('gives ten recovery codes at enrolment, stored hashed, each good for one sign-in', async () => {
    const session = await signIn(t, 'physician');
    const { recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.db.query('SELECT code_hash, used_at FROM user_recovery_codes WHERE user_id = $1', [
      session.user.id,
    ]);
    expect(stored.rowCount).toBe(10);
    for (const row of stored.rows) {
      expect(row.code_hash).toMatch(/^\$argon2id\$/);
      expect(recoveryCodes.some((code) => row.code_hash.includes(code))).toBe(false);
    }

    // Typed in capitals and without the dash, it still works; once.
    const typed = recoveryCodes[3].toUpperCase().replace('-', '');
    const first = await login(session.user.email, typed).expect(200);
    expect(first.body.totpEnabled).toBe(true);
    const again = await login(session.user.email, recoveryCodes[3]).expect(401);
    expect(again.body.code).toBe('totp_invalid');
    await login(session.user.email, 'zzzzz-zzzzz').expect(401);
    const audit = await t.db.query(
      `SELECT detail FROM audit_events WHERE action = 'login' AND user_id = $1 ORDER BY id DESC LIMIT 1`,
      [session.user.id],
    );
    expect(audit.rows[0].detail).toMatchObject({ recoveryCode: true });
    const used = await t.db.query(
      'SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL',
      [session.user.id],
    );
    expect(used.rows[0].n).toBe(1);
  });

  it('counts the unused recovery codes and replaces them all for a current code', async () => {
    const session = await signIn(t, 'physician');
    expect((await session.get('/api/auth/totp/recovery-codes').expect(200)).body).toEqual({ remaining: 0 });
    await session.post('/api/auth/totp/recovery-codes').send({ code: '123456' }).expect(409);
    const { secret, recoveryCodes, at } = await enrol(session);
    await login(session.user.email, recoveryCodes[0]).expect(200);
    expect((await session.get('/api/auth/totp/recovery-codes').expect(200)).body).toEqual({ remaining: 9 });

    const replayed = await session
      .post('/api/auth/totp/recovery-codes')
      .send({ code: generateTotpCode(secret, at) })
      .expect(422);
    expect(replayed.body.code).toBe('totp_invalid');
    const fresh = await session
      .post('/api/auth/totp/recovery-codes')
      .send({ code: generateTotpCode(secret, at + 30_000) })
      .expect(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect((await session.get('/api/auth/totp/recovery-codes').expect(200)).body).toEqual({ remaining: 10 });
    // The earlier codes stop working; the new ones sign in.
    await login(session.user.email, recoveryCodes[1]).expect(401);
    await login(session.user.email, fresh.body.recoveryCodes[0]).expect(200);
    expect(await lastUpdateOf(session.user.id)).toEqual({ recoveryCodes: 'regenerated' });
  });

  it('turns two-factor sign-in off with a current code, unless the role requires it', async () => {
    const session = await signIn(t, 'manager');
    await session.post('/api/auth/totp/disable').send({ code: '123456' }).expect(409);
    const { secret, at } = await enrol(session);
    await session.post('/api/auth/totp/disable').send({ code: 'abc' }).expect(400);
    // The code that enabled it was used already.
    const replayed = await session
      .post('/api/auth/totp/disable')
      .send({ code: generateTotpCode(secret, at) })
      .expect(422);
    expect(replayed.body.code).toBe('totp_invalid');

    const admin = await signIn(t, 'admin');
    await admin
      .put('/api/auth/policy')
      .send({ totpRequiredRoles: ['manager'] })
      .expect(200);
    try {
      const refused = await session
        .post('/api/auth/totp/disable')
        .send({ code: generateTotpCode(secret, at + 30_000) })
        .expect(403);
      expect(refused.body.code).toBe('totp_required_by_policy');
    } finally {
      await admin.put('/api/auth/policy').send({ totpRequiredRoles: [] }).expect(200);
    }

    await session
      .post('/api/auth/totp/disable')
      .send({ code: generateTotpCode(secret, at + 30_000) })
      .expect(204);
    const { rows } = await t.db.query('SELECT totp_enabled, totp_secret FROM users WHERE id = $1', [session.user.id]);
    expect(rows[0]).toEqual({ totp_enabled: false, totp_secret: null });
    const codes = await t.db.query('SELECT 1 FROM user_recovery_codes WHERE user_id = $1', [session.user.id]);
    expect(codes.rowCount).toBe(0);
    await login(session.user.email).expect(200);
    expect(await lastUpdateOf(session.user.id)).toEqual({ totp: 'disabled' });
  });

  it('an admin resetting two-factor sign-in deletes the recovery codes', async () => {
    const session = await signIn(t, 'front_desk');
    const { recoveryCodes } = await enrol(session);
    const admin = await signIn(t, 'admin');
    await admin.patch(`/api/users/${session.user.id}`).send({ resetTotp: true }).expect(200);
    const codes = await t.db.query('SELECT 1 FROM user_recovery_codes WHERE user_id = $1', [session.user.id]);
    expect(codes.rowCount).toBe(0);
    // With two-factor sign-in off, a recovery code is not asked for and means nothing.
    await login(session.user.email, recoveryCodes[0]).expect(200);
  });

  it('lists my live sessions and signs one out; never someone else’s', async () => {
    const user = await createUser(t, 'front_desk');
    const here = await signInAs(t, user);
    const there = await signInAs(t, user);
    await t.db.query(`UPDATE user_sessions SET user_agent = 'Mozilla/5.0 (iPhone)' WHERE user_id = $1`, [user.id]);
    const list = await here.get('/api/auth/sessions').expect(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body[0]).toEqual({
      id: expect.any(String),
      current: expect.any(Boolean),
      ip: expect.any(String),
      userAgent: 'Mozilla/5.0 (iPhone)',
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const other = list.body.find((s: { current: boolean }) => !s.current);
    await here.delete(`/api/auth/sessions/${other.id}`).expect(204);
    await there.get('/api/auth/me').expect(401);
    await here.get('/api/auth/me').expect(200);
    const audit = await t.db.query(
      `SELECT action, user_id FROM audit_events WHERE object_id = $1 ORDER BY id DESC LIMIT 1`,
      [other.id],
    );
    expect(audit.rows[0]).toEqual({ action: 'logout', user_id: user.id });

    const stranger = await signIn(t, 'manager');
    const strangers = await stranger.get('/api/auth/sessions').expect(200);
    await here.delete(`/api/auth/sessions/${strangers.body[0].id}`).expect(404);
    await stranger.get('/api/auth/me').expect(200);
    await here.delete('/api/auth/sessions/not-a-uuid').expect(400);
  });

  it('shows the session limits read-only, naming the variables that set them', async () => {
    const admin = await signIn(t, 'admin');
    const policy = await admin.get('/api/auth/policy').expect(200);
    expect(policy.body).toEqual({
      totpRequiredRoles: [],
      onlyOrderingPhysicianSigns: false,
      sessionLimits: {
        idleMinutes: { value: expect.any(Number), variable: 'SESSION_IDLE_MINUTES' },
        absoluteHours: { value: expect.any(Number), variable: 'SESSION_ABSOLUTE_HOURS' },
      },
    });
    // Extra fields are refused, not silently ignored.
    await admin
      .put('/api/auth/policy')
      .send({ totpRequiredRoles: [], sessionLimits: { idleMinutes: { value: 1 } } })
      .expect(400);
    const fd = await signIn(t, 'front_desk');
    await fd.get('/api/auth/policy').expect(403);
  });
});
