import { Fhir } from 'fhir';
// The package's index re-exports this enum's type but not its value, so it comes from its module.
import { Severities } from 'fhir/validator';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAS_ATTACHMENT_LIMIT_BYTES } from '../src/modules/fhir/fhir.service';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { makeSendable } from './helpers/evidence';
import { ClinicFixture, createClinic, linkProvider, readyCaseBody } from './helpers/fixtures';
import { checkPasRequest, PAS_RULES, shapeOf } from './helpers/pas-conformance';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the tests walk FHIR resources by deep paths

const SD = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/';
const certificationOf = (item: Json) =>
  item.extension.find((e: Json) => e.url === `${SD}extension-certificationType`).valueCodeableConcept.coding[0].code;

describe('Da Vinci PAS 2.2.1 request export', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;
  const fhir = new Fhir();

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-pas-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
    await linkProvider(t, physician.user.id, clinic.providerId);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  /** A case with a real photo, a clinical note and a signed letter: ready to submit. */
  async function readyCase(body: Json = {}): Promise<{ id: string; version: number; caseNumber: string }> {
    const created = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), ...body })
      .expect(201);
    const id = created.body.id as string;
    return { id, version: await makeSendable(physician, id), caseNumber: created.body.caseNumber };
  }

  async function move(id: string, version: number, body: Json): Promise<number> {
    const res = await frontDesk.post(`/api/cases/${id}/transitions`).set('If-Match', String(version)).send(body);
    if (res.status !== 201) throw new Error(`${body.to}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.version as number;
  }

  const approve = { to: 'approved', authorizationNumber: 'AUTH-1', validFrom: '2026-11-20', validTo: '2027-02-20' };
  const deny = { to: 'denied', denialCode: 'CO-50', denialText: 'Not medically necessary' };
  const appeal = { to: 'appealed', appealLevel: 1, letterAttached: true };

  /** Drives a fresh case into `status` the way the desk would. */
  async function caseIn(status: string, body: Json = {}): Promise<{ id: string; caseNumber: string }> {
    const c = await readyCase(body);
    let v = c.version;
    const path: Record<string, Json[]> = {
      documented: [],
      submitted: [{ to: 'submitted' }],
      more_info_requested: [{ to: 'submitted' }, { to: 'more_info_requested', note: 'Send the biopsy report' }],
      approved: [{ to: 'submitted' }, approve],
      partially_approved: [{ to: 'submitted' }, { ...approve, to: 'partially_approved', approvedUnits: 1 }],
      denied: [{ to: 'submitted' }, deny],
      peer_to_peer: [{ to: 'submitted' }, deny, { to: 'peer_to_peer' }],
      appealed: [{ to: 'submitted' }, deny, appeal],
      external_review: [{ to: 'submitted' }, deny, appeal, { ...deny, to: 'denied' }],
      expired: [{ to: 'submitted' }, { ...approve, validFrom: '2026-01-01', validTo: '2026-02-01' }, { to: 'expired' }],
      withdrawn: [{ to: 'submitted' }, { to: 'withdrawn', reason: 'Patient chose self-pay' }],
      completed: [{ to: 'submitted' }, approve],
    };
    for (const step of path[status]) v = await move(c.id, v, step);
    if (status === 'completed') {
      // Every approved unit performed on the approval's first day.
      const lines = (await frontDesk.get(`/api/cases/${c.id}`).expect(200)).body.procedure;
      await physician
        .post(`/api/cases/${c.id}/procedure/performed`)
        .send({ performedOn: approve.validFrom, units: lines.approvedUnits })
        .expect(201);
    }
    if (status === 'external_review') {
      // Internal appeal levels differ by plan: appeal until none is left, then ask for review.
      const levels = (await frontDesk.get(`/api/cases/${c.id}`).expect(200)).body;
      let level = levels.appealLevel as number;
      for (;;) {
        const res = await frontDesk
          .post(`/api/cases/${c.id}/transitions`)
          .set('If-Match', String(v))
          .send({ to: 'external_review' });
        if (res.status === 201) break;
        level += 1;
        v = await move(c.id, v, { ...appeal, appealLevel: level });
        v = await move(c.id, v, deny);
      }
    }
    return c;
  }

  const exportOf = async (id: string, purpose?: string) => {
    const res = await frontDesk.get(`/api/cases/${id}/fhir${purpose ? `?purpose=${purpose}` : ''}`).expect(200);
    return JSON.parse(res.text) as Json;
  };

  const STATES: [string, string, string][] = [
    // status, Claim profile, certification type
    ['documented', 'profile-claim', 'I'],
    ['submitted', 'profile-claim', 'I'],
    ['more_info_requested', 'profile-claim-update', 'I'],
    ['approved', 'profile-claim', 'I'],
    ['partially_approved', 'profile-claim', 'I'],
    ['denied', 'profile-claim', 'I'],
    ['peer_to_peer', 'profile-claim', 'I'],
    ['appealed', 'profile-claim-update', '2'],
    ['external_review', 'profile-claim-update', '2'],
    ['expired', 'profile-claim', 'I'],
    ['withdrawn', 'profile-claim-update', '3'],
    // All approved units used: the request it answered is still the initial one.
    ['completed', 'profile-claim', 'I'],
  ];

  it.each(STATES)(
    'a case %s exports a %s (certification type %s) that passes every PAS rule and FHIR R4 validation',
    async (status, profile, certification) => {
      const { id } = await caseIn(status, {
        procedureLines: [
          { cpt: '10040', units: 3, bodySite: 'Cheeks', lesionCount: 12 },
          { cpt: '96567', units: 1, bodySite: 'Forehead', lesionCount: 3 },
        ],
      });
      const bundle = await exportOf(id);
      const validation = fhir.validate(bundle, { errorOnUnexpected: true });
      expect(validation.messages.filter((m) => m.severity === Severities.Error)).toEqual([]);
      expect(checkPasRequest(bundle)).toEqual([]);
      const claim = bundle.entry[0].resource;
      expect(claim.meta.profile).toEqual([`${SD}${profile}`]);
      expect(claim.item.map(certificationOf)).toEqual([certification, certification]);
      // CPT Surgery section is X12 service type 2 (surgical), the rest 1 (medical care).
      expect(claim.item.map((i: Json) => i.category.coding[0].code)).toEqual(['2', '1']);
    },
    60_000,
  );

  it('the rule table flags a Bundle that breaks the profiles', () => {
    // A Bundle that breaks the profiles in every way the rules look at.
    const broken = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient', id: '1' } }],
    };
    expect(PAS_RULES.length).toBeGreaterThanOrEqual(45);
    expect(checkPasRequest(broken).length).toBeGreaterThan(3);
  });

  it('keeps the Claim id and identifier across exports; a later request is a Claim update of it', async () => {
    const { id, caseNumber } = await caseIn('appealed', { urgency: 'expedited' });
    const [first, second] = [await exportOf(id, 'initial'), await exportOf(id, 'initial')];
    const initial = first.entry[0].resource;
    expect(second.entry[0].resource.id).toBe(initial.id);
    expect(initial.identifier).toEqual([{ system: 'urn:trnorg:PREAUTHAPP', value: caseNumber }]);
    expect(first.identifier.value).not.toBe((await exportOf(id, 'initial')).identifier.value);

    const update = await exportOf(id);
    const claim = update.entry[0].resource;
    expect(claim.id).not.toBe(initial.id);
    expect(claim.identifier).toEqual([{ system: 'urn:trnorg:PREAUTHAPP', value: `${caseNumber}-APPEAL-1` }]);
    expect(claim.related).toEqual([
      {
        claim: { reference: `urn:uuid:${initial.id}` },
        relationship: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship', code: 'prior' }],
        },
      },
    ]);
    // The original Claim travels with its update, unchanged.
    expect(update.entry[1].resource).toEqual({ ...initial, created: update.entry[1].resource.created });
    // An expedited appeal is X12 1322 code 1 (immediate), with the urgent level of service.
    expect(claim.item.map(certificationOf)).toEqual(['1']);
    expect(claim.extension).toContainEqual({
      url: `${SD}extension-levelOfServiceCode`,
      valueCodeableConcept: {
        coding: [{ system: 'https://codesystem.x12.org/005010/1338', code: 'U', display: 'Urgent' }],
      },
    });
    expect(await t.countRows('fhir_claims', 'case_id = $1', [id])).toBe(2);
  });

  it('a withdrawal is a cancel update: every item cancelled; an extension request carries the authorization', async () => {
    const withdrawn = await caseIn('withdrawn');
    const cancel = (await exportOf(withdrawn.id)).entry[0].resource;
    expect(cancel.item[0]).toMatchObject({
      modifierExtension: [{ url: `${SD}modifierextension-infoCancelled`, valueBoolean: true }],
    });
    expect(cancel.item[0].extension).toContainEqual({ url: `${SD}extension-infoChanged`, valueCode: 'changed' });

    const approved = await caseIn('approved');
    const extension = (await exportOf(approved.id, 'extension')).entry[0].resource;
    expect(extension.item.map(certificationOf)).toEqual(['4']);
    expect(extension.item[0].extension).toContainEqual({
      url: `${SD}extension-authorizationNumber`,
      valueString: 'AUTH-1',
    });
  });

  it('refuses a request the case cannot make with 422, and an unknown purpose with 400', async () => {
    const never = await readyCase();
    await frontDesk
      .post(`/api/cases/${never.id}/transitions`)
      .set('If-Match', String(never.version))
      .send({ to: 'withdrawn', reason: 'Duplicate' })
      .expect(201);
    const res = await frontDesk.get(`/api/cases/${never.id}/fhir`).expect(422);
    expect(res.body).toMatchObject({ code: 'purpose_not_allowed', message: expect.stringContaining('never sent') });
    const submitted = await caseIn('submitted');
    await frontDesk.get(`/api/cases/${submitted.id}/fhir?purpose=extension`).expect(422);
    const bad = await frontDesk.get(`/api/cases/${submitted.id}/fhir?purpose=renewal`).expect(400);
    expect(bad.body.message).toContain('purpose must be one of');
  });

  it('carries the photo and the signed letter inline, and refuses with 422 a bundle over the size limit', async () => {
    const { id } = await caseIn('submitted');
    const bundle = await exportOf(id);
    const docs = (bundle.entry as Json[]).map((e) => e.resource).filter((r) => r.resourceType === 'DocumentReference');
    const photo = docs.find((d) => d.type.text === 'Clinical photograph')!;
    const stored = await frontDesk
      .get(
        `/api/photos/${photo.id ? (await t.db.query(`SELECT id FROM case_photos WHERE case_id = $1`, [id])).rows[0].id : ''}`,
      )
      .buffer(true)
      .expect(200);
    expect(Buffer.from(photo.content[0].attachment.data, 'base64')).toEqual(stored.body);
    expect(photo.content[0].attachment.url).toBeUndefined();
    expect(docs.find((d) => d.type.text === 'Letter of medical necessity')!.type.coding[0].code).toBe('103595-5');

    // The stored sizes are what the limit judges, before any file is read.
    await t.db.query(`UPDATE case_photos SET byte_size = $2 WHERE case_id = $1`, [id, PAS_ATTACHMENT_LIMIT_BYTES + 1]);
    const big = await frontDesk.get(`/api/cases/${id}/fhir`).expect(422);
    expect(big.body).toMatchObject({ code: 'bundle_too_large', message: expect.stringContaining('at most 20.0 MB') });
  });

  it("has the shape of the guide's ReferralAuthorizationBundleExample for every element the export fills", async () => {
    const { id } = await caseIn('submitted', { urgency: 'expedited' });
    const ours = await exportOf(id);
    // HL7/davinci-pas 2.2.1 input/fsh/Examples.fsh, Instance: ReferralAuthorizationBundleExample.
    const guide = JSON.parse(
      readFileSync(join(__dirname, 'fixtures/pas/ReferralAuthorizationBundleExample.json'), 'utf8'),
    ) as Json;
    const byType = (b: Json, type: string) =>
      (b.entry as Json[]).map((e) => e.resource).find((r) => r.resourceType === type);
    for (const type of ['Claim', 'Coverage', 'Practitioner', 'PractitionerRole', 'DocumentReference']) {
      const guideShape = shapeOf(byType(guide, type));
      const ourShape = shapeOf(byType(ours, type));
      const relied = [...guideShape].filter((p) => ourShape.has(p));
      // The elements both fill are the guide's: nothing ours has lives at a path the guide's
      // Claim has under another name, and the core of the guide's example is present in ours.
      expect(relied.length).toBeGreaterThan(type === 'Claim' ? 35 : 3);
    }
    const claimShape = shapeOf(byType(ours, 'Claim'));
    for (const path of [
      '.extension[extension-levelOfServiceCode].valueCodeableConcept.coding.system',
      '.identifier.system',
      '.careTeam.extension[extension-careTeamClaimScope].valueBoolean',
      '.supportingInfo.extension[extension-documentInformation].extension[reportTypeCode].valueCodeableConcept.coding.code',
      '.supportingInfo.extension[extension-documentInformation].extension[transmissionMethod].valueCodeableConcept.coding.code',
      '.supportingInfo.category.coding.code',
      '.item.extension[extension-serviceItemRequestType].valueCodeableConcept.coding.code',
      '.item.extension[extension-certificationType].valueCodeableConcept.coding.code',
      '.item.category.coding.system',
      '.item.locationCodeableConcept.coding.system',
      '.item.careTeamSequence',
      '.insurance.focal',
    ]) {
      expect([path, shapeOf(byType(guide, 'Claim')).has(path)]).toEqual([path, true]);
      expect([path, claimShape.has(path)]).toEqual([path, true]);
    }
    // The same code systems at the same places.
    const systems = (b: Json) => {
      const c = byType(b, 'Claim');
      return [
        c.extension.find((e: Json) => e.url.endsWith('levelOfServiceCode')).valueCodeableConcept.coding[0].system,
        c.item[0].category.coding[0].system,
        c.item[0].locationCodeableConcept.coding[0].system,
        c.supportingInfo[0].category.coding[0].system,
        byType(b, 'Organization') &&
          (b.entry as Json[])
            .map((e) => e.resource)
            .find((r) => r.resourceType === 'Organization' && r.type?.[0]?.coding?.[0]?.code === 'PR')?.type[0]
            .coding[0].system,
      ];
    };
    expect(systems(ours)).toEqual(systems(guide));
    // The guide's example meets every profile rule; it is looser only where the export chose
    // more: CPT codes and unit counts (it requests a consultation by X12 service type), a birth
    // date and a member ID (its subscriber and coverage have none).
    expect(checkPasRequest(guide)).toEqual([
      expect.stringContaining('PASClaim item.productOrService'),
      expect.stringContaining('PASQuantity'),
      expect.stringContaining('PASBeneficiary birthDate'),
      expect.stringContaining('PASCoverage identifier[memberid]'),
    ]);
  });

  it("matches an answer to its request by request.reference or identifier: another case's is refused", async () => {
    const a = await caseIn('submitted');
    const b = await caseIn('submitted');
    const claimOf = async (id: string) => (await exportOf(id)).entry[0].resource as Json;
    const [claimA, claimB] = [await claimOf(a.id), await claimOf(b.id)];
    // HL7/davinci-pas 2.2.1 Examples.fsh, Instance: ReferralAuthorizationResponseBundleExample,
    // answering the request the payer received from us.
    const answer = (request: Json) => {
      const bundle = JSON.parse(
        readFileSync(join(__dirname, 'fixtures/pas/ReferralAuthorizationResponseBundleExample.json'), 'utf8'),
      ) as Json;
      bundle.entry[0].resource.request = request;
      return bundle;
    };
    const version = async (id: string) => (await frontDesk.get(`/api/cases/${id}`).expect(200)).body.version as number;
    const post = async (id: string, body: Json) =>
      frontDesk
        .post(`/api/cases/${id}/fhir/claim-response`)
        .set('If-Match', String(await version(id)))
        .send(body);

    const byReference = await post(b.id, answer({ reference: `Claim/${claimA.id}` }));
    expect(byReference.status).toBe(400);
    expect(byReference.body.errors).toEqual([
      { field: 'entry[0].resource.request.reference', reason: expect.stringContaining('another case') },
    ]);
    const byIdentifier = await post(b.id, answer({ identifier: claimA.identifier[0] }));
    expect(byIdentifier.status).toBe(400);
    expect(byIdentifier.body.errors).toEqual([
      {
        field: 'entry[0].resource.request.identifier.value',
        reason: expect.stringContaining(`names the request ${a.caseNumber}`),
      },
    ]);
    expect((await frontDesk.get(`/api/cases/${b.id}`).expect(200)).body.status).toBe('submitted');
    const own = await post(b.id, answer({ reference: `urn:uuid:${claimB.id}`, identifier: claimB.identifier[0] }));
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('approved');
  });
});
