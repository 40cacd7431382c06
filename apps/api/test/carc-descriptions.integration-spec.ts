import { CARC_DENIAL_CODES, NO_CARC_DESCRIPTION } from '@preauth/domain';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { getBinary } from './helpers/binary';
import { addEvidence } from './helpers/evidence';
import { parsePdf } from './helpers/pdf';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

describe('denial reasons a manager describes', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t.close();
  });

  async function deniedWith(code: string): Promise<string> {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    await addEvidence(t, created.body.id);
    const move = (version: number, body: object) =>
      frontDesk
        .post(`/api/cases/${created.body.id}/transitions`)
        .set('If-Match', String(version))
        .send(body)
        .expect(201);
    const submitted = await move(1, { to: 'submitted' });
    await move(submitted.body.version, { to: 'denied', denialCode: code });
    return created.body.id;
  }

  const today = new Date().toISOString().slice(0, 10);
  const range = `from=${new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)}&to=${today}`;
  const reportRow = async (code: string) =>
    (await manager.get(`/api/reports/by-denial-reason?${range}`).expect(200)).body.rows.find(
      (r: { code: string }) => r.code === code,
    );

  it('lists the built-in descriptions', async () => {
    const res = await frontDesk.get('/api/codes/carc').expect(200);
    expect(res.body.filter((c: { builtIn: boolean }) => c.builtIn)).toHaveLength(CARC_DENIAL_CODES.length);
  });

  it('shows an undescribed code as undescribed until a manager describes it, once; then the report and the case show it', async () => {
    const id = await deniedWith('CO-45');
    expect((await physician.get(`/api/cases/${id}`).expect(200)).body.denialDescription).toBeNull();
    expect(await reportRow('CO-45')).toMatchObject({ label: NO_CARC_DESCRIPTION, described: false, denials: 1 });

    await frontDesk
      .post('/api/codes/carc')
      .send({ code: 'CO-45', description: 'Charge exceeds the fee schedule' })
      .expect(403);
    const added = await manager
      .post('/api/codes/carc')
      .send({ code: ' co-45 ', description: ' Charge exceeds the fee schedule ' })
      .expect(201);
    expect(added.body).toEqual({ code: 'CO-45', description: 'Charge exceeds the fee schedule', builtIn: false });
    const audit = await t.db.query(
      `SELECT user_id, action, object_id FROM audit_events WHERE object_type = 'carc_description'`,
    );
    expect(audit.rows).toEqual([{ user_id: manager.user.id, action: 'create', object_id: 'CO-45' }]);

    expect(await reportRow('CO-45')).toMatchObject({ label: 'Charge exceeds the fee schedule', described: true });
    expect((await physician.get(`/api/cases/${id}`).expect(200)).body.denialDescription).toBe(
      'Charge exceeds the fee schedule',
    );
    const listed = await frontDesk.get('/api/codes/carc').expect(200);
    expect(listed.body).toContainEqual({
      code: 'CO-45',
      description: 'Charge exceeds the fee schedule',
      builtIn: false,
    });

    // Once: the same reason under another group code is the same description.
    const again = await manager
      .post('/api/codes/carc')
      .send({ code: 'PR-45', description: 'Something else' })
      .expect(409);
    expect(again.body.message).toBe('CO-45 is already described: "Charge exceeds the fee schedule".');
    expect(await t.countRows('carc_descriptions')).toBe(1);
  });

  it.each([
    [
      'a built-in code',
      { code: 'CO-96', description: 'Other words' },
      409,
      /^CO-96 is already described: "Non-covered charge"/,
    ],
    ['a malformed code', { code: 'XX-1', description: 'Anything' }, 400, /is not a CARC reason code/],
    ['the code as its own description', { code: 'CO-94', description: 'CO-94' }, 400, /not the code again/],
    ['an empty description', { code: 'CO-94', description: '  ' }, 400, /Describe the code in 3 to 200 characters/],
  ])('refuses %s', async (_label, body, status, message) => {
    const res = await manager.post('/api/codes/carc').send(body).expect(status);
    expect(res.body.message).toMatch(message);
    if (status === 400) expect(res.body.errors).toHaveLength(1);
  });

  it("quotes a manager's description in the appeal letter and the packet, as it quotes a built-in one", async () => {
    const id = await deniedWith('CO-39');
    const draft = async () =>
      (await physician.post(`/api/cases/${id}/letters`).send({ kind: 'appeal' }).expect(201)).body.text as string;
    expect(await draft()).toContain('Your notice gives reason code CO-39.');

    await manager
      .post('/api/codes/carc')
      .send({ code: 'CO-39', description: 'Services denied at the time authorization was requested' })
      .expect(201);
    expect(await draft()).toContain(
      'Your notice gives reason code CO-39: Services denied at the time authorization was requested.',
    );
    const packet = await getBinary(frontDesk, `/api/cases/${id}/packet`).expect(200);
    expect(parsePdf(packet.body as Buffer).text.replace(/\s+/g, ' ')).toContain(
      'Denial: CO-39 (Services denied at the time authorization was requested)',
    );
  });
});
