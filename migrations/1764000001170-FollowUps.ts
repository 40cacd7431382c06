import { MigrationInterface, QueryRunner } from 'typeorm';

// A case's next follow-up (a clinic-local day and why), which the worklist lists when due.
export class FollowUps1764000001170 implements MigrationInterface {
  name = 'FollowUps1764000001170';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "follow_up_on" date`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "follow_up_reason" character varying(200)`);
    await queryRunner.query(
      `CREATE INDEX "cases_follow_up_idx" ON "cases" ("follow_up_on") WHERE follow_up_on IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_follow_up_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "follow_up_reason"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "follow_up_on"`);
  }
}
