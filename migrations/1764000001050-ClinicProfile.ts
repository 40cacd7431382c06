import { MigrationInterface, QueryRunner } from 'typeorm';

// The practice's letterhead (one row, id 1), printed on every letter and packet and as the sender
// on the packet's fax cover sheet (the payer's fax comes from PayerContacts).
export class ClinicProfile1764000001050 implements MigrationInterface {
  name = 'ClinicProfile1764000001050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clinic_profile" ("id" smallint NOT NULL DEFAULT '1', "practice_name" character varying(200) NOT NULL, "address_line1" character varying(200) NOT NULL, "address_line2" character varying(200), "city" character varying(100) NOT NULL, "state" character varying(2) NOT NULL, "postal_code" character varying(10) NOT NULL, "phone" character varying(40) NOT NULL, "fax" character varying(40) NOT NULL, "group_npi" character varying(10), "tax_id" character varying(10), "logo" bytea, "logo_sha256" character varying(64), "logo_width" integer, "logo_height" integer, "logo_updated_at" TIMESTAMP WITH TIME ZONE, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clinic_profile_logo_complete" CHECK ((logo IS NULL) = (logo_sha256 IS NULL AND logo_width IS NULL AND logo_height IS NULL AND logo_updated_at IS NULL)), CONSTRAINT "clinic_profile_tax_id_valid" CHECK (tax_id IS NULL OR tax_id ~ '^[0-9]{2}-[0-9]{7}$'), CONSTRAINT "clinic_profile_group_npi_valid" CHECK (group_npi IS NULL OR group_npi ~ '^[0-9]{10}$'), CONSTRAINT "clinic_profile_single_row" CHECK (id = 1), CONSTRAINT "clinic_profile_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "clinic_profile" ADD CONSTRAINT "clinic_profile_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clinic_profile" DROP CONSTRAINT "clinic_profile_updated_by_fkey"`);
    await queryRunner.query(`DROP TABLE "clinic_profile"`);
  }
}
