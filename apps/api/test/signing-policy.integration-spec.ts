import { signIn, SignedIn, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, linkProvider, randomNpi, readyCaseBody } from './helpers/fixtures';

const RULE_TEXT = 'The clinic\'s policy "only the ordering physician signs" is on';

describe('the clinic policy "only the ordering physician signs"', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let colleague: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let npi: string;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    colleague = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
    await linkProvider(t, physician.user.id, clinic.providerId);
    npi = (await t.db.query(`SELECT npi FROM providers WHERE id = $1`, [clinic.providerId])).rows[0].npi;
    const other = await manager
      .post('/api/providers')
      .send({ firstName: 'Pat', lastName: 'Sanchez', credentials: 'DO', npi: randomNpi() })
      .expect(201);
    await linkProvider(t, colleague.user.id, other.body.id as string);
  }, 60_000);

  afterAll(async () => {
    await t.close();
  }, 60_000);

  async function draftLetter(): Promise<{ caseId: string; letterId: string }> {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const letter = await physician
      .post(`/api/cases/${created.body.id}/letters`)
      .send({ kind: 'medical_necessity' })
      .expect(201);
    return { caseId: created.body.id, letterId: letter.body.id };
  }

  it('is off by default, set by an admin only, and audited', async () => {
    expect((await admin.get('/api/auth/policy').expect(200)).body.onlyOrderingPhysicianSigns).toBe(false);
    await manager.put('/api/auth/policy/signing').send({ onlyOrderingPhysicianSigns: true }).expect(403);
    const bad = await admin.put('/api/auth/policy/signing').send({ onlyOrderingPhysicianSigns: 'yes' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['onlyOrderingPhysicianSigns']);

    const on = await admin.put('/api/auth/policy/signing').send({ onlyOrderingPhysicianSigns: true }).expect(200);
    expect(on.body.onlyOrderingPhysicianSigns).toBe(true);
    // The two-factor rule beside it is untouched.
    expect(on.body.totpRequiredRoles).toEqual([]);
    const audit = await t.db.query(
      `SELECT user_id, action, detail FROM audit_events WHERE object_type = 'auth_policy' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      {
        user_id: admin.user.id,
        action: 'update',
        detail: { onlyOrderingPhysicianSigns: { from: false, to: true } },
      },
    ]);
  });

  it('refuses a colleague with a 422 naming the rule, says so before signing, and lets the ordering physician sign', async () => {
    await admin.put('/api/auth/policy/signing').send({ onlyOrderingPhysicianSigns: true }).expect(200);
    const { caseId, letterId } = await draftLetter();

    const preview = await colleague.get(`/api/cases/${caseId}/letters/signer`).expect(200);
    expect(preview.body.signer).toBeNull();
    expect(preview.body.refusal).toBe(
      `${RULE_TEXT}: only Dana Whitfield, MD (NPI ${npi}), the ordering physician of this case, may sign its letters.`,
    );

    const refused = await colleague
      .post(`/api/cases/${caseId}/letters/${letterId}/sign`)
      .send({ password: TEST_PASSWORD })
      .expect(422);
    expect(refused.body.code).toBe('only_ordering_physician_signs');
    expect(refused.body.message).toBe(preview.body.refusal);
    expect((await t.db.query(`SELECT status FROM case_letters WHERE id = $1`, [letterId])).rows[0].status).toBe(
      'draft',
    );

    expect((await physician.get(`/api/cases/${caseId}/letters/signer`).expect(200)).body.refusal).toBeNull();
    await physician.post(`/api/cases/${caseId}/letters/${letterId}/sign`).send({ password: TEST_PASSWORD }).expect(201);
  });

  it('lets a colleague sign again once it is off', async () => {
    await admin.put('/api/auth/policy/signing').send({ onlyOrderingPhysicianSigns: false }).expect(200);
    const { caseId, letterId } = await draftLetter();
    expect((await colleague.get(`/api/cases/${caseId}/letters/signer`).expect(200)).body).toMatchObject({
      differentFromOrdering: true,
      refusal: null,
    });
    await colleague.post(`/api/cases/${caseId}/letters/${letterId}/sign`).send({ password: TEST_PASSWORD }).expect(201);
  });
});
