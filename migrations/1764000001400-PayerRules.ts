import { MigrationInterface, QueryRunner } from 'typeorm';

// A payer's own rules per CPT code (and optionally per plan type), kept as versions: an edit adds
// the next version and no version is ever changed, so the version a case was submitted under can
// be read back as it was. case_payer_rules records those versions with the case at submission.
export class PayerRules1764000001400 implements MigrationInterface {
  name = 'PayerRules1764000001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "payer_rule_versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "payer_id" uuid NOT NULL,
        "plan_type" character varying(30),
        "cpt_code" character varying(5) NOT NULL,
        "version" integer NOT NULL,
        "prior_auth" character varying(20) NOT NULL,
        "criteria" text[] NOT NULL DEFAULT '{}',
        "min_symptom_weeks" integer,
        "min_failed_treatments" integer,
        "photos_required" boolean NOT NULL DEFAULT false,
        "documents" text[] NOT NULL DEFAULT '{}',
        "policy_name" character varying(200),
        "policy_url" character varying(500),
        "policy_version" character varying(60),
        "policy_checked_on" date,
        "portal_url" character varying(500),
        "fax" character varying(40),
        "phone" character varying(40),
        "electronic_endpoint" character varying(500),
        "appeal_address" character varying(1000),
        "notes" character varying(2000),
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "payer_rule_versions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "payer_rule_versions_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE CASCADE,
        CONSTRAINT "payer_rule_versions_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "payer_rule_versions_plan_type_valid" CHECK (plan_type IS NULL OR plan_type IN ('medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other')),
        CONSTRAINT "payer_rule_versions_prior_auth_valid" CHECK (prior_auth IN ('required','not_required','unknown')),
        CONSTRAINT "payer_rule_versions_version_valid" CHECK (version > 0),
        CONSTRAINT "payer_rule_versions_minimums_valid" CHECK (coalesce(min_symptom_weeks, 1) > 0 AND coalesce(min_failed_treatments, 1) > 0)
      )`);
    // One row per version of a rule; the plan type "every plan" (NULL) is a key value of its own.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payer_rule_versions_key" ON "payer_rule_versions" ("payer_id", "cpt_code", coalesce("plan_type", ''), "version")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION payer_rule_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'payer rule versions are never changed: add a new version' USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "payer_rule_versions_no_update" BEFORE UPDATE ON "payer_rule_versions" FOR EACH ROW EXECUTE FUNCTION payer_rule_versions_immutable()`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_payer_rules" (
        "case_id" uuid NOT NULL,
        "rule_version_id" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "case_payer_rules_pkey" PRIMARY KEY ("case_id", "rule_version_id"),
        CONSTRAINT "case_payer_rules_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE,
        CONSTRAINT "case_payer_rules_rule_version_id_fkey" FOREIGN KEY ("rule_version_id") REFERENCES "payer_rule_versions"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_payer_rules_rule_version_idx" ON "case_payer_rules" ("rule_version_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_payer_rules"`);
    await queryRunner.query(`DROP TABLE "payer_rule_versions"`);
    await queryRunner.query(`DROP FUNCTION payer_rule_versions_immutable()`);
  }
}
