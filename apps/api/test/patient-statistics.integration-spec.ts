import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { migrations } from '@preauth/migrations';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

// The search finds a patient by MRN or member id through indexes on upper(mrn) and
// upper(member_id). PostgreSQL estimates such a lookup from the expression's statistics, which
// only an ANALYZE of the table makes: without them it takes 0.5 % of the patients, and at a
// clinic's size that estimate put a parallel worker into every search.
describe('migration AnalyzePatients', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = database.pool(1);
    // Patients that were there before the indexes' statistics, as at a clinic that upgrades.
    await pool.query(`ALTER TABLE patients SET (autovacuum_enabled = false)`);
    await pool.query(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, member_id)
       SELECT 'MRN-S' || n, 'Pat', 'Stats' || n, '1970-01-01', 'female', 'W' || n FROM generate_series(1, 4000) n`,
    );
    // The table's size known (an ANALYZE of some columns counts its rows), its index expressions not.
    await pool.query(`ANALYZE patients (id)`);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  /** The planner's row estimate for the search's MRN lookup, planned generically as the app's prepared statement is. */
  async function estimatedRows(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      await client.query(`PREPARE by_mrn(text) AS SELECT id FROM patients WHERE upper(mrn) = upper($1)`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE by_mrn('MRN-S17')`);
      await client.query(`DEALLOCATE by_mrn`);
      const estimate = /rows=(\d+)/.exec(rows.map((row) => row['QUERY PLAN']).join('\n'));
      return Number(estimate?.[1]);
    } finally {
      client.release();
    }
  }

  const expressionStatistics = async () =>
    (
      await pool.query<{ tablename: string }>(
        `SELECT tablename FROM pg_stats WHERE tablename IN ('patients_mrn_upper_idx', 'patients_member_id_upper_idx') ORDER BY tablename`,
      )
    ).rows.map((row) => row.tablename);

  it('gives the MRN and member-id expressions statistics, so one MRN is estimated as one patient', async () => {
    expect(await expressionStatistics()).toEqual([]);
    // PostgreSQL's default for an expression it knows nothing of: 0.5 % of the table.
    expect(await estimatedRows()).toBe(20);

    const migration = migrations.find((m) => m.name === 'AnalyzePatients1764000001750');
    if (!migration) throw new Error('migration AnalyzePatients1764000001750 is not in the list');
    await new migration().up({
      query: (sql: string) => pool.query(sql),
    } as unknown as QueryRunner);

    expect(await expressionStatistics()).toEqual(['patients_member_id_upper_idx', 'patients_mrn_upper_idx']);
    expect(await estimatedRows()).toBe(1);
  });
});
