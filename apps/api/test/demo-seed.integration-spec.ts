import { CASE_STATUSES, TRANSITIONS, type CaseStatus } from '@preauth/domain';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Pool } from 'pg';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

describe('demo data', () => {
  let database: TestDatabase;
  let db: Pool;
  const uploadDir = mkdtempSync(join(tmpdir(), 'preauth-demo-uploads-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.pool(2);
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('loads a clinic with cases in every state, once', async () => {
    const first = await seedDemoData(database.url, 'America/New_York', { uploadDir });
    expect(first.seeded).toBe(true);
    const { rows } = await db.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM cases GROUP BY status`,
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    for (const status of CASE_STATUSES) expect(byStatus[status] ?? 0).toBeGreaterThan(0);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(35);

    const plans = await db.query(`SELECT DISTINCT plan_type FROM payers`);
    expect(plans.rowCount).toBe(5);
    const milia = await db.query(
      `SELECT c.status FROM cases c JOIN patients p ON p.id = c.patient_id WHERE p.last_name = 'Thibodeau' AND c.symptoms LIKE 'Milia en plaque%'`,
    );
    expect(milia.rows).toEqual([{ status: 'appealed' }]);
    const overdue = await db.query(`SELECT count(*)::int AS n FROM cases WHERE next_due_at < now()`);
    expect(overdue.rows[0].n).toBeGreaterThan(0);
    const decisions = await db.query(
      `SELECT count(*)::int AS n FROM case_decisions WHERE stage = 'initial' AND due_at IS NOT NULL`,
    );
    expect(decisions.rows[0].n).toBeGreaterThan(5);

    // Evidence: a real photo file (and thumbnail) behind each photo row, and physician notes.
    const photos = await db.query<{ storage_key: string; thumbnail_key: string }>(
      `SELECT storage_key, thumbnail_key FROM case_photos`,
    );
    expect(photos.rowCount).toBeGreaterThan(30);
    for (const p of photos.rows.slice(0, 3)) {
      const meta = await sharp(join(uploadDir, 'photos', p.storage_key)).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
      expect(existsSync(join(uploadDir, 'photos', p.thumbnail_key))).toBe(true);
    }
    const notes = await db.query(
      `SELECT count(*)::int AS n FROM case_notes n JOIN users u ON u.id = n.author_id WHERE 'physician' = ANY(u.roles) AND n.kind = 'clinical_note'`,
    );
    // One note per documented case; a photo of each treated site.
    const documented = await db.query(`SELECT count(DISTINCT case_id)::int AS n FROM case_photos`);
    expect(notes.rows[0].n).toBe(documented.rows[0].n);
    const sites = await db.query(
      `SELECT count(*)::int AS n FROM case_procedure_lines l WHERE EXISTS (SELECT 1 FROM case_photos p WHERE p.case_id = l.case_id)`,
    );
    expect(photos.rowCount).toBe(sites.rows[0].n);
    // The clinic's letterhead, as an admin saves it.
    const profile = await db.query(`SELECT practice_name, logo IS NOT NULL AS has_logo FROM clinic_profile`);
    expect(profile.rows).toEqual([{ practice_name: 'Casco Bay Dermatology', has_logo: true }]);
    const documentedWithout = await db.query(
      `SELECT count(*)::int AS n FROM cases c WHERE c.status = 'documented' AND NOT EXISTS (SELECT 1 FROM case_photos p WHERE p.case_id = c.id)`,
    );
    expect(documentedWithout.rows[0].n).toBe(3);

    // Every case got to its state along the transition table, one version and one audit row per
    // step: what POST /api/cases/:id/transitions writes, and nothing it would not. A completed case
    // got there through its performed procedure.
    const timelines = await db.query<{
      status: CaseStatus;
      version: number;
      steps: { from: CaseStatus; to: CaseStatus }[];
      audited: number;
      performed: number;
    }>(
      `SELECT c.status, c.version,
              coalesce(json_agg(json_build_object('from', e.from_status, 'to', e.to_status) ORDER BY e.occurred_at)
                FILTER (WHERE e.type = 'transition'), '[]') AS steps,
              (SELECT count(*)::int FROM audit_events a
                WHERE a.case_id = c.id AND a.action = 'update' AND a.object_type = 'case') AS audited,
              (SELECT count(*)::int FROM case_procedures_performed p WHERE p.case_id = c.id) AS performed
         FROM cases c LEFT JOIN case_events e ON e.case_id = c.id
        GROUP BY c.id`,
    );
    expect(timelines.rowCount).toBe(total);
    for (const timeline of timelines.rows) {
      let at: CaseStatus = 'documented';
      for (const step of timeline.steps) {
        expect(step.from).toBe(at);
        expect(TRANSITIONS[at].map((t) => t.to)).toContain(step.to);
        at = step.to;
      }
      expect(timeline).toMatchObject({
        status: at,
        // A performed procedure is a write of its own (the units used), as over the API.
        version: 1 + timeline.steps.length + timeline.performed,
        audited: timeline.steps.length,
      });
    }

    const second = await seedDemoData(database.url, 'America/New_York', { uploadDir });
    expect(second.seeded).toBe(false);
    const again = await db.query(`SELECT count(*)::int AS n FROM cases`);
    expect(again.rows[0].n).toBe(total);
  });
});
