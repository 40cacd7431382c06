import { MigrationInterface, QueryRunner } from 'typeorm';

// Da Vinci PAS identity and history of a case. fhir_claims holds every Claim id a case was
// exported under (the initial request and each update), so a payer's answer naming one by
// ClaimResponse.request is matched to its case. fhir_exchanges keeps each answer as the payer
// sent it, with what it meant: a payer's error codes stay on the case for whoever fixes them.
export class PasExchanges1764000001200 implements MigrationInterface {
  name = 'PasExchanges1764000001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fhir_claims" ("claim_id" uuid NOT NULL, "case_id" uuid NOT NULL, "identifier_value" character varying(80) NOT NULL, "kind" character varying(20) NOT NULL, "related_claim_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fhir_claims_pkey" PRIMARY KEY ("claim_id"), CONSTRAINT "fhir_claims_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "fhir_claims_case_id_idx" ON "fhir_claims" ("case_id")`);
    await queryRunner.query(
      `CREATE TABLE "fhir_exchanges" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "case_id" uuid NOT NULL, "direction" character varying(10) NOT NULL, "kind" character varying(20) NOT NULL, "resource_id" character varying(64), "summary" jsonb NOT NULL DEFAULT '{}', "body" jsonb NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fhir_exchanges_pkey" PRIMARY KEY ("id"), CONSTRAINT "fhir_exchanges_direction_valid" CHECK (direction IN ('inbound','outbound')), CONSTRAINT "fhir_exchanges_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE, CONSTRAINT "fhir_exchanges_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "fhir_exchanges_case_id_idx" ON "fhir_exchanges" ("case_id", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fhir_exchanges"`);
    await queryRunner.query(`DROP TABLE "fhir_claims"`);
  }
}
