import { createHash } from 'node:crypto';
import request from 'supertest';
import { signIn, SignedIn, signInAs } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

const NOT_VALID =
  'This invitation link is not valid: it was used already, it expired, or the account was disabled. Ask an administrator for a new one.';

// An admin invites a user instead of handing them a password: the link is shown once, works once,
// expires after 72 hours, and only its hash is stored.
describe('invitation links', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t, 'admin');
  });

  afterAll(async () => {
    await t.close();
  });

  const anonymous = () => request(t.app.getHttpServer());

  async function invite(email: string): Promise<{ id: string; token: string; expiresAt: string }> {
    const res = await admin
      .post('/api/users')
      .send({ email, displayName: 'Ines Invited', roles: ['front_desk'], invite: true })
      .expect(201);
    expect(res.body).not.toHaveProperty('oneTimePassword');
    const path = res.body.invitation.path as string;
    expect(path).toMatch(/^\/invitation#[A-Za-z0-9_-]{43}$/);
    return { id: res.body.id, token: path.split('#')[1], expiresAt: res.body.invitation.expiresAt };
  }

  it('lets the invitee choose a password once, checked against the policy, then sign in with it', async () => {
    const before = Date.now();
    const { id, token, expiresAt } = await invite('ines.invited@test.clinic');
    const hours = (Date.parse(expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);

    // Stored hashed, never the token; the user has no password until they choose one.
    const stored = await t.db.query(`SELECT token_hash, used_at FROM user_invitations WHERE user_id = $1`, [id]);
    expect(stored.rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), used_at: null }]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    expect((await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [id])).rows[0].password_hash).toBeNull();
    const created = await t.db.query(
      `SELECT action, detail FROM audit_events WHERE object_type = 'user' AND object_id = $1`,
      [id],
    );
    expect(created.rows).toEqual([{ action: 'create', detail: { roles: ['front_desk'], invited: true } }]);
    // Shown once: reading the user never gives the link back.
    expect((await admin.get(`/api/users/${id}`).expect(200)).body).not.toHaveProperty('invitation');

    const lookup = await anonymous().post('/api/invitations/lookup').send({ token }).expect(200);
    expect(lookup.body).toEqual({ email: 'ines.invited@test.clinic', displayName: 'Ines Invited', expiresAt });

    const weak = await anonymous().post('/api/invitations/accept').send({ token, password: 'short' }).expect(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field)).toContain('password');
    const withEmail = await anonymous()
      .post('/api/invitations/accept')
      .send({ token, password: 'ines.invited@test.clinic-2026' })
      .expect(400);
    expect(withEmail.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const password = 'a long passphrase of my own 42';
    await anonymous().post('/api/invitations/accept').send({ token, password }).expect(204);
    const session = await signInAs(t, {
      id,
      email: 'ines.invited@test.clinic',
      displayName: 'Ines Invited',
      roles: ['front_desk'],
      password,
    });
    // Chosen by the user themselves: nothing to replace at first sign-in.
    expect((await session.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(false);
    const accepted = await t.db.query(
      `SELECT user_id, detail FROM audit_events WHERE object_type = 'user' AND object_id = $1 AND action = 'update'`,
      [id],
    );
    expect(accepted.rows).toEqual([{ user_id: id, detail: { changes: ['password'], invitation: 'accepted' } }]);

    // Single use.
    const again = await anonymous()
      .post('/api/invitations/accept')
      .send({ token, password: 'another long passphrase 43' })
      .expect(404);
    expect(again.body).toMatchObject({ code: 'invitation_not_valid', message: NOT_VALID });
    await anonymous().post('/api/invitations/lookup').send({ token }).expect(404);
  });

  it('refuses an expired, a disabled user’s or an unknown link alike, and a password sent with an invitation', async () => {
    const expired = await invite('late.invitee@test.clinic');
    await t.db.query(`UPDATE user_invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      expired.id,
    ]);
    const late = await anonymous()
      .post('/api/invitations/accept')
      .send({ token: expired.token, password: 'a long passphrase of my own 42' })
      .expect(404);
    expect(late.body.message).toBe(NOT_VALID);
    expect(
      (await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [expired.id])).rows[0].password_hash,
    ).toBeNull();

    const disabled = await invite('gone.invitee@test.clinic');
    await admin.patch(`/api/users/${disabled.id}`).send({ disabled: true }).expect(200);
    expect(
      (await anonymous().post('/api/invitations/lookup').send({ token: disabled.token }).expect(404)).body.message,
    ).toBe(NOT_VALID);

    const unknown = await anonymous()
      .post('/api/invitations/lookup')
      .send({ token: 'x'.repeat(43) })
      .expect(404);
    expect(unknown.body.message).toBe(NOT_VALID);
    const empty = await anonymous().post('/api/invitations/lookup').send({}).expect(400);
    expect(new Set(empty.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['token']));

    const both = await admin
      .post('/api/users')
      .send({
        email: 'both@test.clinic',
        displayName: 'Both',
        roles: ['front_desk'],
        invite: true,
        password: 'a long passphrase of my own 42',
      })
      .expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await t.db.query(`SELECT 1 FROM users WHERE email = 'both@test.clinic'`)).rowCount).toBe(0);
  });
});
