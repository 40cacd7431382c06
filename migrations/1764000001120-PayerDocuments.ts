import { MigrationInterface, QueryRunner } from 'typeorm';

// Letters and faxes from the payer, filed on the case: stored as PDF (a TIFF fax is converted on
// upload). The bytes live in the row: payer documents are few and size-capped, and a download
// then needs nothing but the database. An information request's letter may name its own
// answer-by day, which the case keeps as its clock when earlier than the rule's.
export class PayerDocuments1764000001120 implements MigrationInterface {
  name = 'PayerDocuments1764000001120';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "received_on" date NOT NULL, "due_on" date, "file_name" character varying(255) NOT NULL, "content_type" character varying(50) NOT NULL, "byte_size" integer NOT NULL, "sha256" character(64) NOT NULL, "page_count" integer NOT NULL, "converted_from" character varying(10), "content" bytea NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_documents_kind_valid" CHECK (kind IN ('approval','denial','information_request','appeal_decision','other')), CONSTRAINT "case_documents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "info_due_on" date`);
    await queryRunner.query(`CREATE INDEX "case_documents_case_id_idx" ON "case_documents" ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_documents" DROP CONSTRAINT "case_documents_uploaded_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_documents" DROP CONSTRAINT "case_documents_case_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."case_documents_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_documents"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "info_due_on"`);
  }
}
