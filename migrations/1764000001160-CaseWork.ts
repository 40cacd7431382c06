import { MigrationInterface, QueryRunner } from 'typeorm';

// Who handles each open case (its owner), what was asked of whom on it (tasks, to a user or to
// everyone with a role), and what each user has been told (notifications, in the app and by email).
// Open cases get their creator as owner.
export class CaseWork1764000001160 implements MigrationInterface {
  name = 'CaseWork1764000001160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "owner_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "cases_owner_created_idx" ON "cases" ("owner_id", "created_at", "id") `);
    await queryRunner.query(
      `UPDATE "cases" SET "owner_id" = "created_by" WHERE "status" NOT IN ('expired','withdrawn') AND "created_by" IS NOT NULL`,
    );

    await queryRunner.query(`CREATE TABLE "case_tasks" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL,
      "kind" character varying(30) NOT NULL,
      "title" character varying(200) NOT NULL,
      "assignee_user_id" uuid,
      "assignee_role" character varying(20),
      "due_date" date NOT NULL,
      "status" character varying(10) NOT NULL DEFAULT 'open',
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "closed_by" uuid,
      "close_reason" character varying(200),
      CONSTRAINT "case_tasks_kind_valid" CHECK (kind IN ('document_findings','sign_letter','call_payer','other')),
      CONSTRAINT "case_tasks_status_valid" CHECK (status IN ('open','done','cancelled')),
      CONSTRAINT "case_tasks_assignee_one" CHECK ((assignee_user_id IS NULL) <> (assignee_role IS NULL)),
      CONSTRAINT "case_tasks_assignee_role_valid" CHECK (assignee_role IS NULL OR assignee_role IN ('front_desk','physician','manager','admin')),
      CONSTRAINT "case_tasks_closed_consistent" CHECK ((status = 'open') = (closed_at IS NULL)),
      CONSTRAINT "case_tasks_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "case_tasks_case_idx" ON "case_tasks" ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "case_tasks_open_user_idx" ON "case_tasks" ("assignee_user_id", "due_date") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_tasks_open_role_idx" ON "case_tasks" ("assignee_role", "due_date") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    for (const column of ['assignee_user_id', 'created_by', 'closed_by']) {
      await queryRunner.query(
        `ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }

    await queryRunner.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "kind" character varying(30) NOT NULL,
      "case_id" uuid,
      "task_id" uuid,
      "dedupe_key" character varying(200),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "read_at" TIMESTAMP WITH TIME ZONE,
      "emailed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "notifications_kind_valid" CHECK (kind IN ('case_assigned','task_assigned','task_done','payer_answer','clock_warning')),
      CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" ("user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_unsent_idx" ON "notifications" ("created_at") WHERE emailed_at IS NULL AND read_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "case_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "case_tasks"`);
    await queryRunner.query(`DROP INDEX "cases_owner_created_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_owner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "owner_id"`);
  }
}
