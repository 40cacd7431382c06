import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'documented','submitted','more_info_requested','approved','partially_approved','denied','peer_to_peer','appealed','external_review','expired','withdrawn'`;

// An approved case's procedure: the day it is scheduled, each performance with the units it
// used (their sum kept on the case, checked against the approval under the case's row lock),
// and the `completed` state once every approved unit is used.
export class Procedures1764000001300 implements MigrationInterface {
  name = 'Procedures1764000001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_status_valid"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_status_valid" CHECK (status IN (${STATUSES_BEFORE},'completed'))`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "procedure_scheduled_on" date`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "units_used" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "cases_units_used_valid" CHECK (units_used >= 0)`);
    await queryRunner.query(`CREATE TABLE "case_procedures_performed" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL,
      "performed_on" date NOT NULL,
      "units" integer NOT NULL,
      "event_id" bigint,
      "recorded_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "case_procedures_performed_units_valid" CHECK (units > 0),
      CONSTRAINT "case_procedures_performed_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "case_procedures_performed_case_idx" ON "case_procedures_performed" ("case_id", "performed_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "case_procedures_performed" ADD CONSTRAINT "case_procedures_performed_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_procedures_performed" ADD CONSTRAINT "case_procedures_performed_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "case_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_procedures_performed" ADD CONSTRAINT "case_procedures_performed_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_procedures_performed"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_units_used_valid"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "units_used"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "procedure_scheduled_on"`);
    // A completed case was an approval whose units were all used: closed, like an expired one.
    await queryRunner.query(`UPDATE "cases" SET "status" = 'expired' WHERE "status" = 'completed'`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_status_valid"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_status_valid" CHECK (status IN (${STATUSES_BEFORE}))`,
    );
  }
}
