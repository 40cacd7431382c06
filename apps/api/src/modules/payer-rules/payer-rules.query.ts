import type { PayerRule, PayerRuleContent, PayerRuleKey } from '@preauth/domain';
import type { EntityManager } from 'typeorm';

/** A stored version with who wrote it and when, and the payer's name and code for lists and CSV. */
export interface StoredPayerRule extends PayerRule {
  payerName: string;
  payerCode: string;
  createdAt: string;
  createdByName: string | null;
}

// One JSON object per version, in the domain's shape: the case loader reads the same expression.
export const PAYER_RULE_JSON = `json_build_object(
    'id', r.id, 'version', r.version, 'payerId', r.payer_id, 'planType', r.plan_type, 'cptCode', r.cpt_code,
    'priorAuth', r.prior_auth, 'criteria', r.criteria, 'minSymptomWeeks', r.min_symptom_weeks,
    'minFailedTreatments', r.min_failed_treatments, 'photosRequired', r.photos_required, 'documents', r.documents,
    'policyName', r.policy_name, 'policyUrl', r.policy_url, 'policyVersion', r.policy_version,
    'policyCheckedOn', to_char(r.policy_checked_on, 'YYYY-MM-DD'), 'portalUrl', r.portal_url, 'fax', r.fax,
    'phone', r.phone, 'electronicEndpoint', r.electronic_endpoint, 'appealAddress', r.appeal_address, 'notes', r.notes)`;

const STORED_SELECT = `
  SELECT ${PAYER_RULE_JSON}::jsonb || jsonb_build_object(
           'payerName', p.name, 'payerCode', p.payer_code, 'createdAt', r.created_at, 'createdByName', u.display_name) AS rule
    FROM payer_rule_versions r
    JOIN payers p ON p.id = r.payer_id
    LEFT JOIN users u ON u.id = r.created_by`;

/** The latest version of every rule (of one payer, when given), by payer name, CPT code, plan type. */
export async function listCurrentRules(manager: EntityManager, payerId?: string): Promise<StoredPayerRule[]> {
  const rows = await manager.query<{ rule: StoredPayerRule }[]>(
    `${STORED_SELECT}
      WHERE ($1::uuid IS NULL OR r.payer_id = $1)
        AND NOT EXISTS (SELECT 1 FROM payer_rule_versions newer
                         WHERE newer.payer_id = r.payer_id AND newer.cpt_code = r.cpt_code
                           AND newer.plan_type IS NOT DISTINCT FROM r.plan_type AND newer.version > r.version)
      ORDER BY p.name, r.cpt_code, r.plan_type NULLS FIRST`,
    [payerId ?? null],
  );
  return rows.map((r) => r.rule);
}

/** Every version of one rule, newest first. */
export async function listRuleVersions(manager: EntityManager, key: PayerRuleKey): Promise<StoredPayerRule[]> {
  const rows = await manager.query<{ rule: StoredPayerRule }[]>(
    `${STORED_SELECT}
      WHERE r.payer_id = $1 AND r.cpt_code = $2 AND r.plan_type IS NOT DISTINCT FROM $3
      ORDER BY r.version DESC`,
    [key.payerId, key.cptCode, key.planType],
  );
  return rows.map((r) => r.rule);
}

export async function findRuleVersion(manager: EntityManager, id: string): Promise<StoredPayerRule | null> {
  const rows = await manager.query<{ rule: StoredPayerRule }[]>(`${STORED_SELECT} WHERE r.id = $1`, [id]);
  return rows[0]?.rule ?? null;
}

export async function latestVersionNumber(manager: EntityManager, key: PayerRuleKey): Promise<number> {
  const [{ version }] = await manager.query<{ version: number }[]>(
    `SELECT coalesce(max(version), 0)::int AS version FROM payer_rule_versions
      WHERE payer_id = $1 AND cpt_code = $2 AND plan_type IS NOT DISTINCT FROM $3`,
    [key.payerId, key.cptCode, key.planType],
  );
  return version;
}

export async function insertRuleVersion(
  manager: EntityManager,
  key: PayerRuleKey,
  version: number,
  c: PayerRuleContent,
  createdBy: string | null,
): Promise<string> {
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO payer_rule_versions (payer_id, plan_type, cpt_code, version, prior_auth, criteria, min_symptom_weeks,
        min_failed_treatments, photos_required, documents, policy_name, policy_url, policy_version, policy_checked_on,
        portal_url, fax, phone, electronic_endpoint, appeal_address, notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     RETURNING id`,
    [
      key.payerId,
      key.planType,
      key.cptCode,
      version,
      c.priorAuth,
      c.criteria,
      c.minSymptomWeeks,
      c.minFailedTreatments,
      c.photosRequired,
      c.documents,
      c.policyName,
      c.policyUrl,
      c.policyVersion,
      c.policyCheckedOn,
      c.portalUrl,
      c.fax,
      c.phone,
      c.electronicEndpoint,
      c.appealAddress,
      c.notes,
      createdBy,
    ],
  );
  return id;
}

/**
 * SQL for a case's payer rules (alias c for the case, py for its payer): the versions recorded
 * with the case at submission, else the current rule of each CPT code on the request, the plan
 * type's own rule before the payer-wide one.
 */
export const CASE_PAYER_RULES_SQL = `
  CASE WHEN EXISTS (SELECT 1 FROM case_payer_rules cr WHERE cr.case_id = c.id)
    THEN (SELECT json_agg(${PAYER_RULE_JSON} ORDER BY r.cpt_code)
            FROM case_payer_rules cr JOIN payer_rule_versions r ON r.id = cr.rule_version_id WHERE cr.case_id = c.id)
    ELSE (SELECT coalesce(json_agg(${PAYER_RULE_JSON} ORDER BY r.cpt_code), '[]')
            FROM (SELECT DISTINCT ON (r.cpt_code) r.*
                    FROM payer_rule_versions r
                   WHERE r.payer_id = c.payer_id AND (r.plan_type IS NULL OR r.plan_type = py.plan_type)
                     AND r.cpt_code IN (SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id)
                   ORDER BY r.cpt_code, r.plan_type NULLS LAST, r.version DESC) r)
  END`;

/** Records with the case the rule versions it is submitted under (kept on a resubmission). */
export async function recordCasePayerRules(manager: EntityManager, caseId: string, ruleIds: readonly string[]) {
  if (ruleIds.length === 0) return;
  await manager.query(
    `INSERT INTO case_payer_rules (case_id, rule_version_id)
     SELECT $1, unnest($2::uuid[])
      WHERE NOT EXISTS (SELECT 1 FROM case_payer_rules WHERE case_id = $1)`,
    [caseId, ruleIds],
  );
}
