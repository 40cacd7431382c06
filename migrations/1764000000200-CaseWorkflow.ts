import { MigrationInterface, QueryRunner } from 'typeorm';

// Reference data as shipped on this date, written out so that this migration seeds the same rows
// whatever the application's catalogs say later; later changes go through the API or new migrations.

// code, description, cosmetic_risk, descriptor_verified
// The project's own plain-language labels: the AMA's CPT descriptors are licensed, not ours to ship.
const CPT_CODES: readonly [string, string, boolean, boolean][] = [
  ['10040', 'Extraction of acne lesions, including opening and removing multiple milia', false, true],
  ['17110', 'Destruction of benign lesions (not skin tags or vascular lesions), 1 to 14 lesions', false, true],
  ['17111', 'Destruction of benign lesions (not skin tags or vascular lesions), 15 or more lesions', false, true],
  ['11102', 'Shave-type skin biopsy, first lesion', false, true],
  ['11103', 'Shave-type skin biopsy, each further lesion', false, true],
  ['11104', 'Punch skin biopsy, first lesion', false, true],
  ['11105', 'Punch skin biopsy, each further lesion', false, true],
  ['11106', 'Incisional skin biopsy, first lesion', false, true],
  ['11107', 'Incisional skin biopsy, each further lesion', false, true],
  ['67840', 'Removal of an eyelid lesion (not a chalazion)', false, true],
  ['67850', 'Destruction of an eyelid-margin lesion up to 1 cm', false, true],
  ['92285', 'Photography of the outer eye for the record', false, true],
  ['15780', 'Dermabrasion of the whole face', true, false],
  ['15781', 'Dermabrasion of part of the face', true, false],
  ['15782', 'Dermabrasion of an area other than the face', true, false],
  ['15783', 'Superficial dermabrasion, any area', true, false],
  ['15786', 'Abrasion of one lesion', true, false],
  ['15787', 'Abrasion of up to four more lesions', true, false],
  ['15788', 'Facial chemical peel, outer skin layer', true, false],
  ['15789', 'Facial chemical peel, deeper skin layer', true, false],
  ['17340', 'Cold treatment (cryotherapy) for acne', true, false],
  ['17360', 'Chemical skin peeling for acne', true, false],
];

// code, description, descriptor_verified
const ICD10_CODES: readonly [string, string, boolean][] = [
  ['L72.0', 'Epidermal cyst', false],
  ['L72.3', 'Sebaceous cyst', true],
  ['L72.8', 'Other follicular cysts of the skin and subcutaneous tissue', true],
  ['L72.9', 'Follicular cyst of the skin and subcutaneous tissue, unspecified', true],
  ['L70.0', 'Acne vulgaris', true],
  ['L82.0', 'Inflamed seborrheic keratosis', true],
  ['L82.1', 'Other seborrheic keratosis', true],
  ['D23.9', 'Other benign neoplasm of skin, unspecified', true],
  ['D48.5', 'Neoplasm of uncertain behavior of skin', true],
  ['L29.9', 'Pruritus, unspecified', true],
];

// The sources the deadline_rules rows quote, in the order of the rows.
const DEADLINE_RULE_SOURCES: readonly string[] = [
  'CMS-0057-F (decision 7 days / 72 hours from 2026-01-01); 42 CFR 422.582 (reconsideration filed within 60 days); 42 CFR 422.590 (reconsideration decided in 30 days / 72 hours). Info response, external review and peer-to-peer figures are clinic defaults.',
  'CMS-0057-F (decision 7 days / 72 hours from 2026-01-01); appeal filed within 60 days. Appeal levels, external review and peer-to-peer figures vary by state: check and edit.',
  '29 CFR 2560.503-1 (pre-service decision 15 days / 72 hours, 45 days / 48 hours to supply information, 180 days to appeal, appeal decided in 30 days / 72 hours); 45 CFR 147.136 and DOL Technical Release 2010-01 (external review requested within 4 months, decided in 45 days / 72 hours). Peer-to-peer window is payer-specific.',
  'healthcare.gov internal appeals (180 days to appeal); 45 CFR 147.136 (external review within 4 months, decided in 45 days / 72 hours). Peer-to-peer window is payer-specific.',
  'Copied from the commercial (ERISA) defaults; edit to match the payer.',
];

