import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes behind the manager reports: decisions by stage and date, submissions and closures by date.
export class ReportIndexes1764000000500 implements MigrationInterface {
  name = 'ReportIndexes1764000000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_decisions_stage_decided_idx" ON "case_decisions" ("stage", "decided_at") `,
    );
    await queryRunner.query(`CREATE INDEX "cases_first_submitted_idx" ON "cases" ("first_submitted_at") `);
    await queryRunner.query(`CREATE INDEX "cases_status_closed_idx" ON "cases" ("status", "closed_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_status_closed_idx"`);
    await queryRunner.query(`DROP INDEX "cases_first_submitted_idx"`);
    await queryRunner.query(`DROP INDEX "case_decisions_stage_decided_idx"`);
  }
}
