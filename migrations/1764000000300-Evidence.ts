import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1764000000300 implements MigrationInterface {
  name = 'Evidence1764000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_notes" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "text" text NOT NULL, "author_id" uuid NOT NULL, "version" integer NOT NULL, "root_id" uuid NOT NULL, "previous_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_notes_version_valid" CHECK (version >= 1), CONSTRAINT "case_notes_text_length" CHECK (char_length(text) BETWEEN 1 AND 20000), CONSTRAINT "case_notes_kind_valid" CHECK (kind IN ('clinical_note','payer_call','letter_draft','other')), CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_notes_root_id_idx" ON "case_notes" ("root_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_notes_previous_id_key" ON "case_notes" ("previous_id") `);
    await queryRunner.query(`CREATE INDEX "case_notes_case_id_idx" ON "case_notes" ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "case_photos" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "uploaded_by" uuid NOT NULL, "body_site" character varying(120) NOT NULL, "lesion_count" integer NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, "caption" character varying(500), "original_name" character varying(200) NOT NULL, "original_type" character varying(10) NOT NULL, "original_size" integer NOT NULL, "original_sha256" character varying(64) NOT NULL, "content_type" character varying(20) NOT NULL, "byte_size" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "storage_key" character varying(200) NOT NULL, "thumbnail_key" character varying(200) NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_photos_original_type_valid" CHECK (original_type IN ('jpeg','png','webp','heif')), CONSTRAINT "case_photos_content_type_valid" CHECK (content_type IN ('image/jpeg','image/png','image/webp')), CONSTRAINT "case_photos_lesion_count_valid" CHECK (lesion_count >= 0), CONSTRAINT "case_photos_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_photos_case_id_idx" ON "case_photos" ("case_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "case_notes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_photos" ADD CONSTRAINT "case_photos_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_photos" ADD CONSTRAINT "case_photos_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_photos" ADD CONSTRAINT "case_photos_deleted_by_fkey" FOREIGN KEY ("deleted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Notes are immutable: an edit is a new version (refuse_change() comes from CaseWorkflow).
    await queryRunner.query(
      `CREATE TRIGGER case_notes_append_only BEFORE UPDATE OR DELETE ON case_notes FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_notes_no_truncate ON case_notes`);
    await queryRunner.query(`DROP TRIGGER case_notes_append_only ON case_notes`);
    await queryRunner.query(`ALTER TABLE "case_photos" DROP CONSTRAINT "case_photos_deleted_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_photos" DROP CONSTRAINT "case_photos_uploaded_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_photos" DROP CONSTRAINT "case_photos_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "case_notes_previous_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "case_notes_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "case_notes_case_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."case_photos_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_photos"`);
    await queryRunner.query(`DROP INDEX "public"."case_notes_case_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."case_notes_previous_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."case_notes_root_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_notes"`);
  }
}
