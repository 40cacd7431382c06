import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'documented','submitted','more_info_requested','approved','partially_approved','denied','peer_to_peer','appealed','external_review','expired','withdrawn','completed'`;

// The self-pay path (issue 26): a status for cases the patient pays for, the conversions with
// the clinic's estimate (amount in cents, USD only), and the patient's signed waiver as a PDF.
// TypeORM does not compare a CHECK's text, so the status check is rewritten by hand.
export class SelfPay1764000001450 implements MigrationInterface {
  name = 'SelfPay1764000001450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_status_valid"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_status_valid" CHECK (status IN (${STATUSES_BEFORE},'self_pay'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "self_pay_conversions" ("event_id" bigint NOT NULL, "case_id" uuid NOT NULL, "payer_id" uuid NOT NULL, "from_status" character varying(30) NOT NULL, "reason" character varying(30) NOT NULL, "amount_cents" integer NOT NULL, "currency" character(3) NOT NULL, "description" text NOT NULL, "converted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "self_pay_conversions_description_length" CHECK (char_length(description) BETWEEN 1 AND 500), CONSTRAINT "self_pay_conversions_currency_valid" CHECK (currency = 'USD'), CONSTRAINT "self_pay_conversions_amount_valid" CHECK (amount_cents BETWEEN 1 AND 10000000), CONSTRAINT "self_pay_conversions_reason_valid" CHECK (reason IN ('criteria_not_met','appeals_exhausted','appeal_declined')), CONSTRAINT "self_pay_conversions_pkey" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "self_pay_conversions_converted_at_idx" ON "self_pay_conversions" ("converted_at") `,
    );
    await queryRunner.query(`CREATE INDEX "self_pay_conversions_case_id_idx" ON "self_pay_conversions" ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "financial_waivers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "conversion_event_id" bigint NOT NULL, "signed_name" character varying(200) NOT NULL, "signed_on" date NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "file_name" character varying(255) NOT NULL, "byte_size" integer NOT NULL, "sha256" character(64) NOT NULL, "pdf" bytea NOT NULL, "collected_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "financial_waivers_byte_size_valid" CHECK (byte_size > 0), CONSTRAINT "financial_waivers_signed_name_length" CHECK (char_length(signed_name) BETWEEN 1 AND 200), CONSTRAINT "financial_waivers_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "financial_waivers_conversion_key" ON "financial_waivers" ("conversion_event_id") `,
    );
    await queryRunner.query(`CREATE INDEX "financial_waivers_case_id_idx" ON "financial_waivers" ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "self_pay_conversions" ADD CONSTRAINT "self_pay_conversions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "case_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_pay_conversions" ADD CONSTRAINT "self_pay_conversions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_pay_conversions" ADD CONSTRAINT "self_pay_conversions_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "financial_waivers" ADD CONSTRAINT "financial_waivers_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "financial_waivers" ADD CONSTRAINT "financial_waivers_conversion_event_id_fkey" FOREIGN KEY ("conversion_event_id") REFERENCES "self_pay_conversions"("event_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "financial_waivers" ADD CONSTRAINT "financial_waivers_collected_by_fkey" FOREIGN KEY ("collected_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "financial_waivers" DROP CONSTRAINT "financial_waivers_collected_by_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "financial_waivers" DROP CONSTRAINT "financial_waivers_conversion_event_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "financial_waivers" DROP CONSTRAINT "financial_waivers_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "self_pay_conversions" DROP CONSTRAINT "self_pay_conversions_payer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "self_pay_conversions" DROP CONSTRAINT "self_pay_conversions_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "self_pay_conversions" DROP CONSTRAINT "self_pay_conversions_event_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."financial_waivers_case_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."financial_waivers_conversion_key"`);
    await queryRunner.query(`DROP TABLE "financial_waivers"`);
    await queryRunner.query(`DROP INDEX "public"."self_pay_conversions_case_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."self_pay_conversions_converted_at_idx"`);
    await queryRunner.query(`DROP TABLE "self_pay_conversions"`);
    // Fails while a case is self-pay: there is no earlier status to put it back in.
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_status_valid"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_status_valid" CHECK (status IN (${STATUSES_BEFORE}))`,
    );
  }
}
