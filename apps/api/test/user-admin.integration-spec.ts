import { NOT_A_PHYSICIAN_ACCOUNT, NOT_A_PHYSICIAN_ACCOUNT_REASON } from '@preauth/domain';
import { createUser, signIn, SignedIn, signInAs, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { randomNpi } from './helpers/fixtures';

// What the Users settings page does: one-time passwords, first-sign-in password change, ending
// sessions and linking a physician user to their provider record.
describe('user administration: one-time passwords, sessions, provider links', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t, 'admin');
  });

  afterAll(async () => {
    await t.close();
  });

  const lastAudit = async (objectId: string) =>
    (
      await t.db.query(
        `SELECT action, user_id, object_type, detail FROM audit_events WHERE object_id = $1 ORDER BY id DESC LIMIT 1`,
        [objectId],
      )
    ).rows[0];

  const newProvider = async (): Promise<string> => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO providers (first_name, last_name, credentials, npi) VALUES ('Rui', 'Okafor', 'MD', $1) RETURNING id`,
      [randomNpi()],
    );
    return rows[0].id;
  };

  it('creates a user with a generated one-time password that must be changed at first sign-in', async () => {
    const created = await admin
      .post('/api/users')
      .send({ email: 'desk.hire@test.clinic', displayName: 'Desk Hire', roles: ['front_desk'] })
      .expect(201);
    const oneTimePassword = created.body.oneTimePassword as string;
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(created.body).toMatchObject({ mustChangePassword: true, provider: null });
    // Shown once: reading the user again never gives it back.
    const read = await admin.get(`/api/users/${created.body.id}`).expect(200);
    expect(read.body).not.toHaveProperty('oneTimePassword');

    const user = { ...created.body, password: oneTimePassword };
    const session = await signInAs(t, user);
    expect((await session.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(true);
    const blocked = await session.get('/api/payers').expect(403);
    expect(blocked.body.code).toBe('password_change_required');

    const wrong = await session
      .post('/api/auth/password')
      .send({ currentPassword: 'not-the-one-time-password', newPassword: 'a-brand-new-long-secret' })
      .expect(422);
    expect(wrong.body.code).toBe('current_password_wrong');
    const weak = await session
      .post('/api/auth/password')
      .send({ currentPassword: oneTimePassword, newPassword: 'password1234' })
      .expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const same = await session
      .post('/api/auth/password')
      .send({ currentPassword: oneTimePassword, newPassword: oneTimePassword })
      .expect(400);
    expect(same.body.message).toMatch(/must differ from the current one/);
    await session.post('/api/auth/password').send({ currentPassword: oneTimePassword }).expect(400);

    await session
      .post('/api/auth/password')
      .send({ currentPassword: oneTimePassword, newPassword: 'a-brand-new-long-secret' })
      .expect(204);
    expect((await session.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(false);
    await session.get('/api/payers').expect(200);
    expect(await lastAudit(created.body.id)).toEqual({
      action: 'update',
      user_id: created.body.id,
      object_type: 'user',
      detail: { changes: ['password'], self: true },
    });
    await t.http().post('/api/auth/login').send({ email: user.email, password: oneTimePassword }).expect(401);
  });

  it('resets a password: a new one-time password, sessions ended, audited; admins only', async () => {
    const fd = await signIn(t, 'front_desk');
    const res = await admin.post(`/api/users/${fd.user.id}/password-reset`).expect(200);
    expect(Object.keys(res.body)).toEqual(['oneTimePassword']);
    await fd.get('/api/auth/me').expect(401);
    const again = await signInAs(t, { ...fd.user, password: res.body.oneTimePassword });
    expect((await again.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(true);
    expect(await lastAudit(fd.user.id)).toEqual({
      action: 'update',
      user_id: admin.user.id,
      object_type: 'user',
      detail: { changes: ['password'], oneTime: true },
    });
    await t.http().post('/api/auth/login').send({ email: fd.user.email, password: TEST_PASSWORD }).expect(401);

    await admin.post('/api/users/00000000-0000-4000-8000-000000000000/password-reset').expect(404);
    await admin.post('/api/users/not-a-uuid/password-reset').expect(400);
    const manager = await signIn(t, 'manager');
    await manager.post(`/api/users/${fd.user.id}/password-reset`).expect(403);
  });

  it('a password an admin types in must be replaced too', async () => {
    const user = await createUser(t, 'manager');
    await admin.patch(`/api/users/${user.id}`).send({ password: 'an-admin-typed-secret' }).expect(200);
    const session = await signInAs(t, { ...user, password: 'an-admin-typed-secret' });
    expect((await session.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(true);
  });

  it('ends all sessions of a user, who can sign in again; audited; admins only', async () => {
    const user = await createUser(t, 'physician');
    const first = await signInAs(t, user);
    const second = await signInAs(t, user);
    await signInAs(t, user);
    await admin.post(`/api/users/${user.id}/sessions/end`).expect(204);
    await first.get('/api/auth/me').expect(401);
    await second.get('/api/auth/me').expect(401);
    expect(await lastAudit(user.id)).toEqual({
      action: 'logout',
      user_id: admin.user.id,
      object_type: 'user',
      detail: { endedSessions: 3, by: 'admin' },
    });
    await signInAs(t, user);

    // An admin ending their own sessions keeps the one they are using.
    const otherOfMine = await signInAs(t, admin.user);
    await admin.post(`/api/users/${admin.user.id}/sessions/end`).expect(204);
    await otherOfMine.get('/api/auth/me').expect(401);
    await admin.get('/api/auth/me').expect(200);

    await admin.post('/api/users/00000000-0000-4000-8000-000000000000/sessions/end').expect(404);
    const fd = await signIn(t, 'front_desk');
    await fd.post(`/api/users/${user.id}/sessions/end`).expect(403);
  });

  it('links a physician user to a provider record, refuses what cannot be, and audits it', async () => {
    const physician = await createUser(t, 'physician');
    const providerId = await newProvider();
    const linked = await admin.patch(`/api/users/${physician.id}`).send({ providerId }).expect(200);
    expect(linked.body.provider).toEqual({ id: providerId, displayName: 'Rui Okafor, MD', npi: expect.any(String) });
    expect(await lastAudit(physician.id)).toMatchObject({
      action: 'update',
      detail: { changes: ['provider'], provider: { from: null, to: providerId } },
    });
    const list = await admin.get('/api/users').expect(200);
    expect(list.body.find((u: { id: string }) => u.id === physician.id).provider.id).toBe(providerId);
    // "My cases" finds the physician's own provider record through this link.
    const session = await signInAs(t, physician);
    const providers = await session.get('/api/providers').expect(200);
    expect(providers.body.find((p: { userId: string | null }) => p.userId === physician.id).id).toBe(providerId);

    const other = await createUser(t, 'physician');
    const taken = await admin.patch(`/api/users/${other.id}`).send({ providerId }).expect(409);
    expect(taken.body.code).toBe('provider_linked');
    const frontDesk = await createUser(t, 'front_desk');
    const notPhysician = await admin.patch(`/api/users/${frontDesk.id}`).send({ providerId: await newProvider() });
    // The same rule, status and words as linking from the Physicians page (providers.integration-spec.ts).
    expect(notPhysician.status).toBe(422);
    expect(notPhysician.body).toMatchObject({ code: NOT_A_PHYSICIAN_ACCOUNT, message: NOT_A_PHYSICIAN_ACCOUNT_REASON });
    expect(notPhysician.body.errors).toEqual([{ field: 'providerId', reason: NOT_A_PHYSICIAN_ACCOUNT_REASON }]);
    const unknown = await admin
      .patch(`/api/users/${other.id}`)
      .send({ providerId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'providerId' })]);
    await admin.patch(`/api/users/${other.id}`).send({ providerId: 'nope' }).expect(400);

    // Moving the link: unlink first, then the other physician can take it.
    const unlinked = await admin.patch(`/api/users/${physician.id}`).send({ providerId: null }).expect(200);
    expect(unlinked.body.provider).toBeNull();
    await admin.patch(`/api/users/${other.id}`).send({ providerId }).expect(200);
    const { rows } = await t.db.query('SELECT user_id FROM providers WHERE id = $1', [providerId]);
    expect(rows[0].user_id).toBe(other.id);
  });

  it('creates a physician already linked to their provider record', async () => {
    const providerId = await newProvider();
    const res = await admin
      .post('/api/users')
      .send({ email: 'dr.okafor@test.clinic', displayName: 'Dr. Okafor', roles: ['physician'], providerId })
      .expect(201);
    expect(res.body.provider.id).toBe(providerId);
    expect(await lastAudit(res.body.id)).toMatchObject({ action: 'create', detail: { provider: providerId } });
    // Nothing half-written: a refused link creates no user.
    await admin
      .post('/api/users')
      .send({ email: 'desk2@test.clinic', displayName: 'Desk', roles: ['front_desk'], providerId: await newProvider() })
      .expect(422);
    const { rowCount } = await t.db.query(`SELECT 1 FROM users WHERE email = 'desk2@test.clinic'`);
    expect(rowCount).toBe(0);
  });
});
