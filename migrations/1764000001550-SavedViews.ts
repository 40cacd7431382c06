import { MigrationInterface, QueryRunner } from 'typeorm';

// Each user's saved views: a name for a list's filters (its URL query), optionally pinned in the
// navigation. Names are unique per user whatever their case; a user's views go with the user.
export class SavedViews1764000001550 implements MigrationInterface {
  name = 'SavedViews1764000001550';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_views" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "name" character varying(60) NOT NULL,
      "path" character varying(40) NOT NULL,
      "query" character varying(2000) NOT NULL,
      "pinned" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "saved_views_path_valid" CHECK (path IN ('/cases','/worklist','/my-cases','/board')),
      CONSTRAINT "saved_views_name_not_blank" CHECK (btrim(name) <> ''),
      CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "saved_views_user_name_key" ON "saved_views" ("user_id", lower(name))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_views"`);
  }
}
