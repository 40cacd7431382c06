import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

interface Item {
  id: string;
  label: string;
  passed: boolean;
  reason?: string;
}

const POLICY = 'Aetna CPB 0633 (Benign Skin Lesion Removal)';

function ruleBody(payerId: string, overrides: Record<string, unknown> = {}) {
  return {
    payerId,
    cptCode: '17110',
    priorAuth: 'required',
    criteria: ['recurrent_trauma', 'vision_obstruction'],
    minFailedTreatments: 1,
    photosRequired: true,
    documents: ['treatment_history'],
    policyName: POLICY,
    policyCheckedOn: '2026-11-30',
    portalUrl: 'https://portal.example.org/prior-auth',
    fax: '+1 (800) 555-0199',
    appealAddress: 'Appeals Unit, PO Box 14463, Lexington KY 40512',
    ...overrides,
  };
}

describe('payer rules over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let payerCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
    payerCode = (await manager.get(`/api/payers/${clinic.payerId}`).expect(200)).body.payerCode as string;
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a bad rule naming each field, and lets only managers and admins write', async () => {
    const bad = await manager
      .post('/api/payer-rules')
      .send(ruleBody(clinic.payerId, { cptCode: '171', policyUrl: 'ftp://x', policyName: null }))
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['cptCode', 'policyUrl', 'policyName']);
    await frontDesk.post('/api/payer-rules').send(ruleBody(clinic.payerId)).expect(403);
    await physician.post('/api/payer-rules').send(ruleBody(clinic.payerId)).expect(403);
    expect(await t.countRows('payer_rule_versions')).toBe(0);
  });

  it("keeps an otherwise ready case from submission until the payer's own criterion is documented, and keeps the version it went out under", async () => {
    const v1 = await manager.post('/api/payer-rules').send(ruleBody(clinic.payerId)).expect(201);
    expect(v1.body).toMatchObject({ version: 1, cptCode: '17110', planType: null, payerCode });

    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const id = created.body.id as string;
    await addEvidence(t, id);
    const before = await frontDesk.get(`/api/cases/${id}/readiness`).expect(200);
    expect(before.body.ready).toBe(false);
    const failing = (before.body.items as Item[]).filter((i) => !i.passed);
    expect(failing.map((i) => i.id)).toEqual(['payer_rule:17110:criteria']);
    expect(failing[0].reason).toBe(
      `${POLICY}: document at least one of recurrent trauma from location (clothing, glasses, shaving, rubbing); restricts vision or obstructs an orifice; the payer treats removal without one as cosmetic.`,
    );
    const refused = await frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', '1')
      .send({ to: 'submitted' })
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain(POLICY);

    await physician
      .patch(`/api/cases/${id}`)
      .set('If-Match', '1')
      .send({ findings: { ...readyCaseBody(clinic).findings, criteria: ['itching', 'recurrent_trauma'] } })
      .expect(200);
    const after = await frontDesk.get(`/api/cases/${id}/readiness`).expect(200);
    expect(after.body.ready).toBe(true);
    expect((after.body.items as Item[]).filter((i) => i.id.startsWith('payer_rule:')).map((i) => i.label)).toEqual([
      `${POLICY}: at least one of the payer's criteria is documented (recurrent trauma from location (clothing, glasses, shaving, rubbing); restricts vision or obstructs an orifice) (17110)`,
      `${POLICY}: at least 1 failed less costly treatment (17110)`,
      `${POLICY}: dated photos of the lesions (17110)`,
      `${POLICY}: history of failed less costly treatments (17110)`,
    ]);
    await frontDesk.post(`/api/cases/${id}/transitions`).set('If-Match', '2').send({ to: 'submitted' }).expect(201);
    const letter = await physician.post(`/api/cases/${id}/letters`).send({ kind: 'medical_necessity' }).expect(201);
    expect(letter.body.text).toContain(
      `Under ${POLICY}, which ${(await frontDesk.get(`/api/payers/${clinic.payerId}`)).body.name} applies to CPT 17110, the case meets this criterion: recurrent trauma from location (clothing, glasses, shaving, rubbing).`,
    );
    const kept = await t.db.query(`SELECT rule_version_id FROM case_payer_rules WHERE case_id = $1`, [id]);
    expect(kept.rows).toEqual([{ rule_version_id: v1.body.id }]);

    // An edit is a new version: the old one is unchanged and the submitted case still reads it.
    await manager
      .post('/api/payer-rules')
      .send(ruleBody(clinic.payerId, { baseVersion: 0, minSymptomWeeks: 52 }))
      .expect(409);
    const v2 = await manager
      .post('/api/payer-rules')
      .send(ruleBody(clinic.payerId, { baseVersion: 1, minSymptomWeeks: 52 }))
      .expect(201);
    expect(v2.body).toMatchObject({ version: 2, minSymptomWeeks: 52 });
    const versions = await frontDesk
      .get('/api/payer-rules/versions')
      .query({ payerId: clinic.payerId, cptCode: '17110' })
      .expect(200);
    expect(
      versions.body.map((v: { version: number; minSymptomWeeks: number | null }) => [v.version, v.minSymptomWeeks]),
    ).toEqual([
      [2, 52],
      [1, null],
    ]);
    const submitted = await frontDesk.get(`/api/cases/${id}`).expect(200);
    expect(submitted.body.readiness.ready).toBe(true);
    await expect(t.db.query(`UPDATE payer_rule_versions SET fax = NULL WHERE id = $1`, [v1.body.id])).rejects.toThrow(
      /never changed/,
    );
    const audit = await t.db.query(
      `SELECT action, detail->>'version' AS version FROM audit_events WHERE object_type = 'payer_rule' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'create', version: '1' },
      { action: 'create', version: '2' },
    ]);

    // A new case meets the new version: 30 weeks of symptoms are fewer than 52.
    const next = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const nextItems = next.body.readiness.items as Item[];
    expect(nextItems.find((i) => i.id === 'payer_rule:17110:symptom_weeks')).toMatchObject({ passed: false });
  });

  it('answers the new-case form: required with the policy, or unknown where no rule is written', async () => {
    const found = await frontDesk
      .get('/api/payer-rules/lookup')
      .query({ payerId: clinic.payerId, cptCode: '17110' })
      .expect(200);
    expect(found.body).toMatchObject({
      priorAuth: 'required',
      cptCode: '17110',
      rule: { version: 2, policyName: POLICY },
    });
    const none = await frontDesk
      .get('/api/payer-rules/lookup')
      .query({ payerId: clinic.payerId, cptCode: '10040' })
      .expect(200);
    expect(none.body).toMatchObject({ priorAuth: 'unknown', rule: null });
  });

  it('exports CSV, imports it back unchanged, and refuses a bad file naming row and column without writing', async () => {
    const exported = await frontDesk.get('/api/payer-rules/export').expect(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    const csv = exported.text;
    expect(csv.split('\r\n')[0]).toMatch(/^payer_code,plan_type,cpt_code,version,prior_auth,criteria,/);
    // The fax starts with "+", which the export quotes against spreadsheet formulas; the import undoes it.
    expect(csv).toContain(`'+1 (800) 555-0199`);

    const same = await manager.post('/api/payer-rules/import').send({ csv }).expect(200);
    expect(same.body).toEqual({ created: 0, unchanged: 1 });

    const header = csv.split('\r\n')[0];
    const changed = `${csv}${payerCode},medicare_advantage,10040,,not_required,,,,no,,,,,,,,,,,\r\n`;
    const res = await manager.post('/api/payer-rules/import').send({ csv: changed }).expect(200);
    expect(res.body).toEqual({ created: 1, unchanged: 1 });

    const versionsBefore = await t.countRows('payer_rule_versions');
    const broken = [
      header,
      `${payerCode},,17111,,required,itching,,,no,,Policy,,,,,,,,,`,
      `NOPE,,17110,,maybe,,,,no,,,,,,,,,,,`,
      `${payerCode},,17111,,unknown,,,,perhaps,,,,,2026-02-30,,,,,,`,
    ].join('\r\n');
    const refused = await manager.post('/api/payer-rules/import').send({ csv: broken }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'row 3, column payer_code', reason: 'no payer has the ID "NOPE"' },
      { field: 'row 3, column prior_auth', reason: 'must be one of required, not_required, unknown' },
      { field: 'row 4, column photos_required', reason: 'must be yes or no' },
      { field: 'row 4, column policy_checked_on', reason: 'must be a YYYY-MM-DD date' },
      { field: 'row 4', reason: 'repeats the rule of row 2' },
    ]);
    expect(await t.countRows('payer_rule_versions')).toBe(versionsBefore);
    await frontDesk.post('/api/payer-rules/import').send({ csv }).expect(403);

    const noHeader = await manager
      .post('/api/payer-rules/import')
      .send({ csv: 'payer,cpt\r\nX,17110\r\n' })
      .expect(400);
    expect(noHeader.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'row 1, column payer',
      'row 1, column cpt',
      'row 1, column payer_code',
      'row 1, column cpt_code',
      'row 1, column prior_auth',
    ]);
  });

  it('answers 404 for a payer or rule that does not exist', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    await frontDesk.get('/api/payer-rules/lookup').query({ payerId: nobody, cptCode: '17110' }).expect(404);
    await frontDesk.get('/api/payer-rules/versions').query({ payerId: clinic.payerId, cptCode: '11104' }).expect(404);
    await frontDesk.get(`/api/payer-rules/${nobody}`).expect(404);
    const missing = await manager.post('/api/payer-rules').send(ruleBody(nobody)).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'payerId', reason: 'is not a payer' }]);
  });
});
