import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { signInAs, type SignedIn } from './helpers/auth';
import { createTestApp, type TestApp } from './helpers/create-test-app';

// The letters the app drafts for the demo clinic's seed patient: milia en plaque behind both ears,
// itching and burning for 40 weeks, retinol then tretinoin failed, denied as cosmetic (CO-50) and
// appealed. The snapshots are the full text a physician reads before signing; a change to a
// template shows here as a diff to read, not only as a passing assertion.
const SEEDED_AT = new Date('2026-12-01T15:00:00Z');

describe('letters for the seed patient', () => {
  let t: TestApp;
  let physician: SignedIn;
  let caseId: string;
  const uploadDir = mkdtempSync(join(tmpdir(), 'preauth-seed-letters-'));

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    const seeded = await seedDemoData(t.database.url, 'America/New_York', { uploadDir, now: SEEDED_AT });
    const { rows } = await t.db.query<{ id: string; user_id: string }>(
      `SELECT c.id, u.id AS user_id FROM cases c JOIN patients p ON p.id = c.patient_id, users u
        WHERE p.last_name = 'Thibodeau' AND c.symptoms LIKE 'Milia en plaque%' AND u.email = 'physician@demo.clinic'`,
    );
    caseId = rows[0].id;
    physician = await signInAs(t, {
      id: rows[0].user_id,
      email: 'physician@demo.clinic',
      password: seeded.password!,
      displayName: 'Dr. Dana Whitfield',
      roles: ['physician'],
    });
  }, 120_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  // The letter is dated the day it is drafted; everything else comes from the seeded case.
  const undated = (text: string) => text.replace(/^[A-Z][a-z]+ \d{1,2}, \d{4}\n/, '<date of the draft>\n');

  it('drafts a letter of medical necessity that argues from the chart', async () => {
    const res = await physician.post(`/api/cases/${caseId}/letters`).send({ kind: 'medical_necessity' }).expect(201);
    expect(undated(res.body.text as string)).toMatchSnapshot();
  });

  it('drafts the level 1 appeal answering the cosmetic denial point by point', async () => {
    const res = await physician.post(`/api/cases/${caseId}/letters`).send({ kind: 'appeal' }).expect(201);
    expect(undated(res.body.text as string)).toMatchSnapshot();
  });
});
