import { MigrationInterface, QueryRunner } from 'typeorm';

// Tags on cases: short labels the clinic chooses. `tag` is the label as shown, `tag_key` what
// makes two labels the same (libs/domain caseTagKey: normalized, lower case), computed by the API (up to twice as long: a few letters lower-case to two)
// so that PostgreSQL's locale never decides it. The key leads the second index, so a filter by
// tag reads the tagged cases' ids, and the tags in use are counted from it.
export class CaseTags1764000001700 implements MigrationInterface {
  name = 'CaseTags1764000001700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_tags" (
      "case_id" uuid NOT NULL,
      "tag_key" character varying(80) NOT NULL,
      "tag" character varying(40) NOT NULL,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "case_tags_not_blank" CHECK (btrim(tag) <> '' AND tag_key <> ''),
      CONSTRAINT "case_tags_pkey" PRIMARY KEY ("case_id", "tag_key"),
      CONSTRAINT "case_tags_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE,
      CONSTRAINT "case_tags_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE INDEX "case_tags_key_idx" ON "case_tags" ("tag_key", "case_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_tags"`);
  }
}
