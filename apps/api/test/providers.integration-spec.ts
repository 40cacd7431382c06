import { NOT_A_PHYSICIAN_ACCOUNT, NOT_A_PHYSICIAN_ACCOUNT_REASON } from '@preauth/domain';
import { createUser, signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { randomNpi } from './helpers/fixtures';

describe('physicians (providers) over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;

  const physicianBody = (extra: Record<string, unknown> = {}) => ({
    firstName: 'Rosa',
    lastName: 'Delgado',
    credentials: 'MD',
    specialty: 'Dermatology',
    npi: randomNpi(),
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses an NPI whose check digit is wrong (400 on npi) and one already on file (409 on npi)', async () => {
    const npi = randomNpi();
    const wrong = `${npi.slice(0, 9)}${(Number(npi[9]) + 1) % 10}`;
    const bad = await manager
      .post('/api/providers')
      .send(physicianBody({ npi: wrong }))
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'npi', reason: 'must be a 10-digit NPI with a valid check digit' }]);
    const first = await manager.post('/api/providers').send(physicianBody({ npi })).expect(201);
    const before = await t.countRows('providers');
    const dup = await manager
      .post('/api/providers')
      .send(physicianBody({ npi, firstName: 'Other' }))
      .expect(409);
    expect(dup.body.errors).toEqual([{ field: 'npi', reason: 'belongs to Rosa Delgado, MD' }]);
    expect(await t.countRows('providers')).toBe(before);
    const audit = await t.db.query(
      `SELECT user_id, action FROM audit_events WHERE object_type = 'provider' AND object_id = $1`,
      [first.body.id],
    );
    expect(audit.rows).toEqual([{ user_id: manager.user.id, action: 'create' }]);
  });

  it('links a physician user account to one physician record only, and lists the accounts to pick from', async () => {
    const doctor = await createUser(t, 'physician', { displayName: 'Dr. Rosa Delgado' });
    const clerk = await createUser(t, 'front_desk');
    const record = await admin.post('/api/providers').send(physicianBody()).expect(201);

    // The same rule, status and words as linking from the Users page (user-admin.integration-spec.ts).
    const notPhysician = await admin.patch(`/api/providers/${record.body.id}`).send({ userId: clerk.id }).expect(422);
    expect(notPhysician.body).toMatchObject({ code: NOT_A_PHYSICIAN_ACCOUNT, message: NOT_A_PHYSICIAN_ACCOUNT_REASON });
    expect(notPhysician.body.errors).toEqual([{ field: 'userId', reason: NOT_A_PHYSICIAN_ACCOUNT_REASON }]);
    await admin.patch(`/api/providers/${record.body.id}`).send({ userId: doctor.id }).expect(200);

    const second = await admin
      .post('/api/providers')
      .send(physicianBody({ firstName: 'Second' }))
      .expect(201);
    const taken = await admin.patch(`/api/providers/${second.body.id}`).send({ userId: doctor.id }).expect(409);
    expect(taken.body.errors).toEqual([{ field: 'userId', reason: 'is already linked to Rosa Delgado, MD' }]);
    expect(
      (await t.db.query(`SELECT user_id FROM providers WHERE id = $1`, [second.body.id])).rows[0].user_id,
    ).toBeNull();

    const users = await manager.get('/api/providers/physician-users').expect(200);
    expect(users.body).toContainEqual({
      id: doctor.id,
      displayName: 'Dr. Rosa Delgado',
      email: doctor.email,
      disabled: false,
      providerId: record.body.id,
    });
    expect(users.body.map((u: { id: string }) => u.id)).not.toContain(clerk.id);
  });

  it('lets only managers and admins change physicians or list accounts (403 otherwise)', async () => {
    await frontDesk.post('/api/providers').send(physicianBody()).expect(403);
    await frontDesk.get('/api/providers/physician-users').expect(403);
    const physician = await signIn(t, 'physician');
    await physician.get('/api/providers/physician-users').expect(403);
    await frontDesk.get('/api/providers').expect(200);
  });
});
