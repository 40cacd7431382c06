import { Fhir } from 'fhir';
// The package's index re-exports this enum's type but not its value, so it comes from its module.
import { Severities } from 'fhir/validator';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REVIEW_ACTION_URL } from '../src/modules/fhir/claim-response';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence, addPhotoAndSignedLetter } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody, linkProvider } from './helpers/fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the tests walk FHIR resources by deep paths

const pasExample = (name: string): Json =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures/pas', `${name}.json`), 'utf8')) as Json;

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

function adjudication(action: string, reason?: string, number: string | null = 'REV-1'): Json {
  return {
    category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] },
    ...(reason
      ? { reason: { coding: [{ system: 'https://x12.org/codes/claim-adjustment-reason-codes', code: reason }] } }
      : {}),
    extension: [
      {
        url: REVIEW_ACTION_URL,
        extension: [
          ...(number ? [{ url: 'number', valueString: number }] : []),
          {
            url: 'code',
            valueCodeableConcept: { coding: [{ system: 'https://codesystem.x12.org/005010/306', code: action }] },
          },
        ],
      },
    ],
  };
}

/** A complete PAS ClaimResponse, valid FHIR R4, whose items carry these review actions. */
function claimResponse(
  items: { action: string; sequence?: number; quantity?: number; reason?: string; number?: null }[],
  extra: Json = {},
): Json {
  return {
    resourceType: 'ClaimResponse',
    id: 'payer-response-1',
    status: 'active',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    use: 'preauthorization',
    patient: { reference: 'Patient/beneficiary' },
    created: hourAgo(),
    insurer: { reference: 'Organization/insurer' },
    outcome: 'complete',
    disposition: 'Reviewed by the medical director.',
    preAuthRef: 'AUTH-2026-0042',
    preAuthPeriod: { start: '2026-11-20', end: '2027-02-20' },
    item: items.map((it, i) => ({
      itemSequence: it.sequence ?? i + 1,
      adjudication: [adjudication(it.action, it.reason, it.number)],
    })),
    // What a partial (A2) or modified (A6) item authorizes travels in addItem under its sequence.
    ...(items.some((it) => it.quantity !== undefined)
      ? {
          addItem: items.flatMap((it, i) =>
            it.quantity !== undefined
              ? [
                  {
                    itemSequence: [it.sequence ?? i + 1],
                    productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '10040' }] },
                    quantity: { value: it.quantity },
                    adjudication: [adjudication('A1')],
                  },
                ]
              : [],
          ),
        }
      : {}),
    ...extra,
  };
}

