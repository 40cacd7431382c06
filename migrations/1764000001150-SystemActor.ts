import { MigrationInterface, QueryRunner } from 'typeorm';

// Changes the app makes on its own (an approval that ran out, a reminder) are recorded against
// one system user, so every event and audit row still names an actor. It can never sign in: no
// password, disabled, and the users API leaves it out. Its manager role is what the transitions
// table asks of whoever marks an approval expired.
const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000001';

export class SystemActor1764000001150 implements MigrationInterface {
  name = 'SystemActor1764000001150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "is_system" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `INSERT INTO "users" (id, email, display_name, roles, password_hash, disabled_at, is_system)
       VALUES ($1, 'system@preauth.invalid', 'Preauth (automatic)', ARRAY['manager'], NULL, now(), true)`,
      [SYSTEM_USER_ID],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "users" WHERE "is_system"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "is_system"`);
  }
}
