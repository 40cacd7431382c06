import { MigrationInterface, QueryRunner } from 'typeorm';

// Measured at 1,000,000 cases (a year's range, EXPLAIN (ANALYZE, BUFFERS)):
// - decisions are stored in no useful order (decided_at correlation ≈ 0), so every report read the
//   whole 257 MB table (32,833 pages) for a year's 260,000 rows. This index holds what the reports
//   read, in (stage, decided_at) order: a year is an index-only scan of ~10,000 pages, all-stage
//   reports skip-scan the five stages. It replaces case_decisions_stage_decided_idx, its prefix.
//   TypeORM cannot declare INCLUDE columns, so the entity marks it synchronize: false.
// - the clinic-misses count filtered 50,000 heap rows on next_due_kind (28,895 pages, 318 ms); the
//   partial index of denied cases waiting on an appeal or external-review request makes it an
//   index-only count (7 ms).
export class ReportSpeed1764000000700 implements MigrationInterface {
  name = 'ReportSpeed1764000000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "case_decisions_report_idx" ON "case_decisions" ("stage", "decided_at") INCLUDE ("outcome", "urgency", "requested_at", "due_at", "payer_id", "provider_id", "case_id", "denial_code", "cpt_codes")`,
    );
    await queryRunner.query(`DROP INDEX "case_decisions_stage_decided_idx"`);
    await queryRunner.query(
      `CREATE INDEX "cases_appeal_window_idx" ON "cases" ("next_due_at") WHERE status = 'denied' AND next_due_kind IN ('appeal_filing', 'external_review_request')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_appeal_window_idx"`);
    await queryRunner.query(
      `CREATE INDEX "case_decisions_stage_decided_idx" ON "case_decisions" ("stage", "decided_at") `,
    );
    await queryRunner.query(`DROP INDEX "case_decisions_report_idx"`);
  }
}