describe('Da Vinci PAS (FHIR R4) over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;
  const fhir = new Fhir();

  async function submittedCase(body: Json = {}): Promise<{ id: string; version: number }> {
    const created = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), ...body })
      .expect(201);
    await addEvidence(t, created.body.id);
    const res = await frontDesk
      .post(`/api/cases/${created.body.id}/transitions`)
      .set('If-Match', String(created.body.version))
      // Submitted before the payer's answers below are dated (an hour ago): a decision cannot
      // precede the submission it answers.
      .send({ to: 'submitted', occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString() })
      .expect(201);
    return { id: created.body.id, version: res.body.version };
  }

  const importResponse = (actor: SignedIn, id: string, version: number | null, body: unknown) => {
    const req = actor.post(`/api/cases/${id}/fhir/claim-response`);
    if (version !== null) req.set('If-Match', String(version));
    return req.send(body as object);
  };

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-fhir-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
    await linkProvider(t, physician.user.id, clinic.providerId);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  describe('GET /api/cases/:id/fhir', () => {
    it('exports a PAS request Bundle that validates against FHIR R4, Claim first, every reference resolved', async () => {
      const created = await physician
        .post('/api/cases')
        .send({ ...readyCaseBody(clinic), urgency: 'expedited' })
        .expect(201);
      const id = created.body.id as string;
      const { letterId } = await addPhotoAndSignedLetter(physician, id);
      await physician.post(`/api/cases/${id}/letters`).send({ kind: 'medical_necessity' }).expect(201); // an unsigned draft stays home

      const res = await frontDesk.get(`/api/cases/${id}/fhir`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = JSON.parse(res.text) as Json;

      const validation = fhir.validate(bundle);
      expect(validation.messages.filter((m) => m.severity === Severities.Error)).toEqual([]);
      expect(validation.valid).toBe(true);

      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      expect(bundle.timestamp).toEqual(expect.any(String));
      const resources = (bundle.entry as Json[]).map((e) => e.resource as Json);
      const byUrl = new Map((bundle.entry as Json[]).map((e) => [e.fullUrl as string, e.resource as Json]));
      const resolve = (reference: Json) => {
        const target = byUrl.get(reference.reference);
        expect(target).toBeDefined();
        return target!;
      };
      // Every reference anywhere in the Bundle points at an entry of the Bundle.
      const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
      for (const r of references) expect(byUrl.has(JSON.parse(`{${r}}`).reference)).toBe(true);

      const claim = resources[0];
      expect(claim).toMatchObject({
        resourceType: 'Claim',
        use: 'preauthorization',
        status: 'active',
        priority: { coding: [{ code: 'stat' }] },
        identifier: [{ value: created.body.caseNumber }],
      });
      expect(resolve(claim.patient)).toMatchObject({
        resourceType: 'Patient',
        name: [{ family: 'Thibodeau', given: ['Evelyn'] }],
        birthDate: '1968-09-14',
        gender: 'female',
      });
      const coverage = resolve(claim.insurance[0].coverage);
      expect(coverage).toMatchObject({ resourceType: 'Coverage', subscriberId: 'W123', status: 'active' });
      const payerName = (await t.db.query(`SELECT name FROM payers WHERE id = $1`, [clinic.payerId])).rows[0].name;
      expect(resolve(coverage.payor[0])).toMatchObject({ resourceType: 'Organization', name: payerName });
      expect(resolve(claim.insurer)).toBe(resolve(coverage.payor[0]));
      const npi = (await t.db.query(`SELECT npi FROM providers WHERE id = $1`, [clinic.providerId])).rows[0].npi;
      const role = resolve(claim.provider);
      expect(role).toMatchObject({ resourceType: 'PractitionerRole' });
      expect(resolve(role.practitioner)).toMatchObject({
        resourceType: 'Practitioner',
        identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: npi }],
      });
      expect(claim.item).toEqual([
        expect.objectContaining({
          sequence: 1,
          productOrService: {
            coding: [expect.objectContaining({ system: 'http://www.ama-assn.org/go/cpt', code: '17110' })],
          },
          quantity: expect.objectContaining({ value: 1 }),
          diagnosisSequence: [1],
        }),
      ]);
      expect(claim.diagnosis).toEqual([
        {
          sequence: 1,
          diagnosisCodeableConcept: {
            coding: [expect.objectContaining({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'L72.0' })],
          },
        },
      ]);

      const docs = (claim.supportingInfo as Json[]).map((s) => resolve(s.valueReference));
      expect(docs.map((d) => d.resourceType)).toEqual(['DocumentReference', 'DocumentReference']);
      const letterDoc = docs.find((d) => d.type.text === 'Letter of medical necessity')!;
      expect(Buffer.from(letterDoc.content[0].attachment.data, 'base64').toString('utf8')).toBe(
        (await t.db.query(`SELECT text FROM case_letters WHERE id = $1`, [letterId])).rows[0].text,
      );
      const photoDoc = docs.find((d) => d.type.text === 'Clinical photograph')!;
      expect(photoDoc.description).toBe('Behind the left ear, 6 lesions, taken 2026-11-02');
      // Inline: a payer cannot fetch /api/photos/… behind the clinic's login.
      expect(photoDoc.content[0].attachment).toMatchObject({ contentType: 'image/jpeg', data: expect.any(String) });
      expect(photoDoc.content[0].attachment.url).toBeUndefined();

      expect(
        await t.countRows('audit_events', `action = 'export' AND object_type = 'fhir_bundle' AND case_id = $1`, [id]),
      ).toBe(1);
    });

    it('is for the clinic only', async () => {
      const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
      await manager.get(`/api/cases/${created.body.id}/fhir`).expect(200);
      await admin.get(`/api/cases/${created.body.id}/fhir`).expect(403);
    });
  });

  describe('POST /api/cases/:id/fhir/claim-response', () => {
    it.each([
      [
        'A1 (certified)',
        [{ action: 'A1' }],
        'approved',
        {
          authorization_number: 'AUTH-2026-0042',
          valid_from: '2026-11-20',
          valid_to: '2027-02-20',
          approved_units: null,
          denial_code: null,
        },
      ],
      [
        'A3 (not certified)',
        [{ action: 'A3', reason: '50' }],
        'denied',
        { authorization_number: null, denial_code: 'CO-50', denial_text: 'Reviewed by the medical director.' },
      ],
    ] as const)(
      'records %s as the matching transition, with its event, decision and audit rows',
      async (_label, items, status, columns) => {
        const { id, version } = await submittedCase();
        const res = await importResponse(frontDesk, id, version, claimResponse([...items])).expect(200);
        expect(res.body).toMatchObject({ status, version: version + 1 });
        expect(res.headers.etag).toBe(`"${version + 1}"`);
        const row = (
          await t.db.query(
            `SELECT status, authorization_number, valid_from::text, valid_to::text, approved_units, denial_code, denial_text FROM cases WHERE id = $1`,
            [id],
          )
        ).rows[0];
        expect(row).toMatchObject({ status, ...columns });
        const events = (
          await t.db.query(
            `SELECT from_status, to_status, actor_id, note, occurred_at FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id DESC LIMIT 1`,
            [id],
          )
        ).rows;
        expect(events[0]).toMatchObject({ from_status: 'submitted', to_status: status, actor_id: frontDesk.user.id });
        expect(events[0].note).toContain(`Payer ClaimResponse payer-response-1: item 1 ${items[0].action}`);
        // The payer's decision time (ClaimResponse.created), not the import time, drives the clocks.
        expect(Math.abs((events[0].occurred_at as Date).getTime() - (Date.now() - 3_600_000))).toBeLessThan(120_000);
        expect(await t.countRows('case_decisions', 'case_id = $1', [id])).toBe(1);
        expect(
          await t.countRows(
            'audit_events',
            `action = 'update' AND object_type = 'case' AND case_id = $1 AND detail->>'transition' = $2`,
            [id, `submitted->${status}`],
          ),
        ).toBe(1);
      },
    );

    it('records A2 (partially certified) with the authorized units, and mixed A1/A3 items as a partial approval', async () => {
      const lines = [
        { cpt: '10040', units: 3, bodySite: 'Cheeks', lesionCount: 12 },
        { cpt: '17110', units: 1, bodySite: 'Behind both ears', lesionCount: 9 },
      ];
      const a = await submittedCase({ procedureLines: lines });
      await importResponse(
        manager,
        a.id,
        a.version,
        claimResponse([{ action: 'A2', quantity: 2 }, { action: 'A1' }]),
      ).expect(200);
      expect(
        (await t.db.query(`SELECT status, approved_units, authorization_number FROM cases WHERE id = $1`, [a.id]))
          .rows[0],
      ).toEqual({
        status: 'partially_approved',
        approved_units: 3,
        authorization_number: 'AUTH-2026-0042',
      });
      const b = await submittedCase({ procedureLines: lines });
      await importResponse(
        frontDesk,
        b.id,
        b.version,
        claimResponse([
          { action: 'A1', sequence: 1 },
          { action: 'A3', sequence: 2, reason: '50' },
        ]),
      ).expect(200);
      expect((await t.db.query(`SELECT status, approved_units FROM cases WHERE id = $1`, [b.id])).rows[0]).toEqual({
        status: 'partially_approved',
        approved_units: 3,
      });
    });

    it('accepts the response Bundle (application/fhir+json) and reads the ClaimResponse out of it', async () => {
      const { id, version } = await submittedCase();
      const caseNumber = (await t.db.query(`SELECT case_number FROM cases WHERE id = $1`, [id])).rows[0].case_number;
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:0d3c2f0e-5a44-4b0c-9f3e-5a1d1d0c0001',
            resource: { resourceType: 'Organization', id: 'insurer', name: 'Payer' },
          },
          {
            fullUrl: 'urn:uuid:0d3c2f0e-5a44-4b0c-9f3e-5a1d1d0c0002',
            resource: claimResponse([{ action: 'A1' }], {
              request: { identifier: { system: 'urn:preauth:case-number', value: caseNumber } },
            }),
          },
        ],
      };
      await frontDesk
        .post(`/api/cases/${id}/fhir/claim-response`)
        .set('If-Match', String(version))
        .set('Content-Type', 'application/fhir+json')
        .send(JSON.stringify(bundle))
        .expect(200);
      expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [id])).rows[0].status).toBe('approved');
    });

    it.each([
      [
        'an unknown review action code',
        claimResponse([{ action: 'A9' }]),
        'item[0].adjudication[0].extension[0].extension[1].valueCodeableConcept.coding[0].code',
      ],
      [
        'an item without a review action',
        {
          ...claimResponse([{ action: 'A1' }]),
          item: [{ itemSequence: 1, adjudication: [{ category: { text: 'submitted' } }] }],
        },
        'item[0].adjudication',
      ],
      [
        'a certification with neither preAuthRef nor reviewAction.number',
        claimResponse([{ action: 'A1', number: null }], { preAuthRef: undefined }),
        'preAuthRef',
      ],
      [
        'a certification without a validity window',
        claimResponse([{ action: 'A1' }], { preAuthPeriod: undefined }),
        'preAuthPeriod',
      ],
      [
        'a bad validity date',
        claimResponse([{ action: 'A1' }], { preAuthPeriod: { start: '2026-13-45', end: '2027-01-01' } }),
        'preAuthPeriod.start',
      ],
      ['a partial certification without the authorized quantity', claimResponse([{ action: 'A2' }]), 'item[0]'],
      ['a use other than preauthorization', claimResponse([{ action: 'A1' }], { use: 'claim' }), 'use'],
      ['a missing required R4 element (status)', claimResponse([{ action: 'A1' }], { status: undefined }), 'status'],
      ['another resource type', { resourceType: 'Claim' }, 'resourceType'],
      [
        "an answer to another case's request",
        claimResponse([{ action: 'A1' }], {
          request: { identifier: { system: 'urn:preauth:case-number', value: 'PA-999999' } },
        }),
        'request.identifier.value',
      ],
      [
        'a Bundle with the bad element inside',
        { resourceType: 'Bundle', type: 'collection', entry: [{ resource: claimResponse([{ action: 'A7' }]) }] },
        'entry[0].resource.item[0].adjudication[0].extension[0].extension[1].valueCodeableConcept.coding[0].code',
      ],
    ])('refuses %s with 400 naming the element, changing nothing', async (_label, body, field) => {
      const { id, version } = await submittedCase();
      const before = (await t.db.query(`SELECT status, version, updated_at FROM cases WHERE id = $1`, [id])).rows[0];
      const events = await t.countRows('case_events', 'case_id = $1', [id]);
      const audits = await t.countRows('audit_events', `action = 'update' AND case_id = $1`, [id]);
      const res = await importResponse(frontDesk, id, version, JSON.parse(JSON.stringify(body))).expect(400);
      expect(res.body.code).toBe('malformed_claim_response');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await t.db.query(`SELECT status, version, updated_at FROM cases WHERE id = $1`, [id])).rows[0]).toEqual(
        before,
      );
      expect(await t.countRows('case_events', 'case_id = $1', [id])).toBe(events);
      expect(await t.countRows('audit_events', `action = 'update' AND case_id = $1`, [id])).toBe(audits);
    });

    it('applies the state machine: If-Match required and checked, guards and roles as for a manual transition', async () => {
      const { id, version } = await submittedCase();
      await importResponse(frontDesk, id, null, claimResponse([{ action: 'A1' }])).expect(428);
      const stale = await importResponse(frontDesk, id, version - 1, claimResponse([{ action: 'A1' }])).expect(409);
      expect(stale.body.code).toBe('stale_version');
      await importResponse(physician, id, version, claimResponse([{ action: 'A1' }])).expect(403);
      await importResponse(admin, id, version, claimResponse([{ action: 'A1' }])).expect(403);
      // A validity window that ends before it starts passes FHIR but fails the approval guard.
      const guard = await importResponse(
        frontDesk,
        id,
        version,
        claimResponse([{ action: 'A1' }], { preAuthPeriod: { start: '2027-01-01', end: '2026-12-01' } }),
      ).expect(422);
      expect(guard.body.code).toBe('guard_failed');
      await importResponse(frontDesk, id, version, claimResponse([{ action: 'A1' }])).expect(200);
      // Approved is not a state a payer review can approve again.
      const again = await importResponse(frontDesk, id, version + 1, claimResponse([{ action: 'A1' }])).expect(409);
      expect(again.body.code).toBe('not_allowed');
    });

    it('records an appeal decision through the same path (A1 after an appeal overturns the denial)', async () => {
      const { id, version } = await submittedCase();
      let v = (
        await importResponse(frontDesk, id, version, claimResponse([{ action: 'A3', reason: 'CO-50' }])).expect(200)
      ).body.version as number;
      v = (
        await frontDesk
          .post(`/api/cases/${id}/transitions`)
          .set('If-Match', String(v))
          // Between the denial and the appeal decision, both dated an hour ago.
          .send({ to: 'appealed', appealLevel: 1, letterAttached: true, occurredAt: hourAgo() })
          .expect(201)
      ).body.version;
      await importResponse(frontDesk, id, v, claimResponse([{ action: 'A1' }])).expect(200);
      const last = (
        await t.db.query(
          `SELECT from_status, to_status, data FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id DESC LIMIT 1`,
          [id],
        )
      ).rows[0];
      expect(last).toMatchObject({
        from_status: 'appealed',
        to_status: 'approved',
        data: expect.objectContaining({ outcome: 'overturned' }),
      });
    });
  });

  // Every example answer of the guide (HL7/davinci-pas 2.2.1, input/fsh/Examples.fsh), converted
  // in test/fixtures/pas (each file named after its FSH instance), posted as the payer sent it.
  describe("the guide's example answers", () => {
    const caseRow = async (id: string) =>
      (
        await t.db.query(
          `SELECT status, version, authorization_number, valid_from::text, valid_to::text, approved_units, denial_code, denial_text FROM cases WHERE id = $1`,
          [id],
        )
      ).rows[0];
    const lastEvent = async (id: string) =>
      (
        await t.db.query(
          `SELECT type, to_status, note, data, occurred_at FROM case_events WHERE case_id = $1 ORDER BY id DESC LIMIT 1`,
          [id],
        )
      ).rows[0];
    const exchanges = async (id: string) =>
      (
        await t.db.query(`SELECT direction, kind, resource_id, summary, body FROM fhir_exchanges WHERE case_id = $1`, [
          id,
        ])
      ).rows;

    it.each([
      ['ReferralAuthorizationResponseBundleExample', 'PractitionerRequestorResponseExample'],
      [
        'PractitionerRequestorAdditionalContentResponseExample',
        'PractitionerRequestorAdditionalContentResponseExample',
      ],
      ['PASClaimInquiryResponseBundleExample', 'PASClaimInquiryResponseExample'],
      ['PASClaimInquiryOperationResponseExample', 'PASClaimInquiryResponseExample'],
      ['PASSubscriptionNotification', 'PractitionerRequestorResponseExample'],
    ])('%s approves the case with authorization AUTH0001 for the certified dates', async (name, responseId) => {
      const { id, version } = await submittedCase();
      const res = await importResponse(frontDesk, id, version, pasExample(name)).expect(200);
      expect(res.body).toMatchObject({ status: 'approved', version: version + 1 });
      expect(await caseRow(id)).toMatchObject({
        status: 'approved',
        authorization_number: 'AUTH0001',
        valid_from: '2005-05-02',
        valid_to: '2005-06-02',
      });
      const event = await lastEvent(id);
      expect(event).toMatchObject({ type: 'transition', to_status: 'approved' });
      expect(event.note).toContain(`Payer ClaimResponse ${responseId}: item 1 A1 (Certified in total)`);
      // Its window ended in 2005, long before this request: recorded, but never silently. The
      // request went two hours ago, which is yesterday in the clinic just after its midnight.
      const { first_submitted_at: submittedAt } = (
        await t.db.query(`SELECT first_submitted_at FROM cases WHERE id = $1`, [id])
      ).rows[0];
      const sentOn = submittedAt.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
      const warning = `The payer's approval ended on 2005-06-02, before the request was sent on ${sentOn}: it cannot be used.`;
      expect(event.note).toContain(warning);
      const listed = (await frontDesk.get(`/api/cases/${id}/fhir/exchanges`).expect(200)).body.exchanges;
      expect(listed[0].warning).toContain(warning);
      // The example is dated 2005, before this case was submitted: the answer is dated when recorded.
      expect(Date.now() - (event.occurred_at as Date).getTime()).toBeLessThan(60_000);
      expect(await exchanges(id)).toEqual([
        expect.objectContaining({
          direction: 'inbound',
          kind: 'decision',
          resource_id: responseId,
          body: pasExample(name),
        }),
      ]);
    });

    it('ReferralPendingAuthorizationResponseBundleExample (A4) leaves the case submitted and keeps the pend on its timeline', async () => {
      const { id, version } = await submittedCase();
      const res = await importResponse(
        frontDesk,
        id,
        version,
        pasExample('ReferralPendingAuthorizationResponseBundleExample'),
      ).expect(200);
      expect(res.body).toMatchObject({ status: 'submitted', version });
      expect(await lastEvent(id)).toMatchObject({
        type: 'payer_response',
        to_status: null,
        note: expect.stringContaining(
          'The payer pended the request; its decision will follow (payer reference PEND0001)',
        ),
        data: {
          kind: 'pended',
          actions: ['A4'],
          pendingReference: 'PEND0001',
          claimResponseId: 'PractitionerRequestorPendingResponseExample',
        },
      });
      expect(await exchanges(id)).toEqual([expect.objectContaining({ kind: 'pended' })]);
      expect(
        await t.countRows(
          'audit_events',
          `action = 'update' AND case_id = $1 AND detail->>'payerResponse' = 'pended'`,
          [id],
        ),
      ).toBe(1);
      // The decision that follows the pend is recorded on the same version.
      await importResponse(frontDesk, id, version, pasExample('ReferralAuthorizationResponseBundleExample')).expect(
        200,
      );
      expect((await caseRow(id)).status).toBe('approved');
    });

    it("RejectionResponseBundleExample (A3) denies the case with the payer's own reason, no CARC invented", async () => {
      const { id, version } = await submittedCase();
      await importResponse(frontDesk, id, version, pasExample('RejectionResponseBundleExample')).expect(200);
      expect(await caseRow(id)).toMatchObject({
        status: 'denied',
        denial_code: null,
        denial_text: 'X12 306 A3 Not certified; the payer gave no reason code',
      });
      expect((await lastEvent(id)).data).toMatchObject({
        payerReason: 'X12 306 A3 Not certified; the payer gave no reason code',
      });
      expect(
        (await t.db.query(`SELECT outcome, denial_code FROM case_decisions WHERE case_id = $1`, [id])).rows,
      ).toEqual([{ outcome: 'denied', denial_code: null }]);
    });

    it.each([
      [
        'ErrorResponseBundleExample',
        ['04', 'T4'],
        "T4 Payer name or identifier missing: Check the payer's name and payer code.",
      ],
      ['InvalidRequestResponse', ['invalid'], 'The payer refused the request as invalid.'],
    ])(
      '%s keeps the payer error codes on the case and says what to fix, status unchanged',
      async (name, codes, hint) => {
        const { id, version } = await submittedCase();
        const res = await importResponse(frontDesk, id, version, pasExample(name)).expect(200);
        expect(res.body).toMatchObject({ status: 'submitted', version });
        const event = await lastEvent(id);
        expect(event).toMatchObject({ type: 'payer_response', data: { kind: 'error' } });
        expect(event.data.payerErrors.map((e: Json) => e.code)).toEqual(codes);
        expect(event.note).toContain(hint);
        expect(res.body.events.find((e: Json) => e.type === 'payer_response')).toMatchObject({
          type: 'payer_response',
          note: expect.stringContaining(hint),
        });
        expect(await exchanges(id)).toEqual([
          expect.objectContaining({
            kind: 'error',
            summary: expect.objectContaining({ payerErrors: expect.any(Array) }),
          }),
        ]);
      },
    );

    it('checks If-Match on an answer that changes no status too', async () => {
      const { id, version } = await submittedCase();
      const stale = await importResponse(frontDesk, id, version - 1, pasExample('ErrorResponseBundleExample')).expect(
        409,
      );
      expect(stale.body.code).toBe('stale_version');
      expect(await exchanges(id)).toEqual([]);
    });
  });
});
