import { MigrationInterface, QueryRunner } from 'typeorm';

// Descriptions a manager adds for CARC reasons libs/domain does not describe; the built-in ones
// stay in libs/domain. Keyed by the reason alone: a reason means the same under any group code.
export class CarcDescriptions1764000001110 implements MigrationInterface {
  name = 'CarcDescriptions1764000001110';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "carc_descriptions" ("reason_code" character varying(3) NOT NULL, "code" character varying(10) NOT NULL, "description" character varying(200) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "carc_descriptions_pkey" PRIMARY KEY ("reason_code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "carc_descriptions" ADD CONSTRAINT "carc_descriptions_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "carc_descriptions" DROP CONSTRAINT "carc_descriptions_created_by_fkey"`);
    await queryRunner.query(`DROP TABLE "carc_descriptions"`);
  }
}
