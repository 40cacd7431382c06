import type { EntityManager } from 'typeorm';
import type { PasEndpoint } from './pas-client';

// SQL for the PAS identity of cases (fhir_claims) and the answers kept on them (fhir_exchanges).

export interface IssuedClaim {
  claimId: string;
  caseId: string;
  identifierValue: string;
  kind: string;
  relatedClaimId: string | null;
}

export async function recordIssuedClaims(manager: EntityManager, claims: IssuedClaim[]): Promise<void> {
  for (const c of claims) {
    await manager.query(
      `INSERT INTO fhir_claims (claim_id, case_id, identifier_value, kind, related_claim_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (claim_id) DO NOTHING`,
      [c.claimId, c.caseId, c.identifierValue, c.kind, c.relatedClaimId],
    );
  }
}

/** The payer's PAS endpoint with its key decrypted by `decrypt`, or null if it has none. */
export async function findPasEndpoint(
  manager: EntityManager,
  payerId: string,
  decrypt: (stored: string) => string,
): Promise<PasEndpoint | null> {
  const [row] = await manager.query<
    { base_url: string; token_url: string; client_id: string; key_id: string; private_key: string }[]
  >(`SELECT base_url, token_url, client_id, key_id, private_key FROM payer_pas_endpoints WHERE payer_id = $1`, [
    payerId,
  ]);
  if (!row) return null;
  return {
    baseUrl: row.base_url,
    tokenUrl: row.token_url,
    clientId: row.client_id,
    keyId: row.key_id,
    privateKeyPem: decrypt(row.private_key),
  };
}

/** The case's payer and patient, and whether the payer has a PAS endpoint; null for no such case. */
export async function findCasePayerEndpoint(
  manager: EntityManager,
  caseId: string,
): Promise<{ patientId: string; payerEndpoint: boolean } | null> {
  const rows = await manager.query<{ patient_id: string; has_endpoint: boolean }[]>(
    `SELECT c.patient_id, (e.payer_id IS NOT NULL) AS has_endpoint
       FROM cases c LEFT JOIN payer_pas_endpoints e ON e.payer_id = c.payer_id
      WHERE c.id = $1`,
    [caseId],
  );
  return rows[0] ? { patientId: rows[0].patient_id, payerEndpoint: rows[0].has_endpoint } : null;
}

/** The case a Claim id was exported for, if it is one of ours. */
export async function findCaseOfClaim(manager: EntityManager, claimId: string): Promise<string | null> {
  const rows = await manager.query<{ case_id: string }[]>(`SELECT case_id FROM fhir_claims WHERE claim_id = $1`, [
    claimId,
  ]);
  return rows[0]?.case_id ?? null;
}

export interface ExchangeRow {
  caseId: string;
  direction: 'inbound' | 'outbound';
  kind: string;
  resourceId: string | null;
  summary: Record<string, unknown>;
  body: unknown;
  actorId: string | null;
}

export async function insertExchange(manager: EntityManager, row: ExchangeRow): Promise<void> {
  await manager.query(
    `INSERT INTO fhir_exchanges (case_id, direction, kind, resource_id, summary, body, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.caseId,
      row.direction,
      row.kind,
      row.resourceId?.slice(0, 64) ?? null,
      JSON.stringify(row.summary),
      JSON.stringify(row.body),
      row.actorId,
    ],
  );
}

export interface ExchangeListItem {
  id: string;
  direction: string;
  kind: string;
  resourceId: string | null;
  summary: Record<string, unknown>;
  createdAt: Date;
}

export async function listExchanges(manager: EntityManager, caseId: string): Promise<ExchangeListItem[]> {
  const rows = await manager.query<
    {
      id: string;
      direction: string;
      kind: string;
      resource_id: string | null;
      summary: Record<string, unknown>;
      created_at: Date;
    }[]
  >(`SELECT id, direction, kind, resource_id, summary, created_at FROM fhir_exchanges WHERE case_id = $1 ORDER BY id`, [
    caseId,
  ]);
  return rows.map((r) => ({
    id: String(r.id),
    direction: r.direction,
    kind: r.kind,
    resourceId: r.resource_id,
    summary: r.summary,
    createdAt: r.created_at,
  }));
}
