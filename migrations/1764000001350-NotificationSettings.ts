import { MigrationInterface, QueryRunner } from 'typeorm';

// Each user's choice of which notification kinds also go by email (a row only for a kind they
// set; the rest keep the default), and the clinic's warning lead times and digest hour (one row,
// id 1, seeded with the lead times the job used before they were editable; a null digest hour
// means DIGEST_HOUR from the environment).
export class NotificationSettings1764000001350 implements MigrationInterface {
  name = 'NotificationSettings1764000001350';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "email" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preferences_kind_valid" CHECK (kind IN ('case_assigned','task_assigned','task_done','payer_answer','clock_warning','payer_unreachable')), CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "kind"), CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("id" smallint NOT NULL DEFAULT '1', "day_clock_lead_days" integer[] NOT NULL, "hour_clock_lead_hours" integer[] NOT NULL, "digest_hour" smallint, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_settings_single_row" CHECK (id = 1), CONSTRAINT "notification_settings_leads_valid" CHECK (cardinality(day_clock_lead_days) <= 3 AND cardinality(hour_clock_lead_hours) <= 3 AND 0 < ALL (day_clock_lead_days) AND 0 < ALL (hour_clock_lead_hours)), CONSTRAINT "notification_settings_digest_hour_valid" CHECK (digest_hour BETWEEN 0 AND 23), CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("id"), CONSTRAINT "notification_settings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `INSERT INTO "notification_settings" (id, day_clock_lead_days, hour_clock_lead_hours) VALUES (1, '{3,1}', '{24,4}')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
