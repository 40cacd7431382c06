import sharp from 'sharp';
import { MAX_JSON_DEPTH } from '../src/common/body-parsers';
import { DECODE_PIXEL_BUDGET, imageDecodeQueue } from '../src/modules/evidence/image-decode-queue';
import { createUser, signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { multipart } from './helpers/multipart';

/** `{"a":{"a":…1…}}`, `levels` deep: 10,000 levels are ~60 KB, well under the 100 KB body limit. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A JSON body whose `field` holds an object nested `levels` deep. */
const deepBody = (field: string, levels: number) => `{"${field}":${nested(levels - 1)}}`;

const PHOTO_FIELDS = { bodySite: 'Left lower eyelid', lesionCount: '7', takenAt: '2026-11-20' };

describe('Hostile input at the edge (issue 28)', () => {
  let t: TestApp;
  let physician: SignedIn;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    physician = await signIn(t, 'physician');
    frontDesk = await signIn(t, 'front_desk');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
    caseId = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Rows of the tables a refused request might have written to, to compare before and after. */
  const tables = ['patients', 'cases', 'case_notes', 'case_photos', 'login_failures', 'user_sessions', 'audit_events'];
  const counts = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await t.countRows(table)])));

  describe(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, () => {
    const routes: [string, () => { post(url: string): ReturnType<SignedIn['post']> }, () => string, string][] = [
      ['sign-in, signed out', () => t.http(), () => '/api/auth/login', 'application/json'],
      ['a new patient', () => frontDesk, () => '/api/patients', 'application/json'],
      ['a new case', () => physician, () => '/api/cases', 'application/json'],
      ['a note', () => physician, () => `/api/cases/${caseId}/notes`, 'application/json'],
      [
        'a FHIR ClaimResponse',
        () => manager,
        () => `/api/cases/${caseId}/fhir/claim-response`,
        'application/fhir+json',
      ],
    ];

    it.each(routes)('answers 10,000 levels on %s with 400, writing nothing', async (_label, actor, url, type) => {
      const before = await counts();
      const res = await actor().post(url()).set('Content-Type', type).send(deepBody('email', 10_000)).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `The JSON body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
      });
      expect(await counts()).toEqual(before);
    });

    it(`refuses ${MAX_JSON_DEPTH + 1} levels, and reads ${MAX_JSON_DEPTH} through to validation`, async () => {
      const login = (body: string) =>
        t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      const over = await login(deepBody('extra', MAX_JSON_DEPTH + 1)).expect(400);
      expect(over.body.message).toMatch(/levels deep/);
      const atLimit = await login(deepBody('extra', MAX_JSON_DEPTH)).expect(400);
      expect(atLimit.body.errors).toEqual(expect.arrayContaining([{ field: 'extra', reason: 'is not a known field' }]));
    });

    it('does not count brackets inside strings, escaped quotes and backslashes included', async () => {
      // In JSON: "…\\\"[[[…": an escaped backslash, then an escaped quote, both inside the string.
      const text = `Nine milia \\"${'[{'.repeat(MAX_JSON_DEPTH)} behind the ears`;
      const res = await physician.post(`/api/cases/${caseId}/notes`).send({ kind: 'clinical_note', text }).expect(201);
      expect(res.body.text).toBe(text);
    });
  });

  describe('text PostgreSQL cannot store (NUL, unpaired surrogates)', () => {
    const NUL = 'U+0000';

    it('refuses a NUL in the sign-in email of a signed-out caller with 400 on email', async () => {
      const user = await createUser(t, 'front_desk');
      const before = await counts();
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: `${user.email}\u0000`, password: user.password })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.errors).toEqual([{ field: 'email', reason: expect.stringContaining(NUL) }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a NUL in a body field with 400 naming it', async () => {
      const before = await counts();
      const res = await frontDesk
        .post('/api/patients')
        .send({ mrn: 'HOSTILE-2', firstName: 'Ada', lastName: 'Love\u0000lace', dateOfBirth: '1970-01-01' })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'lastName', reason: expect.stringContaining(NUL) }]);
      expect(res.body.message).toBe(`lastName ${res.body.errors[0].reason}`);
      expect(await counts()).toEqual(before);
    });

    it.each([
      [
        'findings.symptoms',
        (b: ReturnType<typeof readyCaseBody>) => ({ ...b, findings: { ...b.findings, symptoms: 'Itchy\u0000' } }),
      ],
      [
        'procedureLines.0.bodySite',
        (b: ReturnType<typeof readyCaseBody>) => ({
          ...b,
          procedureLines: [{ ...b.procedureLines[0], bodySite: '\u0000' }],
        }),
      ],
      [
        'failedTreatments.0.therapy',
        // An unpaired surrogate has no UTF-8 form: PostgreSQL would get U+FFFD in its place.
        (b: ReturnType<typeof readyCaseBody>) => ({
          ...b,
          failedTreatments: [{ ...b.failedTreatments[0], therapy: 'Retinol \ud800' }],
        }),
      ],
    ])('refuses bad text in the nested field %s with 400 naming its path', async (field, patch) => {
      const before = await counts();
      const res = await physician
        .post('/api/cases')
        .send(patch(readyCaseBody(clinic)))
        .expect(400);
      expect(res.body.errors).toEqual([{ field, reason: expect.stringMatching(/cannot be stored/) }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unpaired surrogate in a note with 400 on text', async () => {
      const before = await counts();
      const res = await physician
        .post(`/api/cases/${caseId}/notes`)
        .set('Content-Type', 'application/json')
        .send('{"kind":"clinical_note","text":"Nine milia \\udc00 behind the ears"}')
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'text', reason: expect.stringContaining('unpaired UTF-16 surrogate') },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a NUL in a query string with 400 naming the parameter', async () => {
      const res = await frontDesk.get('/api/patients?q=Love%00lace').expect(400);
      expect(res.body.errors).toEqual([{ field: 'q', reason: expect.stringContaining(NUL) }]);
    });

    it('refuses a NUL in a route parameter with 400 naming it, without quoting it back', async () => {
      const res = await manager
        .put('/api/deadline-rules/medicare%00')
        .send({ standardDays: 7, expeditedHours: 72 })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'planType', reason: expect.stringContaining(NUL) }]);
      expect(JSON.stringify(res.body)).not.toContain('medicare');
    });

    it('refuses a NUL in a multipart field of a photo upload with 400 naming it, storing nothing', async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c04040' } })
        .png()
        .toBuffer();
      const before = await counts();
      const { body, contentType } = multipart(
        { ...PHOTO_FIELDS, caption: 'Before\u0000treatment' },
        { data: png, filename: 'eyelid.png', contentType: 'image/png' },
      );
      const res = await physician
        .post(`/api/cases/${caseId}/photos`)
        .set('Content-Type', contentType)
        .send(body)
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'caption', reason: expect.stringContaining(NUL) }]);
      expect(await counts()).toEqual(before);
    });

    it('still asks a signed-out caller to sign in first on a route that needs a session', async () => {
      await t.http().get('/api/patients?q=%00').expect(401);
    });
  });

  describe('image decoding under a pixel budget', () => {
    it('decodes four 49-megapixel PNGs uploaded together one at a time, storing all four', async () => {
      const side = 7000;
      const png = await sharp({ create: { width: side, height: side, channels: 3, background: '#b07060' } })
        .png()
        .toBuffer();
      const before = await t.countRows('case_photos', 'case_id = $1', [caseId]);
      const uploads = Array.from({ length: 4 }, (_, i) => {
        const { body, contentType } = multipart(PHOTO_FIELDS, {
          data: png,
          filename: `large-${i}.png`,
          contentType: 'image/png',
        });
        return physician.post(`/api/cases/${caseId}/photos`).set('Content-Type', contentType).send(body);
      });
      const responses = await Promise.all(uploads);
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(responses.map((r) => r.body.width)).toEqual([side, side, side, side]);
      expect(await t.countRows('case_photos', 'case_id = $1', [caseId])).toBe(before + 4);

      const stats = imageDecodeQueue.stats();
      // Two would pass the budget: the queue let exactly one decode run at a time.
      expect(stats.peak).toBe(side * side);
      expect(stats.peak).toBeLessThanOrEqual(DECODE_PIXEL_BUDGET);
      expect(stats).toMatchObject({ inFlight: 0, waiting: 0 });
    }, 60_000);
  });
});
