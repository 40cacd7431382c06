import { MigrationInterface, QueryRunner } from 'typeorm';

// A payer's Da Vinci PAS endpoint and the SMART Backend Services credentials this clinic holds
// for it. The private key is stored encrypted (the secrets module's box, bound to the payer).
export class PayerPasEndpoints1764000001210 implements MigrationInterface {
  name = 'PayerPasEndpoints1764000001210';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payer_pas_endpoints" ("payer_id" uuid NOT NULL, "base_url" character varying(500) NOT NULL, "token_url" character varying(500) NOT NULL, "client_id" character varying(200) NOT NULL, "key_id" character varying(200) NOT NULL, "private_key" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payer_pas_endpoints_pkey" PRIMARY KEY ("payer_id"), CONSTRAINT "payer_pas_endpoints_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payer_pas_endpoints"`);
  }
}
