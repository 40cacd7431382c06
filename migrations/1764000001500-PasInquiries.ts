import { MigrationInterface, QueryRunner } from 'typeorm';

// A case whose electronic request was pended is asked about again (Da Vinci PAS Claim/$inquire)
// on a back-off schedule: one row per case holds where that polling stands. next_due_at is the
// due moment of the next inquiry; a job claims it by moving it, so a moment is asked about once.
// A notification kind tells the owner when the payer cannot be reached about it.
export class PasInquiries1764000001500 implements MigrationInterface {
  name = 'PasInquiries1764000001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pas_inquiries" ("case_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'polling', "waiting_status" character varying(30) NOT NULL, "pended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "pending_reference" character varying(80), "attempt" integer NOT NULL DEFAULT 0, "failures" integer NOT NULL DEFAULT 0, "next_due_at" TIMESTAMP WITH TIME ZONE, "last_inquired_at" TIMESTAMP WITH TIME ZONE, "stopped_reason" character varying(40), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pas_inquiries_pkey" PRIMARY KEY ("case_id"), CONSTRAINT "pas_inquiries_status_valid" CHECK (status IN ('polling','stopped')), CONSTRAINT "pas_inquiries_due_when_polling" CHECK ((status = 'polling') = (next_due_at IS NOT NULL)), CONSTRAINT "pas_inquiries_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "pas_inquiries_due_idx" ON "pas_inquiries" ("next_due_at") WHERE status = 'polling'`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK (kind IN ('case_assigned','task_assigned','task_done','payer_answer','clock_warning','payer_unreachable'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE kind = 'payer_unreachable'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK (kind IN ('case_assigned','task_assigned','task_done','payer_answer','clock_warning'))`,
    );
    await queryRunner.query(`DROP TABLE "pas_inquiries"`);
  }
}
