import { CASE_STATUSES } from '@preauth/domain';
import { Pool } from 'pg';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

describe('demo data', () => {
  let database: TestDatabase;
  let db: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('loads a clinic with cases in every state, once', async () => {
    const first = await seedDemoData(database.url, 'America/New_York');
    expect(first.seeded).toBe(true);
    const { rows } = await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM cases GROUP BY status`);
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
    const decisions = await db.query(`SELECT count(*)::int AS n FROM case_decisions WHERE stage = 'initial' AND due_at IS NOT NULL`);
    expect(decisions.rows[0].n).toBeGreaterThan(5);

    const second = await seedDemoData(database.url, 'America/New_York');
    expect(second.seeded).toBe(false);
    const again = await db.query(`SELECT count(*)::int AS n FROM cases`);
    expect(again.rows[0].n).toBe(total);
  });
});
