import { CPT_CATALOG, DEFAULT_DEADLINE_RULES, PLAN_TYPES } from '@preauth/domain';
import type { Pool } from 'pg';
import { pendingSchemaChanges } from '../src/database/data-source';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = database.pool(1);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  // The template was built by running every migration; if the entities want anything more,
  // someone changed an entity without writing its migration (`npm run migration:generate`).
  it('leave nothing for the entities to change', async () => {
    const pending = await pendingSchemaChanges(database.url);
    expect(pending.up).toEqual([]);
  });

  // The migrations seed reference data as literals, so a catalog or default rule changed in
  // libs/domain reaches a database only through a new migration: these say when one is missing.
  describe('seed the reference data that libs/domain ships', () => {
    const verified = (note: string | undefined) => !/unverified/i.test(note ?? '');
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

    it('cpt_codes', async () => {
      const { rows } = await pool.query(
        `SELECT code, description, cosmetic_risk AS "cosmeticRisk", descriptor_verified AS "descriptorVerified" FROM cpt_codes`,
      );
      expect(rows.sort(byCode)).toEqual(
        CPT_CATALOG.map((c) => ({
          code: c.code,
          description: c.description,
          cosmeticRisk: c.cosmeticRisk,
          descriptorVerified: verified(c.note),
        })).sort(byCode),
      );
    });

    it('deadline rules', async () => {
      const { rows } = await pool.query(
        `SELECT plan_type AS "planType", decision_standard_days AS "decisionStandardDays",
                decision_expedited_hours AS "decisionExpeditedHours", info_response_days AS "infoResponseDays",
                info_response_expedited_hours AS "infoResponseExpeditedHours", appeal_filing_days AS "appealFilingDays",
                appeal_decision_standard_days AS "appealDecisionStandardDays",
                appeal_decision_expedited_hours AS "appealDecisionExpeditedHours",
                max_internal_appeal_levels AS "maxInternalAppealLevels",
                external_review_request_months AS "externalReviewRequestMonths",
                external_review_decision_days AS "externalReviewDecisionDays",
                external_review_expedited_hours AS "externalReviewExpeditedHours",
                peer_to_peer_days AS "peerToPeerDays", source
           FROM deadline_rules`,
      );
      const byPlan = Object.fromEntries(rows.map((row) => [row.planType, row]));
      expect(Object.keys(byPlan).sort()).toEqual([...PLAN_TYPES].sort());
      for (const planType of PLAN_TYPES) {
        expect({ planType, ...byPlan[planType] }).toEqual({ source: null, ...DEFAULT_DEADLINE_RULES[planType] });
      }
    });
  });
});
