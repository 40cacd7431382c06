import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { makeSendable } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { clinicWithPayerDouble } from './helpers/pas-payer';
import { checkPasRequest } from './helpers/pas-conformance';
import { answering, PayerDouble } from '../../../tools/pas/payer-double';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR bodies are walked by deep paths

describe('sending a case to a payer by Da Vinci PAS (Claim/$submit)', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;
  let payer: PayerDouble;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-pas-submit-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    ({ clinic, payer } = await clinicWithPayerDouble(t, { manager, frontDesk, physician }));
  }, 60_000);

  afterAll(async () => {
    await payer.close();
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  async function readyCase(): Promise<{ id: string; version: number }> {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const id = created.body.id as string;
    return { id, version: await makeSendable(physician, id) };
  }
  const send = (id: string, version: number) =>
    frontDesk.post(`/api/cases/${id}/fhir/submit`).set('If-Match', String(version)).send({});
  const exchanges = async (id: string) =>
    (await t.db.query(`SELECT direction, kind, summary FROM fhir_exchanges WHERE case_id = $1 ORDER BY id`, [id])).rows;

  it('keeps the signing key encrypted and never returns it', async () => {
    const row = (await t.db.query(`SELECT private_key FROM payer_pas_endpoints WHERE payer_id = $1`, [clinic.payerId]))
      .rows[0];
    expect(row.private_key).not.toContain('PRIVATE KEY');
    const res = await manager
      .put(`/api/payers/${clinic.payerId}/pas-endpoint`)
      .send({
        baseUrl: 'http://payer.example/fhir',
        tokenUrl: payer.tokenUrl,
        clientId: 'x',
        keyId: 'k',
        privateKeyPem: payer.privateKeyPem,
      })
      .expect(400);
    expect(res.body.message).toContain('baseUrl must be an https:// URL');
  });

  it('shows the endpoint to managers without the key, and keeps the stored key when none is given', async () => {
    const path = `/api/payers/${clinic.payerId}/pas-endpoint`;
    const shown = (await manager.get(path).expect(200)).body;
    expect(shown).toMatchObject({
      configured: true,
      baseUrl: payer.baseUrl,
      tokenUrl: payer.tokenUrl,
      clientId: payer.clientId,
      keyId: payer.keyId,
      subscription: null,
    });
    expect(JSON.stringify(shown)).not.toContain('PRIVATE KEY');
    await frontDesk.get(path).expect(403);
    const { baseUrl, tokenUrl, clientId, keyId } = payer;
    await manager.put(path).send({ baseUrl, tokenUrl, clientId, keyId }).expect(200);
    // The kept key still signs: the payer accepts the next request.
    const { id, version } = await readyCase();
    payer.replies.push({ kind: 'answer', body: answering('ReferralAuthorizationResponseBundleExample') });
    expect((await send(id, version).expect(200)).body.status).toBe('approved');

    const other = await createClinic(manager, frontDesk);
    const otherPath = `/api/payers/${other.payerId}/pas-endpoint`;
    expect((await manager.get(otherPath).expect(200)).body).toMatchObject({ configured: false, baseUrl: null });
    const refused = await manager.put(otherPath).send({ baseUrl, tokenUrl, clientId, keyId }).expect(400);
    expect(refused.body.message).toContain('privateKeyPem is required');
  });

  it('a synchronous approval: signed client assertion, a conformant Bundle, submitted then approved', async () => {
    const { id, version } = await readyCase();
    payer.replies.push({ kind: 'answer', body: answering('ReferralAuthorizationResponseBundleExample') });
    const res = await send(id, version).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', version: version + 2 });
    expect(payer.assertions.at(-1)).toMatchObject({
      iss: 'preauth-clinic',
      sub: 'preauth-clinic',
      aud: payer.tokenUrl,
    });
    expect(checkPasRequest(payer.received.at(-1)!)).toEqual([]);
    const events = (
      await t.db.query(`SELECT to_status FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id`, [id])
    ).rows.map((r) => r.to_status);
    expect(events).toEqual(['submitted', 'approved']);
    expect(await exchanges(id)).toEqual([
      expect.objectContaining({
        direction: 'outbound',
        kind: 'submit',
        summary: expect.objectContaining({ httpStatus: 200 }),
      }),
      expect.objectContaining({ direction: 'inbound', kind: 'decision' }),
    ]);
  });

  it('lists the exchanges of a case, without their bundles, to the roles that see cases', async () => {
    const { id, version } = await readyCase();
    const path = `/api/cases/${id}/fhir/exchanges`;
    expect((await physician.get(path).expect(200)).body).toEqual({ payerEndpoint: true, exchanges: [] });
    payer.replies.push({ kind: 'answer', body: answering('ReferralAuthorizationResponseBundleExample') });
    await send(id, version).expect(200);
    const res = await physician.get(path).expect(200);
    expect(res.body.exchanges).toEqual([
      expect.objectContaining({ direction: 'outbound', kind: 'submit', httpStatus: 200, outcome: null }),
      expect.objectContaining({
        direction: 'inbound',
        kind: 'decision',
        outcome: 'approved',
        authorizationNumber: 'AUTH0001',
        payerErrors: [],
      }),
    ]);
    expect(res.body.exchanges[0].elapsedMs).toEqual(expect.any(Number));
    // The bundles carry the patient's name and photos: the list never does.
    expect(JSON.stringify(res.body)).not.toMatch(/Thibodeau|resourceType/);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_events WHERE object_type = 'fhir_exchanges' AND object_id = $1 AND action = 'read'`,
      [id],
    );
    expect(audit.rowCount).toBe(2);
    const admin = await signIn(t, 'admin');
    await admin.get(path).expect(403);
    await physician.get('/api/cases/00000000-0000-4000-8000-000000000000/fhir/exchanges').expect(404);
    const other = await createClinic(manager, frontDesk);
    const unsent = await physician.post('/api/cases').send(readyCaseBody(other)).expect(201);
    expect((await frontDesk.get(`/api/cases/${unsent.body.id}/fhir/exchanges`).expect(200)).body.payerEndpoint).toBe(
      false,
    );
  });

  it('an error answer leaves the case unsent, with the payer errors and what to fix', async () => {
    const { id, version } = await readyCase();
    payer.replies.push({ kind: 'answer', body: answering('ErrorResponseBundleExample') });
    const res = await send(id, version).expect(200);
    expect(res.body).toMatchObject({ status: 'documented', version });
    expect(res.body.events.find((e: Json) => e.type === 'payer_response').note).toContain(
      'T4 Payer name or identifier missing',
    );
    const { exchanges: kept } = (await frontDesk.get(`/api/cases/${id}/fhir/exchanges`).expect(200)).body;
    expect(kept.at(-1)).toMatchObject({
      kind: 'error',
      payerErrors: expect.arrayContaining([expect.objectContaining({ code: 'T4' })]),
    });
  });

  it('a pended answer leaves the case submitted, waiting', async () => {
    const { id, version } = await readyCase();
    payer.replies.push({ kind: 'answer', body: answering('ReferralPendingAuthorizationResponseBundleExample') });
    expect((await send(id, version).expect(200)).body).toMatchObject({ status: 'submitted', version: version + 1 });
  });

  it('an expired token is replaced once and the request goes through', async () => {
    const { id, version } = await readyCase();
    payer.replies.push(
      { kind: 'expired-token' },
      { kind: 'answer', body: answering('RejectionResponseBundleExample') },
    );
    const before = payer.assertions.length;
    expect((await send(id, version).expect(200)).body.status).toBe('denied');
    expect(payer.assertions.length).toBe(before + 2);
  });

  it('a payer outage is 503 with Retry-After, the attempt kept, the case untouched', async () => {
    const { id, version } = await readyCase();
    payer.replies.push({ kind: 'status', status: 503 });
    const res = await send(id, version).expect(503);
    expect(res.headers['retry-after']).toBe('300');
    expect(res.body.code).toBe('payer_unavailable');
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body).toMatchObject({ status: 'documented', version });
    expect(await exchanges(id)).toEqual([
      expect.objectContaining({
        direction: 'outbound',
        kind: 'failed',
        summary: expect.objectContaining({ httpStatus: 503 }),
      }),
    ]);
  });

  it('refuses a case that fails the readiness checklist before anything leaves the clinic', async () => {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const sent = payer.received.length;
    await send(created.body.id, created.body.version).expect(422);
    expect(payer.received.length).toBe(sent);
  });
});
