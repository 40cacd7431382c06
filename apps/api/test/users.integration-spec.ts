import { createUser, signIn, SignedIn, signInAs, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('user administration (/api/users)', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t, 'admin');
  });

  afterAll(async () => {
    await t.close();
  });

  const auditFor = async (objectId: string) =>
    (
      await t.db.query(
        `SELECT action, user_id, object_type, detail FROM audit_events WHERE object_id = $1 ORDER BY id`,
        [objectId],
      )
    ).rows;

  it('creates a user who can then sign in, with an audit row', async () => {
    const res = await admin
      .post('/api/users')
      .send({
        email: 'New.Person@test.clinic',
        displayName: 'New Person',
        roles: ['front_desk', 'physician'],
        password: 'a-long-enough-secret',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'New.Person@test.clinic',
      displayName: 'New Person',
      roles: ['front_desk', 'physician'],
      disabled: false,
      totpEnabled: false,
      mustChangePassword: true,
      provider: null,
      lastLoginAt: null,
      createdAt: expect.any(String),
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const row = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(await auditFor(res.body.id)).toEqual([
      { action: 'create', user_id: admin.user.id, object_type: 'user', detail: { roles: ['front_desk', 'physician'] } },
    ]);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'new.person@test.clinic', password: 'a-long-enough-secret' })
      .expect(200);
  });

  it.each([
    ['short', 'short-pass1', /at least 12 characters/],
    ['common', 'Password1234', /too common/],
    ['common', 'qwertyuiop12', /too common/],
    ['containing the email', 'xx-carol.jones-2026', /must not contain your email/],
    ['all one character', 'aaaaaaaaaaaaaaaa', /too common/],
  ])('refuses a %s password with 400', async (_kind, password, reason) => {
    const res = await admin
      .post('/api/users')
      .send({ email: 'carol.jones@test.clinic', displayName: 'Carol', roles: ['manager'], password })
      .expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'password', reason: expect.stringMatching(reason) }),
    ]);
  });

  it('refuses a duplicate email, whatever its case, and unknown roles', async () => {
    const existing = await createUser(t, 'manager');
    const dup = await admin
      .post('/api/users')
      .send({
        email: existing.email.toUpperCase(),
        displayName: 'Dup',
        roles: ['manager'],
        password: 'a-long-enough-secret',
      })
      .expect(409);
    expect(dup.body.message).toBe('A user with this email already exists.');
    await admin
      .post('/api/users')
      .send({ email: 'r@test.clinic', displayName: 'R', roles: ['nurse'], password: 'a-long-enough-secret' })
      .expect(400);
    await admin
      .post('/api/users')
      .send({ email: 'r@test.clinic', displayName: 'R', roles: [], password: 'a-long-enough-secret' })
      .expect(400);
  });

  it('lists and reads users; an unknown id is 404', async () => {
    const list = await admin.get('/api/users').expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(admin.user.id);
    await admin.get(`/api/users/${admin.user.id}`).expect(200);
    await admin.get('/api/users/00000000-0000-4000-8000-000000000000').expect(404);
    await admin.patch('/api/users/00000000-0000-4000-8000-000000000000').send({ displayName: 'x' }).expect(404);
    await admin.get('/api/users/not-a-uuid').expect(400);
  });

  it('is for admins only', async () => {
    for (const role of ['front_desk', 'physician', 'manager'] as const) {
      const user = await signIn(t, role);
      await user.get('/api/users').expect(403);
      await user.get(`/api/users/${user.user.id}`).expect(403);
      await user
        .patch(`/api/users/${user.user.id}`)
        .send({ roles: ['admin'] })
        .expect(403);
    }
  });

  it('changes roles with effect on the next request, and audits the change', async () => {
    const fd = await signIn(t, 'front_desk');
    await fd.get('/api/audit').expect(403);
    const res = await admin
      .patch(`/api/users/${fd.user.id}`)
      .send({ roles: ['manager'], displayName: 'Promoted' })
      .expect(200);
    expect(res.body).toMatchObject({ roles: ['manager'], displayName: 'Promoted' });
    await fd.get('/api/audit').expect(200);
    const audit = await auditFor(fd.user.id);
    expect(audit.at(-1)).toEqual({
      action: 'update',
      user_id: admin.user.id,
      object_type: 'user',
      detail: { changes: ['roles', 'displayName'], roles: { from: ['front_desk'], to: ['manager'] } },
    });
  });

  it('disabling ends the user’s sessions at once; enabling lets them sign in again', async () => {
    const pm = await signIn(t, 'physician');
    await pm.get('/api/auth/me').expect(200);
    const res = await admin.patch(`/api/users/${pm.user.id}`).send({ disabled: true }).expect(200);
    expect(res.body.disabled).toBe(true);
    await pm.get('/api/auth/me').expect(401);
    const sessions = await t.db.query('SELECT 1 FROM user_sessions WHERE user_id = $1', [pm.user.id]);
    expect(sessions.rowCount).toBe(0);
    await t.http().post('/api/auth/login').send({ email: pm.user.email, password: TEST_PASSWORD }).expect(401);

    await admin.patch(`/api/users/${pm.user.id}`).send({ disabled: false }).expect(200);
    await signInAs(t, pm.user);
  });

  it('a new password ends the sessions and must pass the policy', async () => {
    const fd = await signIn(t, 'front_desk');
    await admin.patch(`/api/users/${fd.user.id}`).send({ password: 'password1234' }).expect(400);
    await admin.patch(`/api/users/${fd.user.id}`).send({ password: 'brand-new-secret-phrase' }).expect(200);
    await fd.get('/api/auth/me').expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: fd.user.email, password: 'brand-new-secret-phrase' })
      .expect(200);
    const audit = await auditFor(fd.user.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', detail: { changes: ['password'] } });
  });

  it('resets two-factor sign-in', async () => {
    const user = await createUser(t, 'manager');
    await t.db.query(`UPDATE users SET totp_enabled = true, totp_secret = 'JBSWY3DPEHPK3PXP' WHERE id = $1`, [user.id]);
    await admin.patch(`/api/users/${user.id}`).send({ resetTotp: true }).expect(200);
    const { rows } = await t.db.query('SELECT totp_enabled, totp_secret FROM users WHERE id = $1', [user.id]);
    expect(rows[0]).toEqual({ totp_enabled: false, totp_secret: null });
  });

  it('never leaves the clinic without an active admin', async () => {
    const self = await admin.patch(`/api/users/${admin.user.id}`).send({ disabled: true }).expect(409);
    expect(self.body.code).toBe('self_lockout');
    await admin
      .patch(`/api/users/${admin.user.id}`)
      .send({ roles: ['manager'] })
      .expect(409);

    // Every other admin disabled: the last one cannot be disabled by a second admin that is then demoted.
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE 'admin' = ANY(roles) AND id <> $1`, [admin.user.id]);
    const second = await createUser(t, 'admin');
    const other = await signInAs(t, second);
    await other.patch(`/api/users/${admin.user.id}`).send({ disabled: true }).expect(200);
    const last = await admin.patch(`/api/users/${second.id}`).send({ roles: ['manager'] });
    expect(last.status).toBe(401); // admin was just disabled by `other`
    const lastAdmin = await other
      .patch(`/api/users/${second.id}`)
      .send({ roles: ['manager'] })
      .expect(409);
    expect(lastAdmin.body.code).toBe('self_lockout');
    await t.db.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [admin.user.id]);
  });
});
