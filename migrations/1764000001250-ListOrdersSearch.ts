import { MigrationInterface, QueryRunner } from 'typeorm';

// The case list's orders and its search (issue 29):
// - one index on (column, id) for each order the list offers, so a page at any depth is a range
//   read of an index (keyset pagination); the single-column indexes on the due and first-submitted
//   dates are replaced by their (column, id) form, which serves their range reads as well;
// - the patient name index becomes a trigram GiST: GiST answers a nearest-first (KNN) read by
//   word similarity, so a search ranks misspelt and partial names and stops after the best
//   matches instead of collecting every patient that shares a surname (GIN had to recheck all
//   23,808 "Moss" rows at 1M cases: 760 ms; this reads 50 in 1 ms). The signature is 256 bytes,
//   not the default 12: a name's trigrams saturate 12 bytes, so the tree could not prune and a
//   search with few matches walked most of it (a two-word name with no match: 740 ms → 0.3 ms).
//   MRN and member id are identifiers, found typed whole (any case) through their own indexes.
export class ListOrdersSearch1764000001250 implements MigrationInterface {
  name = 'ListOrdersSearch1764000001250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "cases_updated_keyset_idx" ON "cases" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "cases_due_keyset_idx" ON "cases" ("next_due_at", "id") `);
    await queryRunner.query(`DROP INDEX "cases_next_due_idx"`);
    await queryRunner.query(`CREATE INDEX "cases_submitted_keyset_idx" ON "cases" ("first_submitted_at", "id") `);
    await queryRunner.query(`DROP INDEX "cases_first_submitted_idx"`);
    await queryRunner.query(
      `CREATE INDEX "cases_decided_keyset_idx" ON "cases" ("decided_at", "id") WHERE decided_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_denied_keyset_idx" ON "cases" ("denied_at", "id") WHERE denied_at IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX patients_search_trgm_idx`);
    await queryRunner.query(
      `CREATE INDEX patients_search_trgm_idx ON patients USING gist ((lower(first_name || ' ' || last_name)) gist_trgm_ops(siglen=256))`,
    );
    await queryRunner.query(`CREATE INDEX patients_mrn_upper_idx ON patients (upper(mrn))`);
    await queryRunner.query(`CREATE INDEX patients_member_id_upper_idx ON patients (upper(member_id))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX patients_member_id_upper_idx`);
    await queryRunner.query(`DROP INDEX patients_mrn_upper_idx`);
    await queryRunner.query(`DROP INDEX patients_search_trgm_idx`);
    await queryRunner.query(
      `CREATE INDEX patients_search_trgm_idx ON patients USING gin ((lower(first_name || ' ' || last_name || ' ' || mrn)) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "cases_denied_keyset_idx"`);
    await queryRunner.query(`DROP INDEX "cases_decided_keyset_idx"`);
    await queryRunner.query(`CREATE INDEX "cases_first_submitted_idx" ON "cases" ("first_submitted_at") `);
    await queryRunner.query(`DROP INDEX "cases_submitted_keyset_idx"`);
    await queryRunner.query(`CREATE INDEX "cases_next_due_idx" ON "cases" ("next_due_at") `);
    await queryRunner.query(`DROP INDEX "cases_due_keyset_idx"`);
    await queryRunner.query(`DROP INDEX "cases_updated_keyset_idx"`);
  }
}
