import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

const ROOT = resolve(__dirname, '../../..');

// A release in the CMS format (code without its dot, padded to column 9, CRLF): L72.13 is new,
// E11.A is gone, so which release a case is checked against shows in what it accepts.
const FY2027_LINES = [
  'L720    Epidermal cyst',
  'L7211   Pilar cyst',
  'L7212   Trichodermal cyst',
  'L7213   Proliferating pilar cyst (test release)',
  'L723    Sebaceous cyst',
];

function codesLoad(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/codes-load.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', DATABASE_URL: databaseUrl },
        timeout: 60_000,
      },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('code sets', () => {
  let t: TestApp;
  let physician: SignedIn;
  let manager: SignedIn;
  let frontDesk: SignedIn;
  let clinic: ClinicFixture;
  let dir: string;

  const caseWith = (diagnoses: string[], plannedServiceDate?: string) =>
    physician.post('/api/cases').send({ ...readyCaseBody(clinic), diagnoses, plannedServiceDate });
  const releaseItem = (body: { readiness: { items: { id: string; passed: boolean; label: string }[] } }) =>
    body.readiness.items.find((i) => i.id === 'icd10_release');

  beforeAll(async () => {
    t = await createTestApp();
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    frontDesk = await signIn(t, 'front_desk');
    clinic = await createClinic(manager, frontDesk);
    dir = mkdtempSync(join(tmpdir(), 'preauth-code-sets-'));
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('ICD-10-CM FY2026, loaded by the migrations from the shipped CMS file', () => {
    it('holds all 74,719 billable codes under a release with its dates and checksum', async () => {
      const { rows } = await t.db.query(
        `SELECT r.name, r.effective_from::text AS "from", r.effective_to::text AS "to", r.source_sha256 AS sha256,
                r.code_count AS "codeCount", (SELECT count(*)::int FROM icd10_codes c WHERE c.release_id = r.id) AS loaded
           FROM code_set_releases r`,
      );
      expect(rows).toEqual([
        {
          name: 'FY2026',
          from: '2025-10-01',
          to: '2026-09-30',
          sha256: '246bde6e304a6fd96c3154a3d7aa24902c84c56b293cc1c6fcefe4a90e0b596c',
          codeCount: 74_719,
          loaded: 74_719,
        },
      ]);
    });

    it.each(['L72.0', 'E11.A'])('accepts %s on a case and passes the checklist item', async (code) => {
      const res = await caseWith([code], '2026-03-01').expect(201);
      expect(res.body.diagnoses).toEqual([code]);
      expect(releaseItem(res.body)).toMatchObject({
        passed: true,
        label: 'Diagnoses are billable codes of ICD-10-CM FY2026, in effect on 2026-03-01',
      });
    });

    it('refuses a category, naming its billable codes from the file', async () => {
      const before = await t.countRows('cases');
      const res = await caseWith(['L72.1'], '2026-03-01').expect(400);
      expect(res.body.errors).toEqual([
        { field: 'diagnoses', reason: 'L72.1 is a category; pick one of L72.11 Pilar cyst, L72.12 Trichodermal cyst.' },
      ]);
      expect(await t.countRows('cases')).toBe(before);
    });

    it('refuses a code that does not exist, on create and on update', async () => {
      const created = await caseWith(['Z99.99']).expect(400);
      expect(created.body.message).toBe('Z99.99 is not an ICD-10-CM code (release FY2026).');
      const ok = await caseWith(['L72.0'], '2026-03-01').expect(201);
      const patched = await physician
        .patch(`/api/cases/${ok.body.id}`)
        .set('If-Match', String(ok.body.version))
        .send({ diagnoses: ['L72.0', 'L72'] })
        .expect(400);
      expect(patched.body.message).toMatch(/^L72 is a category; pick one of L72\.0 Epidermal cyst, L72\.11 Pilar cyst/);
      const { rows } = await t.db.query(`SELECT diagnoses, version FROM cases WHERE id = $1`, [ok.body.id]);
      expect(rows[0]).toEqual({ diagnoses: ['L72.0'], version: ok.body.version });
    });

    it('refuses in the checklist a stored code that the release does not hold', async () => {
      const ok = await caseWith(['L72.0'], '2026-03-01').expect(201);
      // A case written before this check existed can still hold such a code.
      await t.db.query(`UPDATE cases SET diagnoses = '{L72.0,Z99.99}' WHERE id = $1`, [ok.body.id]);
      const res = await physician.get(`/api/cases/${ok.body.id}/readiness`).expect(200);
      expect(res.body.ready).toBe(false);
      expect(res.body.items.find((i: { id: string }) => i.id === 'icd10_release').reason).toBe(
        'Z99.99 is not an ICD-10-CM code (release FY2026).',
      );
    });
  });

  describe('search', () => {
    const search = async (q: string) =>
      (await physician.get('/api/codes/icd10').query({ q, date: '2026-03-01' }).expect(200)).body;

    it('finds L72.0 first for "milia", with the note for the coder', async () => {
      const body = await search('milia');
      expect(body.release).toMatchObject({ name: 'FY2026', codeCount: 74_719 });
      expect(body.items[0]).toEqual({
        code: 'L72.0',
        description: 'Epidermal cyst',
        term: 'milia',
        note: expect.stringMatching(/to be confirmed by the coder/),
      });
    });

    it('ranks the exact code first, then codes that start with it', async () => {
      expect((await search('l720')).items[0].code).toBe('L72.0');
      const prefix = await search('L72.1');
      expect(prefix.items.slice(0, 2).map((i: { code: string }) => i.code)).toEqual(['L72.11', 'L72.12']);
      expect((await search('L72')).items.slice(0, 3).map((i: { code: string }) => i.code)).toEqual([
        'L72.0',
        'L72.11',
        'L72.12',
      ]);
    });

    it('finds descriptions by their words, and nothing for nonsense', async () => {
      expect((await search('pilar cyst')).items[0].code).toBe('L72.11');
      expect((await search('trichodermal')).items.map((i: { code: string }) => i.code)).toContain('L72.12');
      expect((await search('qqqxqz')).items).toEqual([]);
      expect((await search('')).items).toEqual([]);
    });

    it('lets managers add, edit and remove lay terms; others only read them', async () => {
      await frontDesk.post('/api/codes/icd10/terms').send({ term: 'pearl cyst', code: 'L72.0' }).expect(403);
      const bad = await manager.post('/api/codes/icd10/terms').send({ term: 'pearl cyst', code: 'L72.1' }).expect(400);
      expect(bad.body.errors[0].field).toBe('code');
      await manager.post('/api/codes/icd10/terms').send({ term: 'Milia', code: 'L72.0' }).expect(409);
      const created = await manager
        .post('/api/codes/icd10/terms')
        .send({ term: 'pearl cyst', code: 'L72.0', note: 'Clinic usage' })
        .expect(201);
      expect((await search('pearl cyst')).items[0]).toMatchObject({ code: 'L72.0', term: 'pearl cyst' });
      await manager.patch(`/api/codes/icd10/terms/${created.body.id}`).send({ code: 'L72.3' }).expect(200);
      expect((await search('pearl cyst')).items[0]).toMatchObject({ code: 'L72.3', term: 'pearl cyst' });
      await manager.delete(`/api/codes/icd10/terms/${created.body.id}`).expect(204);
      expect((await search('pearl cyst')).items.some((i: { term: string | null }) => i.term === 'pearl cyst')).toBe(
        false,
      );
      const terms = (await frontDesk.get('/api/codes/icd10/terms').expect(200)).body;
      expect(terms.map((term: { term: string }) => term.term)).toEqual(
        expect.arrayContaining(['milia', 'milia en plaque', 'whitehead', 'keratin cyst']),
      );
    });
  });

  describe('a newer release loaded with npm run codes:load', () => {
    it('loads as a second release, and each case is checked against the release for its date of service', async () => {
      const file = join(dir, 'icd10cm-codes-2027.txt.gz');
      writeFileSync(file, gzipSync(`${FY2027_LINES.join('\r\n')}\r\n`));
      const loaded = await codesLoad(['--icd10cm', file, '--release', 'FY2027'], t.database.url);
      expect(loaded.stderr).toBe('');
      expect(loaded.stdout).toMatch(/Loaded ICD-10-CM FY2027 \(2026-10-01 to 2027-09-30\): 5 codes/);
      expect(loaded.code).toBe(0);
      const again = await codesLoad(['--icd10cm', file, '--release', 'FY2027'], t.database.url);
      expect(again.stderr).toMatch(/release FY2027 is already loaded/);
      expect(again.code).toBe(1);
      expect(await t.countRows('code_set_releases')).toBe(2);

      // L72.13 exists from FY2027 on; E11.A does not exist in this FY2027.
      const fy2027 = await caseWith(['L72.13'], '2026-11-15').expect(201);
      expect(releaseItem(fy2027.body)?.label).toBe(
        'Diagnoses are billable codes of ICD-10-CM FY2027, in effect on 2026-11-15',
      );
      expect((await caseWith(['L72.13'], '2026-09-30').expect(400)).body.message).toBe(
        'L72.13 is not an ICD-10-CM code (release FY2026).',
      );
      expect((await caseWith(['E11.A'], '2026-10-01').expect(400)).body.message).toBe(
        'E11.A is not an ICD-10-CM code (release FY2027).',
      );
      await physician
        .patch(`/api/cases/${fy2027.body.id}`)
        .set('If-Match', String(fy2027.body.version))
        .send({ plannedServiceDate: '2026-09-01' })
        .expect(400);

      // No release covers 2028: the newest is used, and the checklist says so.
      const later = await caseWith(['L72.13'], '2028-01-10').expect(201);
      expect(releaseItem(later.body)?.label).toBe(
        'Diagnoses are billable codes of ICD-10-CM FY2027, the newest loaded: no loaded release covers 2028-01-10',
      );
      const refused = await caseWith(['Z99.99'], '2028-01-10').expect(400);
      expect(refused.body.errors[0].reason).toMatch(/no loaded release covers 2028-01-10/);

      const search = await physician.get('/api/codes/icd10').query({ q: 'L72.13', date: '2026-12-01' }).expect(200);
      expect(search.body.release.name).toBe('FY2027');
      expect(search.body.items[0].code).toBe('L72.13');
    });

    it('refuses a file that is not in the CMS format, loading nothing', async () => {
      const file = join(dir, 'bad.txt');
      writeFileSync(file, 'L720    Epidermal cyst\nnot a code line\n');
      const res = await codesLoad(['--icd10cm', file, '--release', 'FY2028'], t.database.url);
      expect(res.stderr).toMatch(/bad\.txt line 2 is not "CODE {2}description"/);
      expect(res.code).toBe(1);
      expect(await t.countRows('code_set_releases', `name = 'FY2028'`)).toBe(0);
    });
  });

  describe('CPT', () => {
    it("shows Preauth's labels until the clinic loads its licensed descriptors", async () => {
      const before = (await physician.get('/api/codes/cpt').expect(200)).body;
      expect(before.find((c: { code: string }) => c.code === '17110')).toMatchObject({
        description: 'Destruction of benign lesions (not skin tags or vascular lesions), 1 to 14 lesions',
        licensed: false,
      });
      const file = join(dir, 'cpt.csv');
      writeFileSync(file, 'code,short,long\n17110,"CLINIC SHORT 17110","Clinic licensed long text, 17110"\n');
      const res = await codesLoad(['--cpt', file], t.database.url);
      expect(res.stdout).toMatch(/Loaded 1 licensed CPT descriptors/);
      expect(res.code).toBe(0);
      const after = (await physician.get('/api/codes/cpt').expect(200)).body;
      expect(after.find((c: { code: string }) => c.code === '17110')).toMatchObject({
        description: 'Clinic licensed long text, 17110',
        label: 'Destruction of benign lesions (not skin tags or vascular lesions), 1 to 14 lesions',
        licensed: true,
      });
      expect(after.find((c: { code: string }) => c.code === '17111')).toMatchObject({ licensed: false });
    });
  });
});
