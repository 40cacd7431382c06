import { MigrationInterface, QueryRunner } from 'typeorm';

// The search's MRN and member-id indexes (1764000001250) are on expressions, upper(mrn) and
// upper(member_id), and PostgreSQL keeps statistics for an index expression only from the next
// ANALYZE of its table. A clinic whose patients were loaded before that migration keeps none
// until a tenth of them change, so the planner takes the default 0.5 % of rows for "the patient
// with this MRN": at 333,000 patients, 1,667 instead of 1, which costs the search's generic plan a
// parallel worker on every search (launching it took 8 of the 13 ms of a name search at 1,000,000
// cases, EXPLAIN ANALYZE). ANALYZE reads a sample of about 30,000 rows, whatever the table's size.
export class AnalyzePatients1764000001750 implements MigrationInterface {
  name = 'AnalyzePatients1764000001750';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ANALYZE patients`);
  }

  public async down(): Promise<void> {
    // Statistics are not schema: nothing to undo.
  }
}