export class CaseWorkflow1764000000200 implements MigrationInterface {
  name = 'CaseWorkflow1764000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "payer_code" character varying(40) NOT NULL, "plan_type" character varying(30) NOT NULL, "phone" character varying(40), "portal_url" character varying(500), "peer_to_peer_days" integer, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payers_p2p_days_valid" CHECK (peer_to_peer_days IS NULL OR peer_to_peer_days > 0), CONSTRAINT "payers_plan_type_valid" CHECK (plan_type IN ('medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other')), CONSTRAINT "payers_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "payers_payer_code_key" ON "payers" ("payer_code") `);
    await queryRunner.query(
      `CREATE TABLE "patients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mrn" character varying(40) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "date_of_birth" date NOT NULL, "sex" character varying(10) NOT NULL, "member_id" character varying(60), "phone" character varying(40), "email" character varying(254), "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "patients_sex_valid" CHECK (sex IN ('female','male','other','unknown')), CONSTRAINT "patients_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "patients_mrn_key" ON "patients" ("mrn") `);
    await queryRunner.query(
      `CREATE TABLE "providers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "credentials" character varying(20), "npi" character varying(10) NOT NULL, "specialty" character varying(100), "user_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "providers_npi_format" CHECK (npi ~ '^[0-9]{10}$'), CONSTRAINT "providers_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "providers_npi_key" ON "providers" ("npi") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "providers_user_id_key" ON "providers" ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_failed_treatments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "position" smallint NOT NULL, "therapy" character varying(200) NOT NULL, "start_date" date NOT NULL, "end_date" date, "outcome" text NOT NULL, CONSTRAINT "case_failed_treatments_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_failed_treatments_case_id_idx" ON "case_failed_treatments" ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_procedure_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "position" smallint NOT NULL, "cpt_code" character varying(5) NOT NULL, "units" integer NOT NULL, "body_site" character varying(120) NOT NULL, "lesion_count" integer NOT NULL, CONSTRAINT "case_procedure_lines_lesions_valid" CHECK (lesion_count >= 0), CONSTRAINT "case_procedure_lines_units_valid" CHECK (units > 0), CONSTRAINT "case_procedure_lines_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_procedure_lines_case_id_idx" ON "case_procedure_lines" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "case_procedure_lines_cpt_idx" ON "case_procedure_lines" ("cpt_code") `);
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_number" character varying(20) NOT NULL, "patient_id" uuid NOT NULL, "payer_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "previous_case_id" uuid, "status" character varying(30) NOT NULL DEFAULT 'documented', "urgency" character varying(20) NOT NULL DEFAULT 'standard', "diagnoses" text array NOT NULL DEFAULT '{}', "necessity_criteria" text array NOT NULL DEFAULT '{}', "symptoms" text, "symptom_duration_weeks" integer, "inflammation" boolean NOT NULL DEFAULT false, "infection" boolean NOT NULL DEFAULT false, "functional_impairment" text, "cosmetic_override_justification" text, "payer_reference" character varying(60), "authorization_number" character varying(60), "approved_units" integer, "valid_from" date, "valid_to" date, "denial_code" character varying(10), "denial_text" text, "appeal_level" smallint NOT NULL DEFAULT '0', "peer_to_peer_done" boolean NOT NULL DEFAULT false, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "info_requested_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "denied_at" TIMESTAMP WITH TIME ZONE, "appealed_at" TIMESTAMP WITH TIME ZONE, "external_review_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" text, "next_due_at" TIMESTAMP WITH TIME ZONE, "next_due_kind" character varying(40), "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cases_validity_order" CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to), CONSTRAINT "cases_appeal_level_valid" CHECK (appeal_level BETWEEN 0 AND 2), CONSTRAINT "cases_urgency_valid" CHECK (urgency IN ('standard','expedited')), CONSTRAINT "cases_status_valid" CHECK (status IN ('documented','submitted','more_info_requested','approved','partially_approved','denied','peer_to_peer','appealed','external_review','expired','withdrawn')), CONSTRAINT "cases_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "cases_case_number_key" ON "cases" ("case_number") `);
    await queryRunner.query(`CREATE INDEX "cases_patient_id_idx" ON "cases" ("patient_id") `);
    await queryRunner.query(`CREATE INDEX "cases_payer_id_idx" ON "cases" ("payer_id") `);
    await queryRunner.query(`CREATE INDEX "cases_provider_id_idx" ON "cases" ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "cases_authorization_number_idx" ON "cases" ("authorization_number") `);
    await queryRunner.query(`CREATE INDEX "cases_next_due_idx" ON "cases" ("next_due_at") `);
    await queryRunner.query(`CREATE INDEX "cases_status_due_idx" ON "cases" ("status", "next_due_at") `);
    await queryRunner.query(`CREATE INDEX "cases_list_keyset_idx" ON "cases" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "case_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "payer_id" uuid NOT NULL, "stage" character varying(20) NOT NULL, "urgency" character varying(20) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(20) NOT NULL, "denial_code" character varying(10), CONSTRAINT "case_decisions_outcome_valid" CHECK (outcome IN ('approved','partially_approved','denied')), CONSTRAINT "case_decisions_stage_valid" CHECK (stage IN ('initial','peer_to_peer','appeal_1','appeal_2','external_review')), CONSTRAINT "case_decisions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_decisions_case_id_idx" ON "case_decisions" ("case_id") `);
    await queryRunner.query(
      `CREATE INDEX "case_decisions_payer_decided_idx" ON "case_decisions" ("payer_id", "decided_at") `,
    );
    await queryRunner.query(`CREATE INDEX "case_decisions_decided_at_idx" ON "case_decisions" ("decided_at") `);
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "case_id" uuid NOT NULL, "type" character varying(30) NOT NULL, "from_status" character varying(30), "to_status" character varying(30), "actor_id" uuid, "note" text, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_events_case_id_idx" ON "case_events" ("case_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "cpt_codes" ("code" character varying(5) NOT NULL, "description" text NOT NULL, "cosmetic_risk" boolean NOT NULL DEFAULT false, "descriptor_verified" boolean NOT NULL DEFAULT true, CONSTRAINT "cpt_codes_pkey" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "icd10_codes" ("code" character varying(8) NOT NULL, "description" text NOT NULL, "descriptor_verified" boolean NOT NULL DEFAULT true, CONSTRAINT "icd10_codes_pkey" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "deadline_rules" ("plan_type" character varying(30) NOT NULL, "decision_standard_days" integer NOT NULL, "decision_expedited_hours" integer NOT NULL, "info_response_days" integer NOT NULL, "info_response_expedited_hours" integer NOT NULL, "appeal_filing_days" integer NOT NULL, "appeal_decision_standard_days" integer NOT NULL, "appeal_decision_expedited_hours" integer NOT NULL, "max_internal_appeal_levels" integer NOT NULL, "external_review_request_months" integer NOT NULL, "external_review_decision_days" integer NOT NULL, "external_review_expedited_hours" integer NOT NULL, "peer_to_peer_days" integer NOT NULL, "source" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "deadline_rules_levels_valid" CHECK (max_internal_appeal_levels BETWEEN 0 AND 2), CONSTRAINT "deadline_rules_plan_type_valid" CHECK (plan_type IN ('medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other')), CONSTRAINT "deadline_rules_pkey" PRIMARY KEY ("plan_type"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_failed_treatments" ADD CONSTRAINT "case_failed_treatments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_procedure_lines" ADD CONSTRAINT "case_procedure_lines_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_previous_case_id_fkey" FOREIGN KEY ("previous_case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Case numbers (PA-000042) come from a sequence so they never collide between instances.
    await queryRunner.query(`CREATE SEQUENCE case_number_seq START 1`);

    // History is append-only: corrections are new events, never edits.
    await queryRunner.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );

    // Search by any part of a patient's name or MRN.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX patients_search_trgm_idx ON patients USING gin ((lower(first_name || ' ' || last_name || ' ' || mrn)) gin_trgm_ops)`,
    );

    for (const row of CPT_CODES) {
      await queryRunner.query(
        `INSERT INTO cpt_codes (code, description, cosmetic_risk, descriptor_verified) VALUES ($1, $2, $3, $4)`,
        [...row],
      );
    }
    for (const row of ICD10_CODES) {
      await queryRunner.query(`INSERT INTO icd10_codes (code, description, descriptor_verified) VALUES ($1, $2, $3)`, [
        ...row,
      ]);
    }
    await queryRunner.query(
      `INSERT INTO deadline_rules (plan_type, decision_standard_days, decision_expedited_hours, info_response_days,
         info_response_expedited_hours, appeal_filing_days, appeal_decision_standard_days, appeal_decision_expedited_hours,
         max_internal_appeal_levels, external_review_request_months, external_review_decision_days,
         external_review_expedited_hours, peer_to_peer_days, source)
       VALUES ('medicare_advantage', 7, 72, 45, 48, 60, 30, 72, 1, 4, 45, 72, 14, $1),
              ('medicaid', 7, 72, 45, 48, 60, 30, 72, 2, 4, 45, 72, 14, $2),
              ('commercial_erisa', 15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14, $3),
              ('aca_marketplace', 15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14, $4),
              ('other', 15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14, $5)`,
      [...DEADLINE_RULE_SOURCES],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX patients_search_trgm_idx`);
    await queryRunner.query(`DROP TRIGGER case_events_no_truncate ON case_events`);
    await queryRunner.query(`DROP TRIGGER case_events_append_only ON case_events`);
    await queryRunner.query(`DROP FUNCTION refuse_change()`);
    await queryRunner.query(`DROP SEQUENCE case_number_seq`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "case_events_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "case_events_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP CONSTRAINT "case_decisions_payer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP CONSTRAINT "case_decisions_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_previous_case_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_provider_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_payer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_patient_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_procedure_lines" DROP CONSTRAINT "case_procedure_lines_case_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "case_failed_treatments" DROP CONSTRAINT "case_failed_treatments_case_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "providers" DROP CONSTRAINT "providers_user_id_fkey"`);
    await queryRunner.query(`DROP TABLE "deadline_rules"`);
    await queryRunner.query(`DROP TABLE "icd10_codes"`);
    await queryRunner.query(`DROP TABLE "cpt_codes"`);
    await queryRunner.query(`DROP INDEX "public"."case_events_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."case_decisions_decided_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."case_decisions_payer_decided_idx"`);
    await queryRunner.query(`DROP INDEX "public"."case_decisions_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."cases_list_keyset_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_status_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_next_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_authorization_number_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_provider_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_payer_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_patient_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_case_number_key"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."case_procedure_lines_cpt_idx"`);
    await queryRunner.query(`DROP INDEX "public"."case_procedure_lines_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_procedure_lines"`);
    await queryRunner.query(`DROP INDEX "public"."case_failed_treatments_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_failed_treatments"`);
    await queryRunner.query(`DROP INDEX "public"."providers_user_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."providers_npi_key"`);
    await queryRunner.query(`DROP TABLE "providers"`);
    await queryRunner.query(`DROP INDEX "public"."patients_mrn_key"`);
    await queryRunner.query(`DROP TABLE "patients"`);
    await queryRunner.query(`DROP INDEX "public"."payers_payer_code_key"`);
    await queryRunner.query(`DROP TABLE "payers"`);
  }
}
