import { addDaysToDate, toLocalDate } from '@preauth/domain';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { generateTotpCode } from '../src/modules/auth/totp';
import { createUser, signIn, SignedIn, signInAs, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, linkProvider, randomNpi, readyCaseBody } from './helpers/fixtures';
import { getBinary } from './helpers/binary';
import { parsePdf } from './helpers/pdf';

const image = (format: 'jpeg' | 'png' | 'webp', color: { r: number; g: number; b: number }) =>
  sharp({ create: { width: 80, height: 60, channels: 3, background: color } })
    [format]()
    .toBuffer();

describe('letters over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let npi: string;
  let uploadDir: string;

  async function createCase(body: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const res = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), ...body })
      .expect(201);
    return { id: res.body.id, version: res.body.version };
  }

  async function move(id: string, version: number, body: Record<string, unknown>) {
    const res = await frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', String(version))
      .send(body)
      .expect(201);
    return res.body.version as number;
  }

  async function draft(caseId: string, kind = 'medical_necessity') {
    return physician.post(`/api/cases/${caseId}/letters`).send({ kind }).expect(201);
  }

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-letters-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
    await linkProvider(t, physician.user.id, clinic.providerId);
    npi = (await t.db.query(`SELECT npi FROM providers WHERE id = $1`, [clinic.providerId])).rows[0].npi;
  }, 60_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  async function uploadPhoto(
    caseId: string,
    bodySite: string,
    lesionCount: number,
    takenAt: string,
    format: 'jpeg' | 'png' | 'webp' = 'jpeg',
  ) {
    return physician
      .post(`/api/cases/${caseId}/photos`)
      .field('bodySite', bodySite)
      .field('lesionCount', String(lesionCount))
      .field('takenAt', takenAt)
      .attach('file', await image(format, { r: 200, g: 60, b: 60 }), `photo.${format === 'jpeg' ? 'jpg' : format}`)
      .expect(201);
  }

  describe('letter of medical necessity', () => {
    it('is filled from the case: patient, plan, codes with descriptions, criteria, failed treatments, photos, physician', async () => {
      const { id } = await createCase({
        findings: {
          criteria: ['itching', 'burning', 'inflammation'],
          symptoms: 'Itchy, burns when scratched',
          symptomDurationWeeks: 30,
          inflammation: true,
          functionalImpairment: 'Glasses temples rub the lesions',
        },
        payerReference: 'REF-77',
      });
      const payerName = (await t.db.query(`SELECT name FROM payers WHERE id = $1`, [clinic.payerId])).rows[0].name;
      const res = await draft(id);
      expect(res.body).toMatchObject({
        caseId: id,
        kind: 'medical_necessity',
        version: 1,
        status: 'draft',
        signedAt: null,
        signedBy: null,
      });
      const text: string = res.body.text;
      for (const expected of [
        'Evelyn Thibodeau',
        'Date of birth: September 14, 1968',
        'Member ID: W123',
        payerName,
        'Plan type: Commercial (employer / ERISA)',
        'payer reference: REF-77',
        'ICD-10-CM L72.0 (',
        'CPT 17110 (Destruction of benign lesions',
        '1 unit, Behind both ears, 9 lesions',
        'these lesions meet 3 of those criteria: intense itching, burning and inflammation (erythema, edema, purulence, oozing).',
        'For 30 weeks (about 7 months) the patient has had the following symptoms: itchy, burns when scratched.',
        'There is physical evidence of inflammation',
        'Effect on daily function: Glasses temples rub the lesions.',
        'Treatment tried first',
        '- Topical retinol, from January 5, 2026 to April 1, 2026 (3 months): little result.',
        'No photographs are enclosed yet.',
        'Dana Whitfield, MD',
        `NPI ${npi}`,
      ]) {
        expect(text).toContain(expected);
      }
      expect(res.body.facts).toMatchObject({ photoCount: 0, failedTreatmentCount: 1, npi });
      const row = (
        await t.db.query(`SELECT status, version, created_by, text FROM case_letters WHERE id = $1`, [res.body.id])
      ).rows[0];
      expect(row).toEqual({ status: 'draft', version: 1, created_by: physician.user.id, text });
      expect(
        await t.countRows('audit_events', `object_type = 'letter' AND action = 'create' AND object_id = $1`, [
          res.body.id,
        ]),
      ).toBe(1);
    });

    it('says so when no less costly treatment was tried, instead of an empty section', async () => {
      const { id } = await createCase({ failedTreatments: [] });
      const res = await draft(id);
      expect(res.body.text).toContain(
        'Treatment tried first\nNo less costly treatment is documented yet; most payers ask for one before removal.',
      );
      expect(res.body.text).not.toContain('was tried first and failed');
    });

    it('lets the physician edit a draft, then signing freezes it (409 on edit or re-sign, database refuses too)', async () => {
      const { id } = await createCase();
      const created = await draft(id);
      const letterUrl = `/api/cases/${id}/letters/${created.body.id}`;
      const edited = `${created.body.text}\n\nP.S. The patient also reports sleep loss from itching.`;
      await physician.patch(letterUrl).send({ text: edited }).expect(428);
      const patched = await physician.patch(letterUrl).set('If-Match', '1').send({ text: edited }).expect(200);
      expect(patched.body).toMatchObject({
        text: edited,
        status: 'draft',
        revision: 2,
        editedBy: { id: physician.user.id },
      });
      expect(patched.headers.etag).toBe('"2"');
      const stale = await physician
        .patch(letterUrl)
        .set('If-Match', '1')
        .send({ text: 'an edit made on an old copy' })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentRevision: 2 });

      const wrong = await physician.post(`${letterUrl}/sign`).send({ password: 'not-my-password' }).expect(422);
      expect(wrong.body).toMatchObject({
        code: 'reauth_failed',
        message: expect.stringMatching(/password is incorrect/),
      });
      const missing = await physician.post(`${letterUrl}/sign`).send({}).expect(422);
      expect(missing.body.code).toBe('reauth_password_required');
      expect(
        (await t.db.query(`SELECT status FROM case_letters WHERE id = $1`, [created.body.id])).rows[0].status,
      ).toBe('draft');
      expect(
        await t.countRows('audit_events', `action = 'failed_login' AND object_id = $1 AND detail->>'reauth' = 'true'`, [
          physician.user.id,
        ]),
      ).toBe(1);

      const signed = await physician.post(`${letterUrl}/sign`).send({ password: TEST_PASSWORD }).expect(201);
      const signedText: string = signed.body.text;
      expect(signedText.startsWith(`${edited}\n`)).toBe(true);
      // The block is the signer's own; the case's provider is the signer here, so it is named once.
      expect(signedText.slice(edited.length)).toMatch(
        new RegExp(
          `^\\n\\nDana Whitfield, MD\\nNPI ${npi}\\n\\nElectronically signed by Dana Whitfield, MD, NPI ${npi}, on [A-Z][a-z]+ \\d{1,2}, \\d{4}(,| at) \\d{1,2}:\\d{2}:\\d{2} [AP]M [A-Z]{3,4}$`,
        ),
      );
      expect(signedText).not.toContain('Ordering physician: Dana Whitfield, MD, NPI ' + npi + ';');
      expect(signed.body).toMatchObject({
        status: 'signed',
        signedBy: { id: physician.user.id, name: physician.user.displayName },
        signer: { name: 'Dana Whitfield, MD', npi },
        signatureMethod: 'password',
      });
      expect(Date.parse(signed.body.signedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(signed.body.textSha256).toBe(createHash('sha256').update(signedText).digest('hex'));
      const row = (
        await t.db.query(
          `SELECT status, signed_by, signed_at, text, signature_method, signer_npi FROM case_letters WHERE id = $1`,
          [created.body.id],
        )
      ).rows[0];
      expect(row).toMatchObject({
        status: 'signed',
        signed_by: physician.user.id,
        text: signedText,
        signature_method: 'password',
        signer_npi: npi,
      });
      const audit = (
        await t.db.query(
          `SELECT detail FROM audit_events WHERE object_type = 'letter' AND object_id = $1 AND detail->>'signed' = 'true'`,
          [created.body.id],
        )
      ).rows;
      expect(audit).toEqual([{ detail: expect.objectContaining({ method: 'password', signerNpi: npi }) }]);
      const event = (
        await t.db.query(`SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'letter_signed'`, [id])
      ).rows;
      expect(event).toEqual([
        { actor_id: physician.user.id, data: { letterId: created.body.id, kind: 'medical_necessity', version: 1 } },
      ]);

      const refused = await physician
        .patch(letterUrl)
        .set('If-Match', '2')
        .send({ text: 'changed after signing' })
        .expect(409);
      expect(refused.body.code).toBe('letter_signed');
      await physician.post(`${letterUrl}/sign`).send({ password: TEST_PASSWORD }).expect(409);
      await expect(
        t.db.query(`UPDATE case_letters SET text = 'tampered' WHERE id = $1`, [created.body.id]),
      ).rejects.toThrow(/immutable/);
      await expect(t.db.query(`DELETE FROM case_letters WHERE id = $1`, [created.body.id])).rejects.toThrow(
        /immutable/,
      );
      expect((await t.db.query(`SELECT text FROM case_letters WHERE id = $1`, [created.body.id])).rows[0].text).toBe(
        signedText,
      );

      const next = await draft(id);
      expect(next.body).toMatchObject({ version: 2, status: 'draft' });
      const list = await frontDesk.get(`/api/cases/${id}/letters`).expect(200);
      expect(list.body.map((l: { version: number; status: string }) => [l.version, l.status])).toEqual([
        [2, 'draft'],
        [1, 'signed'],
      ]);
    });

    it('lets only physicians sign (403 for front desk and managers, nothing changes)', async () => {
      const { id } = await createCase();
      const created = await draft(id);
      for (const actor of [frontDesk, manager]) {
        await actor.post(`/api/cases/${id}/letters/${created.body.id}/sign`).expect(403);
      }
      expect(
        (await t.db.query(`SELECT status FROM case_letters WHERE id = $1`, [created.body.id])).rows[0].status,
      ).toBe('draft');
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'letter_signed'`, [id])).toBe(0);
    });

    it('refuses a physician whose account is linked to no provider, or to one with an invalid NPI', async () => {
      const unlinked = await signIn(t, 'physician');
      const { id } = await createCase();
      const created = await draft(id);
      const url = `/api/cases/${id}/letters/${created.body.id}/sign`;
      const refused = await unlinked.post(url).send({ password: TEST_PASSWORD }).expect(403);
      expect(refused.body).toMatchObject({
        code: 'signer_not_a_provider',
        message: expect.stringMatching(/not linked/),
      });
      const preview = await unlinked.get(`/api/cases/${id}/letters/signer`).expect(200);
      expect(preview.body).toMatchObject({ signer: null, refusal: expect.stringMatching(/not linked/) });

      // A provider row whose NPI fails the check digit (inserted past the API, which refuses it).
      const bad = `${npi.slice(0, 9)}${(Number(npi[9]) + 1) % 10}`;
      await t.db.query(
        `INSERT INTO providers (first_name, last_name, credentials, npi, user_id) VALUES ('Ina', 'Valid', 'MD', $1, $2)`,
        [bad, unlinked.user.id],
      );
      const invalid = await unlinked.post(url).send({ password: TEST_PASSWORD }).expect(403);
      expect(invalid.body.code).toBe('signer_npi_invalid');
      expect(
        (await t.db.query(`SELECT status FROM case_letters WHERE id = $1`, [created.body.id])).rows[0].status,
      ).toBe('draft');
    });

    it('names both when a colleague signs for the ordering physician, and says so beforehand', async () => {
      const colleague = await signIn(t, 'physician');
      const colleagueNpi = randomNpi();
      await manager
        .post('/api/providers')
        .send({ firstName: 'Pat', lastName: 'Sanchez', credentials: 'DO', npi: colleagueNpi })
        .expect(201)
        .then((res) => linkProvider(t, colleague.user.id, res.body.id as string));
      const { id } = await createCase();
      const created = await draft(id);

      const preview = await colleague.get(`/api/cases/${id}/letters/signer`).expect(200);
      expect(preview.body).toEqual({
        signer: { name: 'Pat Sanchez, DO', npi: colleagueNpi },
        orderingPhysician: { name: 'Dana Whitfield, MD', npi },
        differentFromOrdering: true,
        refusal: null,
        method: 'password',
      });
      const signed = await colleague
        .post(`/api/cases/${id}/letters/${created.body.id}/sign`)
        .send({ password: TEST_PASSWORD })
        .expect(201);
      const block = (signed.body.text as string).slice(created.body.text.length);
      expect(block).toContain(`\nPat Sanchez, DO\nNPI ${colleagueNpi}\n`);
      expect(block).toContain(
        `Ordering physician: Dana Whitfield, MD, NPI ${npi}; signed by Pat Sanchez, DO, NPI ${colleagueNpi}`,
      );
      expect(block).toContain(`Electronically signed by Pat Sanchez, DO, NPI ${colleagueNpi}, on `);
      expect(block).not.toMatch(/\nDana Whitfield, MD\nNPI/);
      expect(signed.body.signer).toEqual({ name: 'Pat Sanchez, DO', npi: colleagueNpi });
    });

    it('asks a physician with two-factor sign-in for an authenticator code instead of the password', async () => {
      const user = await createUser(t, 'physician');
      const session = await signInAs(t, user);
      const secret = (await session.post('/api/auth/totp/setup').expect(200)).body.secret as string;
      // The enabling code and the signing code must fall in different 30 s steps (no replay), so
      // the signing code is taken one step later.
      const enabledAt = Date.now();
      await session
        .post('/api/auth/totp/enable')
        .send({ code: generateTotpCode(secret, enabledAt) })
        .expect(200);
      const provider = await manager
        .post('/api/providers')
        .send({ firstName: 'Toto', lastName: 'Pim', credentials: 'MD', npi: randomNpi() })
        .expect(201);
      await linkProvider(t, user.id, provider.body.id);
      const { id } = await createCase();
      const created = await draft(id);
      const url = `/api/cases/${id}/letters/${created.body.id}/sign`;

      expect((await session.get(`/api/cases/${id}/letters/signer`).expect(200)).body.method).toBe('totp');
      const passwordOnly = await session.post(url).send({ password: TEST_PASSWORD }).expect(422);
      expect(passwordOnly.body.code).toBe('reauth_totp_required');
      const wrongCode = generateTotpCode(secret, enabledAt + 30_000) === '000000' ? '111111' : '000000';
      await session.post(url).send({ totp: wrongCode }).expect(422);
      expect(
        (await t.db.query(`SELECT status FROM case_letters WHERE id = $1`, [created.body.id])).rows[0].status,
      ).toBe('draft');
      const signed = await session
        .post(url)
        .send({ totp: generateTotpCode(secret, enabledAt + 30_000) })
        .expect(201);
      expect(signed.body).toMatchObject({ status: 'signed', signatureMethod: 'totp' });
      expect(
        (await t.db.query(`SELECT signature_method FROM case_letters WHERE id = $1`, [created.body.id])).rows[0],
      ).toEqual({ signature_method: 'totp' });
    });

    it('lets the clinic read letters (audited), physicians only write them, and admins see none', async () => {
      const { id } = await createCase();
      const created = await draft(id);
      for (const reader of [frontDesk, physician, manager]) {
        const res = await reader.get(`/api/cases/${id}/letters/${created.body.id}`).expect(200);
        expect(res.body.id).toBe(created.body.id);
      }
      expect(
        await t.countRows('audit_events', `object_type = 'letter' AND action = 'read' AND object_id = $1`, [
          created.body.id,
        ]),
      ).toBe(3);
      await admin.get(`/api/cases/${id}/letters`).expect(403);
      await admin.get(`/api/cases/${id}/letters/${created.body.id}`).expect(403);
      await frontDesk.post(`/api/cases/${id}/letters`).send({ kind: 'medical_necessity' }).expect(403);
      await manager
        .patch(`/api/cases/${id}/letters/${created.body.id}`)
        .set('If-Match', '1')
        .send({ text: 'x' })
        .expect(403);
      await physician.post(`/api/cases/${id}/letters`).send({ kind: 'poem' }).expect(400);
      await physician.get(`/api/cases/${id}/letters/00000000-0000-4000-8000-000000000000`).expect(404);
    });
  });

  it('references the attached photos: count, body sites and dates', async () => {
    const { id } = await createCase();
    await uploadPhoto(id, 'Behind the left ear', 6, '2026-11-02T15:00:00Z');
    await uploadPhoto(id, 'Posterior scalp line', 11, '2026-11-09T15:00:00Z', 'png');
    const res = await draft(id);
    expect(res.body.text).toContain('2 dated clinical photographs are enclosed:');
    expect(res.body.text).toContain('- Photo 1: Behind the left ear, 6 lesions, taken November 2, 2026');
    expect(res.body.text).toContain('- Photo 2: Posterior scalp line, 11 lesions, taken November 9, 2026');
    expect(res.body.text).not.toContain('No photographs are enclosed yet.');
    expect(res.body.facts.photoCount).toBe(2);
  });

  describe('appeal packet PDF', () => {
    it('is one real PDF with the case summary, the signed letter, every photo with its caption and the clinical notes', async () => {
      const { id, version } = await createCase();
      await uploadPhoto(id, 'Behind the left ear', 6, '2026-11-02T15:00:00Z');
      await uploadPhoto(id, 'Posterior scalp line', 11, '2026-11-09T15:00:00Z', 'webp');
      await physician
        .post(`/api/cases/${id}/notes`)
        .send({ kind: 'clinical_note', text: 'Milia en plaque, pruritic, failed retinol.' })
        .expect(201);
      const v = await move(id, version, { to: 'submitted' });
      await move(id, v, { to: 'denied', denialCode: 'CO-50', denialText: 'Cosmetic procedure.' });
      const letter = await draft(id, 'appeal');
      await physician
        .patch(`/api/cases/${id}/letters/${letter.body.id}`)
        .set('If-Match', String(letter.body.revision))
        .send({ text: `${letter.body.text}\nEdited closing line for the packet.` })
        .expect(200);
      await physician
        .post(`/api/cases/${id}/letters/${letter.body.id}/sign`)
        .send({ password: TEST_PASSWORD })
        .expect(201);

      const res = await getBinary(frontDesk, `/api/cases/${id}/packet`).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="PA-\d{6}-packet\.pdf"/);
      // A PDF is compressed inside already: sent as it is, though the client accepts gzip.
      expect(res.headers['content-encoding']).toBeUndefined();
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const parsed = parsePdf(pdf);
      const text = parsed.text.replace(/\s+/g, ' ');
      for (const expected of [
        'Level 1 appeal of a denied pre-authorization',
        'Evelyn Thibodeau',
        'Member ID: W123',
        "CO-50 (Not medically necessary in the payer's judgement (treated as cosmetic))",
        'Appeal letter (version 1)',
        'Response, point by point',
        'Edited closing line for the packet.',
        `Electronically signed by Dana Whitfield, MD, NPI ${npi}, on `,
        'Photograph 1 of 2',
        'Body site: Behind the left ear',
        'Lesion count: 6',
        'Taken: November 2, 2026',
        'Photograph 2 of 2',
        'Body site: Posterior scalp line',
        'Lesion count: 11',
        'Clinical notes',
        'Milia en plaque, pruritic, failed retinol.',
      ]) {
        expect(text).toContain(expected);
      }
      // The signing time as the clinic reads it (America/New_York unless configured), zone named.
      const signedLetter = (await physician.get(`/api/cases/${id}/letters/${letter.body.id}`).expect(200)).body;
      const local = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      }).format(new Date(signedLetter.signedAt));
      expect(text).toMatch(
        new RegExp(
          `Electronically signed by Dana Whitfield, MD, NPI ${npi}, on ${local}(,| at) \\d{1,2}:\\d{2}:\\d{2} [AP]M E[SD]T`,
        ),
      );
      expect(text).toContain(`SHA-256 of the signed text: ${signedLetter.textSha256}`);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(parsed.imagesPerPage.reduce((a, b) => a + b, 0)).toBe(2);
      expect(parsed.info).toMatchObject({
        Title: expect.stringMatching(/^Level 1 appeal of a denied pre-authorization: case PA-/),
      });
      expect(
        await t.countRows(
          'audit_events',
          `action = 'export' AND object_type = 'appeal_packet' AND case_id = $1 AND user_id = $2`,
          [id, frontDesk.user.id],
        ),
      ).toBe(1);
    });

    it('opens without photos or a signed letter and says so; admins get none', async () => {
      const { id } = await createCase();
      const res = await getBinary(manager, `/api/cases/${id}/packet`).expect(200);
      const parsed = parsePdf(res.body as Buffer);
      expect(parsed.text).toContain('No signed letter is on file for this case yet.');
      expect(parsed.text).toContain('No clinical notes are recorded for this case.');
      expect(parsed.imagesPerPage.every((n) => n === 0)).toBe(true);
      await admin.get(`/api/cases/${id}/packet`).expect(403);
    });
  });

  describe('appeal letter', () => {
    it('is refused (409) while no denial is recorded', async () => {
      const { id } = await createCase();
      const res = await physician.post(`/api/cases/${id}/letters`).send({ kind: 'appeal' }).expect(409);
      expect(res.body.code).toBe('no_denial_to_appeal');
    });

    it('quotes the denial reason, answers it point by point and gives the level and the filing deadline', async () => {
      const { id, version } = await createCase({ failedTreatments: [] });
      await addEvidence(t, id);
      let v = await move(id, version, { to: 'submitted' });
      v = await move(id, v, {
        to: 'denied',
        denialCode: 'CO-50',
        denialText: 'Removal of milia is considered cosmetic.',
      });
      const deniedAt = (await t.db.query(`SELECT denied_at FROM cases WHERE id = $1`, [id])).rows[0].denied_at as Date;
      const tz = 'America/New_York';
      const deadline = addDaysToDate(toLocalDate(deniedAt, tz), 180);
      const res = await draft(id, 'appeal');
      const text: string = res.body.text;
      expect(res.body).toMatchObject({
        kind: 'appeal',
        version: 1,
        facts: { denialCode: 'CO-50', appealLevel: 1, filingDeadline: deadline },
      });
      const [y, m, d] = deadline.split('-').map(Number);
      const longDeadline = `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${d}, ${y}`;
      for (const expected of [
        'RE: Level 1 appeal of a denied pre-authorization',
        `Appeal filing deadline: ${longDeadline} (180 calendar days after the denial notice)`,
        'Your notice gives reason code CO-50: Not medically necessary in the payer\'s judgement (treated as cosmetic). It adds: "Removal of milia is considered cosmetic."',
        'Response, point by point',
        '1. The removal is medically necessary, not cosmetic.',
        'these lesions meet 2 of those criteria: intense itching and burning.',
        '2. For 30 weeks (about 7 months) the patient has had the following symptoms',
        '3. No less costly treatment is documented yet',
        '4. The enclosed dated photograph shows the lesions as examined: behind both ears, 9 lesions, taken',
        `NPI ${npi}`,
      ]) {
        expect(text).toContain(expected);
      }

      // The appeal it supports is level 1; once filed, a new appeal letter still says level 1.
      await physician
        .post(`/api/cases/${id}/letters/${res.body.id}/sign`)
        .send({ password: TEST_PASSWORD })
        .expect(201);
      await move(id, v, { to: 'appealed', appealLevel: 1, letterAttached: true });
      const again = await draft(id, 'appeal');
      expect(again.body).toMatchObject({ version: 2, facts: { appealLevel: 1 } });
    });

    it('answers an authorization denial (CO-197) with the submission date', async () => {
      const { id, version } = await createCase();
      await addEvidence(t, id);
      const v = await move(id, version, { to: 'submitted' });
      await move(id, v, { to: 'denied', denialCode: 'CO-197' });
      const submittedAt = (await t.db.query(`SELECT submitted_at FROM cases WHERE id = $1`, [id])).rows[0]
        .submitted_at as Date;
      const res = await draft(id, 'appeal');
      expect(res.body.text).toContain('reason code CO-197: Precertification / authorization absent.');
      expect(res.body.text).toMatch(/1\. Pre-authorization was requested before any procedure, on \w+ \d+, \d{4}/);
      expect(res.body.text).toContain(toLocalDate(submittedAt, 'America/New_York').slice(0, 4));
    });
  });
});
