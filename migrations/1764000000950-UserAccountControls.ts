import { MigrationInterface, QueryRunner } from 'typeorm';

// A password an admin set must be replaced at first sign-in; recovery codes stand in for an
// authenticator code once each (stored as argon2 hashes, like passwords).
export class UserAccountControls1764000000950 implements MigrationInterface {
  name = 'UserAccountControls1764000000950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_recovery_codes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_recovery_codes_user_id_idx" ON "user_recovery_codes" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "user_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_recovery_codes" DROP CONSTRAINT "user_recovery_codes_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`DROP INDEX "public"."user_recovery_codes_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "user_recovery_codes"`);
  }
}
