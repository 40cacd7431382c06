import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (sessions, throttling, TOTP) and the append-only, hash-chained PHI audit trail.
 *
 * audit_events rows are chained in the database itself: a BEFORE INSERT trigger locks the single
 * audit_chain_head row, gives the new row the next id, the current time and the previous row's
 * hash, and computes its SHA-256 (built into PostgreSQL 11+, no pgcrypto needed). Locking a row,
 * not reading MAX(id), keeps the chain linear under any isolation level: a REPEATABLE READ or
 * SERIALIZABLE writer that raced another fails with a serialization error instead of forking it.
 * The hashed payload is a JSON array (unambiguous, canonical as jsonb text); the verifier in
 * apps/api/src/modules/audit/audit-chain.ts recomputes it with its own copy of this expression.
 */
export class Auth1764000000150 implements MigrationInterface {
  name = 'Auth1764000000150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_enabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "users" ADD "last_login_at" TIMESTAMP WITH TIME ZONE`);

    await queryRunner.query(
      `CREATE TABLE "user_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "csrf_token" character varying(64) NOT NULL, "totp_enrollment_only" boolean NOT NULL DEFAULT false, "ip" inet, "user_agent" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_sessions_token_hash_key" ON "user_sessions" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_hash" bytea NOT NULL, "ip" inet, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "login_failures_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failures_account_idx" ON "login_failures" ("account_hash", "occurred_at")`,
    );
    await queryRunner.query(`CREATE INDEX "login_failures_ip_idx" ON "login_failures" ("ip", "occurred_at")`);

    // Which roles must sign in with a second factor (PUT /api/auth/policy).
    await queryRunner.query(
      `INSERT INTO app_meta (key, value) VALUES ('totp_required_roles', '[]'::jsonb) ON CONFLICT (key) DO NOTHING`,
    );

    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "action" character varying(20) NOT NULL, "object_type" character varying(40) NOT NULL, "object_id" character varying(100), "patient_id" uuid, "case_id" uuid, "ip" inet, "user_agent" character varying(500), "outcome" character varying(10) NOT NULL DEFAULT 'success', "detail" jsonb NOT NULL DEFAULT '{}', "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "audit_events_outcome_valid" CHECK (outcome IN ('success','denied','failure')), CONSTRAINT "audit_events_action_valid" CHECK (action IN ('read','create','update','delete','export','login','logout','failed_login','forbidden')), CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "audit_events_case_id_idx" ON "audit_events" ("case_id", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_events_patient_id_idx" ON "audit_events" ("patient_id", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_events_user_id_idx" ON "audit_events" ("user_id", "id")`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The end of the chain: one row, changed only by the insert trigger below.
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id bigint NOT NULL,
        last_hash varchar(64) NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (true, 0, repeat('0', 64))`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head%ROWTYPE;
      BEGIN
        SELECT * INTO STRICT head FROM audit_chain_head WHERE singleton FOR UPDATE;
        NEW.id := head.last_id + 1;
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := head.last_hash;
        NEW.hash := encode(sha256(convert_to(jsonb_build_array(
          NEW.prev_hash,
          NEW.id,
          to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          NEW.user_id,
          NEW.action,
          NEW.object_type,
          NEW.object_id,
          NEW.patient_id,
          NEW.case_id,
          host(NEW.ip),
          NEW.user_agent,
          NEW.outcome,
          NEW.detail
        )::text, 'UTF8')), 'hex');
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change()`,
    );

    // The head may only move from inside the insert trigger (trigger depth 2 there).
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_chain_head only changes with an insert into audit_events' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP TABLE audit_chain_head`);
    await queryRunner.query(`DROP FUNCTION audit_events_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_events_reject_change()`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_guard()`);
    await queryRunner.query(`DELETE FROM app_meta WHERE key = 'totp_required_roles'`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP TABLE "user_sessions"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_login_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_enabled"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
  }
}
