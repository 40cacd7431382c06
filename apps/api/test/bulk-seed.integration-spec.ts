import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source';
import { bulkLoaded, recordBulkLoaded, seedBulk, seedBulkEvidence } from '../src/database/seed/bulk-seed';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { loadCaseView } from '../src/modules/cases/case-loader';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

const CASES = 400;
const BULK = `c.case_number LIKE 'PB-%'`;

describe('bulk data (npm run seed:bulk)', () => {
  describe('after the demo data', () => {
    let database: TestDatabase;
    let client: Client;
    const uploadDir = mkdtempSync(join(tmpdir(), 'preauth-bulk-uploads-'));
    const lines: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      await seedDemoData(database.url, 'America/New_York', { uploadDir });
      client = new Client({ connectionString: database.url });
      await client.connect();
      // Batches of 150: three batches, the last one short.
      await recordBulkLoaded(client, CASES, await seedBulk(client, CASES, (line) => lines.push(line), 150));
    });

    afterAll(async () => {
      await client.end();
      await database.drop();
      rmSync(uploadDir, { recursive: true, force: true });
    });

    const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);

    it('gives every case a failed treatment and four in ten a second one', async () => {
      expect(await count(`SELECT count(*) AS n FROM cases c WHERE ${BULK}`)).toBe(CASES);
      expect(
        await count(
          `SELECT count(*) AS n FROM cases c WHERE ${BULK} AND NOT EXISTS (SELECT 1 FROM case_failed_treatments t WHERE t.case_id = c.id)`,
        ),
      ).toBe(0);
      const second = await count(
        `SELECT count(*) AS n FROM case_failed_treatments t JOIN cases c ON c.id = t.case_id WHERE ${BULK} AND t.position = 1`,
      );
      expect(second / CASES).toBeGreaterThan(0.25);
      expect(second / CASES).toBeLessThan(0.55);
      expect(await count(`SELECT count(*) AS n FROM case_failed_treatments WHERE end_date < start_date`)).toBe(0);
    });

    it('writes physician notes with edited versions chained as the notes module chains them', async () => {
      const withNote = await count(
        `SELECT count(DISTINCT n.case_id) AS n FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE ${BULK}`,
      );
      expect(withNote / CASES).toBeGreaterThan(0.65);
      expect(withNote / CASES).toBeLessThan(0.92);
      const edits = await client.query<{ root_ok: boolean; author_is_physician: boolean }>(
        `SELECT v2.root_id = v1.id AND v1.root_id = v1.id AND v1.version = 1 AS root_ok, 'physician' = ANY (u.roles) AS author_is_physician
           FROM case_notes v2 JOIN case_notes v1 ON v1.id = v2.previous_id JOIN cases c ON c.id = v2.case_id JOIN users u ON u.id = v2.author_id
          WHERE ${BULK} AND v2.version = 2`,
      );
      expect(edits.rowCount).toBeGreaterThan(0);
      expect(edits.rows.every((r) => r.root_ok && r.author_is_physician)).toBe(true);
      // The note describes its own case: the lesion count of its procedure lines and the symptoms' duration.
      const mismatched = await count(
        `SELECT count(*) AS n FROM case_notes n JOIN cases c ON c.id = n.case_id
          WHERE ${BULK} AND (position((SELECT sum(l.lesion_count) FROM case_procedure_lines l WHERE l.case_id = c.id) || ' lesions' IN n.text) = 0
                OR position(c.symptom_duration_weeks || ' weeks' IN n.text) = 0)`,
      );
      expect(mismatched).toBe(0);
      const noteEvents = await count(
        `SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE ${BULK} AND e.type = 'note_added'`,
      );
      expect(noteEvents).toBe(
        await count(`SELECT count(*) AS n FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE ${BULK}`),
      );
    });

    it('attaches photos that point at a real stored image, each with its event', async () => {
      const photos = await client.query<{ storage_key: string; thumbnail_key: string }>(
        `SELECT DISTINCT p.storage_key, p.thumbnail_key FROM case_photos p JOIN cases c ON c.id = p.case_id WHERE ${BULK}`,
      );
      expect(photos.rowCount).toBe(1);
      expect(existsSync(join(uploadDir, 'photos', photos.rows[0].storage_key))).toBe(true);
      expect(existsSync(join(uploadDir, 'photos', photos.rows[0].thumbnail_key))).toBe(true);
      const withPhoto = await count(
        `SELECT count(DISTINCT p.case_id) AS n FROM case_photos p JOIN cases c ON c.id = p.case_id WHERE ${BULK}`,
      );
      expect(withPhoto / CASES).toBeGreaterThan(0.55);
      expect(withPhoto / CASES).toBeLessThan(0.85);
      const total = await count(
        `SELECT count(*) AS n FROM case_photos p JOIN cases c ON c.id = p.case_id WHERE ${BULK}`,
      );
      expect(total).toBeGreaterThan(withPhoto);
      expect(
        await count(
          `SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE ${BULK} AND e.type = 'photo_added'`,
        ),
      ).toBe(total);
    });

    it('counts an edited note once on the case page, as the readiness checklist does', async () => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT c.id FROM cases c JOIN case_notes n ON n.case_id = c.id WHERE ${BULK} AND n.version = 2 LIMIT 1`,
      );
      const dataSource = new DataSource(buildDataSourceOptions(database.url));
      await dataSource.initialize();
      try {
        const view = await loadCaseView(dataSource, rows[0].id);
        expect(view.loaded.evidence.physicianNoteCount).toBe(1);
        expect(view.loaded.treatments.length).toBeGreaterThanOrEqual(1);
        expect(view.events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'note_added']));
      } finally {
        await dataSource.destroy();
      }
    });

    it('adds nothing the second time', async () => {
      const again = await seedBulkEvidence(client, CASES, () => undefined, 150);
      expect(again).toEqual({ treatments: 0, notes: 0, photos: 0 });
      expect(await bulkLoaded(client)).toEqual({ cases: CASES, evidence: CASES });
      expect(lines.some((l) => l.startsWith('evidence:'))).toBe(true);
    });
  });

  it('without a physician user, writes treatments and says why notes and photos were left out', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const lines: string[] = [];
      await recordBulkLoaded(client, 50, await seedBulk(client, 50, (line) => lines.push(line)));
      // The evidence is not complete, so a later run (the bench, after the demo data) adds it.
      expect(await bulkLoaded(client)).toEqual({ cases: 50, evidence: 0 });
      expect(lines).toContain(
        'no active physician user: notes and photos left out (load the demo data first, e.g. npm start once)',
      );
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM case_failed_treatments)::int AS t, (SELECT count(*) FROM case_notes)::int AS n, (SELECT count(*) FROM case_photos)::int AS p`,
      );
      expect(rows[0].t).toBeGreaterThanOrEqual(50);
      expect(rows[0]).toMatchObject({ n: 0, p: 0 });
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
