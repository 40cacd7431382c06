import type { ClientBase } from 'pg';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditChainReport =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenId: string; reason: string };

// The verifier's own copy of the hashed payload (the insert trigger in migrations/1764000000150-Auth.ts
// has the other): a tamperer who redefines the trigger function does not change what is checked.
const RECOMPUTED_HASH = `encode(sha256(convert_to(jsonb_build_array(
    prev_hash,
    id,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    user_id,
    action,
    object_type,
    object_id,
    patient_id,
    case_id,
    host(ip),
    user_agent,
    outcome,
    detail
  )::text, 'UTF8')), 'hex')`;

const BATCH = 5_000;

/**
 * Walks audit_events in chain order and reports the first row that does not fit: a gap in the ids
 * (rows deleted), a prev_hash that is not the previous row's hash (rows deleted or reordered), or
 * a hash that does not match the row's content (row edited). The end of the chain must match
 * audit_chain_head (rows deleted at the end). Reads one consistent snapshot.
 */
export async function verifyAuditChain(client: ClientBase): Promise<AuditChainReport> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    let expectedId = 1n;
    let previousHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const { rows } = await client.query<{ id: string; prev_hash: string; hash: string; recomputed: string }>(
        // Ordered by the bigint column, not the text alias (where '10' sorts before '2').
        `SELECT id::text AS id, prev_hash, hash, ${RECOMPUTED_HASH} AS recomputed
           FROM audit_events WHERE id >= $1 ORDER BY audit_events.id LIMIT $2`,
        [expectedId.toString(), BATCH],
      );
      for (const row of rows) {
        if (BigInt(row.id) !== expectedId) {
          return {
            ok: false,
            checked,
            brokenId: row.id,
            reason: `rows ${expectedId} to ${BigInt(row.id) - 1n} are missing`,
          };
        }
        if (row.prev_hash !== previousHash) {
          return {
            ok: false,
            checked,
            brokenId: row.id,
            reason: 'prev_hash does not match the hash of the row before',
          };
        }
        if (row.hash !== row.recomputed) {
          return { ok: false, checked, brokenId: row.id, reason: 'the row’s content does not match its hash (edited)' };
        }
        previousHash = row.hash;
        expectedId += 1n;
        checked += 1;
      }
      if (rows.length < BATCH) break;
    }
    const head = await client.query<{ last_id: string; last_hash: string }>(
      `SELECT last_id::text AS last_id, last_hash FROM audit_chain_head`,
    );
    const lastId = (expectedId - 1n).toString();
    if (head.rows.length !== 1 || head.rows[0].last_id !== lastId || head.rows[0].last_hash !== previousHash) {
      return {
        ok: false,
        checked,
        brokenId: head.rows[0]?.last_id ?? lastId,
        reason: 'the chain ends before audit_chain_head says it does (rows deleted at the end)',
      };
    }
    return { ok: true, checked, lastHash: previousHash };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

/** The verdict in one sentence, as `npm run audit:verify` prints it and the audit page shows it. */
export function describeAuditChainReport(report: AuditChainReport): string {
  return report.ok
    ? `OK: the audit trail's ${report.checked} events are intact; the last hash is ${report.lastHash}.`
    : `TAMPERED: audit event ${report.brokenId}: ${report.reason} (${report.checked} events before it are intact).`;
}
