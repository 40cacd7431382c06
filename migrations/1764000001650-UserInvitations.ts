import { MigrationInterface, QueryRunner } from 'typeorm';

// Invitation links: a new user sets their own password through a single-use link that expires;
// only the SHA-256 of the link's token is stored.
export class UserInvitations1764000001650 implements MigrationInterface {
  name = 'UserInvitations1764000001650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_invitations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_invitations_user_id_idx" ON "user_invitations" ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "user_invitations_token_hash_key" ON "user_invitations" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP CONSTRAINT "user_invitations_user_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."user_invitations_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_invitations_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "user_invitations"`);
  }
}
