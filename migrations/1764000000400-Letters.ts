import { MigrationInterface, QueryRunner } from 'typeorm';

export class Letters1764000000400 implements MigrationInterface {
  name = 'Letters1764000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "version" integer NOT NULL, "status" character varying(10) NOT NULL, "text" text NOT NULL, "revision" integer NOT NULL DEFAULT '1', "facts" jsonb NOT NULL DEFAULT '{}', "created_by" uuid NOT NULL, "edited_by" uuid, "signed_by" uuid, "signed_at" TIMESTAMP WITH TIME ZONE, "text_sha256" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_letters_signature_complete" CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL AND text_sha256 IS NOT NULL)), CONSTRAINT "case_letters_text_length" CHECK (char_length(text) BETWEEN 1 AND 50000), CONSTRAINT "case_letters_version_valid" CHECK (version >= 1 AND revision >= 1), CONSTRAINT "case_letters_status_valid" CHECK (status IN ('draft','signed')), CONSTRAINT "case_letters_kind_valid" CHECK (kind IN ('medical_necessity','appeal')), CONSTRAINT "case_letters_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_letters_case_kind_version_key" ON "case_letters" ("case_id", "kind", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_edited_by_fkey" FOREIGN KEY ("edited_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_signed_by_fkey" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // A signed letter is evidence sent to a payer: the database refuses to change or delete it,
    // whatever the application does. A draft may be edited (and deleted) freely.
    await queryRunner.query(`
      CREATE FUNCTION refuse_signed_letter_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'signed' THEN
          RAISE EXCEPTION 'signed letter % is immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER case_letters_signed_frozen BEFORE UPDATE OR DELETE ON case_letters FOR EACH ROW EXECUTE FUNCTION refuse_signed_letter_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_letters_no_truncate BEFORE TRUNCATE ON case_letters FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_letters_no_truncate ON case_letters`);
    await queryRunner.query(`DROP TRIGGER case_letters_signed_frozen ON case_letters`);
    await queryRunner.query(`DROP FUNCTION refuse_signed_letter_change()`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP CONSTRAINT "case_letters_signed_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP CONSTRAINT "case_letters_edited_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP CONSTRAINT "case_letters_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP CONSTRAINT "case_letters_case_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."case_letters_case_kind_version_key"`);
    await queryRunner.query(`DROP TABLE "case_letters"`);
  }
}
