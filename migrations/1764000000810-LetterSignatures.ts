import { MigrationInterface, QueryRunner } from 'typeorm';

// A signature records who signed in whose name and how they proved it was them: the signer's name
// and NPI as they stood at signing (a provider record may be renamed later) and the
// re-authentication used. Letters signed before this migration keep NULLs: how they were signed
// is unknown, and the frozen-row trigger forbids inventing it.
export class LetterSignatures1764000000810 implements MigrationInterface {
  name = 'LetterSignatures1764000000810';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_letters" ADD "signature_method" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "case_letters" ADD "signer_name" character varying(220)`);
    await queryRunner.query(`ALTER TABLE "case_letters" ADD "signer_npi" character varying(10)`);
    await queryRunner.query(
      `ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_signature_method_valid" CHECK (signature_method IS NULL OR (signature_method IN ('password','totp') AND status = 'signed' AND signer_npi ~ '^[0-9]{10}$' AND signer_name IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_letters" DROP CONSTRAINT "case_letters_signature_method_valid"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP COLUMN "signer_npi"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP COLUMN "signer_name"`);
    await queryRunner.query(`ALTER TABLE "case_letters" DROP COLUMN "signature_method"`);
  }
}
