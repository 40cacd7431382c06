import { MigrationInterface, QueryRunner } from 'typeorm';

// The utilization-management desk's fax and the clinic's own notes on a payer (portal quirks,
// who to call), kept beside the phone and portal the payers table already holds. Archiving is
// the existing `active` flag: a payer cases refer to is archived, never deleted.
export class PayerContacts1764000001000 implements MigrationInterface {
  name = 'PayerContacts1764000001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payers" ADD "fax" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "payers" ADD "notes" character varying(2000)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payers" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "payers" DROP COLUMN "fax"`);
  }
}
