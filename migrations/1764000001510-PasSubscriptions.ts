import { MigrationInterface, QueryRunner } from 'typeorm';

// The Da Vinci PAS rest-hook Subscription this clinic holds at a payer (the guide has one per
// sending system and payer, not one per request). `id` is Preauth's own, in the notification URL
// the payer calls; the bearer token the payer sends with each notification is kept only as its
// SHA-256. A payer that offers no subscriptions is remembered as such, and asked again later.
export class PasSubscriptions1764000001510 implements MigrationInterface {
  name = 'PasSubscriptions1764000001510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pas_subscriptions" ("payer_id" uuid NOT NULL, "id" uuid NOT NULL, "status" character varying(12) NOT NULL, "remote_id" character varying(200), "token_sha256" character(64), "error" character varying(300), "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pas_subscriptions_pkey" PRIMARY KEY ("payer_id"), CONSTRAINT "pas_subscriptions_id_key" UNIQUE ("id"), CONSTRAINT "pas_subscriptions_status_valid" CHECK (status IN ('active','unsupported','failed')), CONSTRAINT "pas_subscriptions_active_has_token" CHECK (status <> 'active' OR token_sha256 IS NOT NULL), CONSTRAINT "pas_subscriptions_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pas_subscriptions"`);
  }
}
