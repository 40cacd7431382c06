import { randomBytes } from 'node:crypto';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

const code = () => `T${randomBytes(3).toString('hex').toUpperCase()}`;

describe('payers over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates a payer with its utilization-management contacts and notes, audited with it', async () => {
    const payerCode = code();
    const res = await admin
      .post('/api/payers')
      .send({
        name: 'Pinecrest Health',
        payerCode,
        planType: 'commercial_erisa',
        phone: '(800) 555-0101',
        fax: '(800) 555-0102',
        portalUrl: 'https://um.pinecrest.example',
        notes: 'Fax the packet; the portal drops attachments over 10 MB.',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      payerCode,
      fax: '(800) 555-0102',
      notes: expect.stringMatching(/^Fax/),
      active: true,
    });
    const audit = await t.db.query(
      `SELECT user_id, action FROM audit_events WHERE object_type = 'payer' AND object_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([{ user_id: admin.user.id, action: 'create' }]);
    const listed = await frontDesk.get('/api/payers').expect(200);
    expect(listed.body.find((p: { id: string }) => p.id === res.body.id)).toMatchObject({
      caseCount: 0,
      fax: '(800) 555-0102',
    });
  });

  it('names the refused field (400) and a payer ID already in use (409), writing nothing', async () => {
    const bad = await manager
      .post('/api/payers')
      .send({ name: 'X', payerCode: code(), planType: 'commercial_erisa', portalUrl: 'javascript:alert(1)' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['portalUrl']);
    const noPlan = await manager
      .post('/api/payers')
      .send({ name: 'X', payerCode: code(), planType: 'tricare' })
      .expect(400);
    expect(noPlan.body.errors.map((e: { field: string }) => e.field)).toEqual(['planType']);

    const first = await manager
      .post('/api/payers')
      .send({ name: 'First', payerCode: code(), planType: 'other' })
      .expect(201);
    const second = await manager
      .post('/api/payers')
      .send({ name: 'Second', payerCode: code(), planType: 'other' })
      .expect(201);
    const before = await t.countRows('payers');
    const dup = await manager
      .post('/api/payers')
      .send({ name: 'Copy', payerCode: first.body.payerCode, planType: 'other' })
      .expect(409);
    expect(dup.body.errors).toEqual([{ field: 'payerCode', reason: 'is already used by First' }]);
    expect(await t.countRows('payers')).toBe(before);
    const renamed = await manager
      .patch(`/api/payers/${second.body.id}`)
      .send({ payerCode: first.body.payerCode })
      .expect(409);
    expect(renamed.body.errors[0].field).toBe('payerCode');
    expect((await t.db.query(`SELECT payer_code FROM payers WHERE id = $1`, [second.body.id])).rows[0].payer_code).toBe(
      second.body.payerCode,
    );
  });

  it('lets only managers and admins change payers (403 otherwise)', async () => {
    const payer = await manager
      .post('/api/payers')
      .send({ name: 'Roles', payerCode: code(), planType: 'other' })
      .expect(201);
    for (const user of [frontDesk, physician]) {
      await user.post('/api/payers').send({ name: 'No', payerCode: code(), planType: 'other' }).expect(403);
      await user.patch(`/api/payers/${payer.body.id}`).send({ notes: 'no' }).expect(403);
      await user.delete(`/api/payers/${payer.body.id}`).expect(403);
    }
  });

  it('deletes a payer no case refers to, and archives one that cases refer to', async () => {
    const unused = await manager
      .post('/api/payers')
      .send({ name: 'Unused', payerCode: code(), planType: 'other' })
      .expect(201);
    await manager.delete(`/api/payers/${unused.body.id}`).expect(204);
    expect(await t.countRows('payers', 'id = $1', [unused.body.id])).toBe(0);
    expect(
      await t.countRows('audit_events', `object_type = 'payer' AND action = 'delete' AND object_id = $1`, [
        unused.body.id,
      ]),
    ).toBe(1);

    const used = await manager
      .post('/api/payers')
      .send({ name: 'Used', payerCode: code(), planType: 'other' })
      .expect(201);
    const oldCase = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), payerId: used.body.id })
      .expect(201);
    const refused = await manager.delete(`/api/payers/${used.body.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'payer_in_use', caseCount: 1 });
    expect(refused.body.message).toMatch(/archive it instead/);
    expect(await t.countRows('payers', 'id = $1', [used.body.id])).toBe(1);

    await manager.patch(`/api/payers/${used.body.id}`).send({ active: false }).expect(200);
    const audit = await t.db.query(
      `SELECT detail FROM audit_events WHERE object_type = 'payer' AND object_id = $1 AND action = 'update'`,
      [used.body.id],
    );
    expect(audit.rows).toEqual([{ detail: { fields: ['active'], archived: true } }]);
    const listed = await frontDesk.get('/api/payers').expect(200);
    expect(listed.body.find((p: { id: string }) => p.id === used.body.id)).toMatchObject({
      active: false,
      caseCount: 1,
    });

    // Not for a new case; the old case keeps it and can still be edited.
    const refusedCase = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), payerId: used.body.id })
      .expect(400);
    expect(refusedCase.body.errors).toEqual([{ field: 'payerId', reason: 'is an archived payer' }]);
    await physician
      .patch(`/api/cases/${oldCase.body.id}`)
      .set('If-Match', String(oldCase.body.version))
      .send({ urgency: 'expedited' })
      .expect(200);
    const other = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const moved = await physician
      .patch(`/api/cases/${other.body.id}`)
      .set('If-Match', String(other.body.version))
      .send({ payerId: used.body.id })
      .expect(400);
    expect(moved.body.errors).toEqual([{ field: 'payerId', reason: 'is an archived payer' }]);
  });
});
