import { MigrationInterface, QueryRunner } from 'typeorm';

// A correction or a reversal is a new event pointing at the step it corrects (the history stays
// append-only). A decision row names the step it came from, so a corrected or reversed step's
// decision is rebuilt or dropped and the reports follow. Decisions recorded before this
// migration are matched to their step by case, outcome and time (how the step wrote them).
export class EventCorrections1764000001100 implements MigrationInterface {
  name = 'EventCorrections1764000001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" ADD "corrects_event_id" bigint`);
    await queryRunner.query(`ALTER TABLE "case_decisions" ADD "event_id" bigint`);
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "case_events_corrects_event_id_fkey" FOREIGN KEY ("corrects_event_id") REFERENCES "case_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "case_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      UPDATE case_decisions d
         SET event_id = (SELECT e.id FROM case_events e
                          WHERE e.case_id = d.case_id AND e.type = 'transition'
                            AND e.to_status = d.outcome AND e.occurred_at = d.decided_at
                          ORDER BY e.id LIMIT 1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP CONSTRAINT "case_decisions_event_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "case_events_corrects_event_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_decisions" DROP COLUMN "event_id"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "corrects_event_id"`);
  }
}
