import { PAYER_CLOCK_KINDS, UNKNOWN_DENIAL_CODE } from '@preauth/domain';
import type { DataSource } from 'typeorm';
import { reviewedDenialCodeSql } from '../cases/reviewed-denial.sql';

// Every report query takes the same range parameters: $1 the first clinic day, $2 the last one
// (both 'YYYY-MM-DD'), $3 the clinic's time zone. Only the clinic misses' rows take a $4 (a limit).

// Local calendar days of the clinic, as instants: [first day 00:00, day after the last 00:00).
// Written inline (not in a CTE) so the planner sees the bounds and estimates the rows right.
const IN_RANGE = (column: string) =>
  `${column} >= ($1::date::timestamp AT TIME ZONE $3) AND ${column} < (($2::date + 1)::timestamp AT TIME ZONE $3)`;
// Seconds from one instant to another as float8, with date_part rather than extract: since
// PostgreSQL 14 extract returns numeric, and numeric arithmetic on every decision of a year was a
// third of a breakdown's time (by physician 284 ms → 182 ms, by CPT 335 → 224 ms, the same rows).
// The reports round these figures to 2 places anyway.
const SECONDS_BETWEEN = (from: string, to: string) => `date_part('epoch', ${to} - ${from})`;
const HOURS = `(${SECONDS_BETWEEN('d.requested_at', 'd.decided_at')} / 3600.0)`;

export type BreakdownDimension = 'payer' | 'cpt' | 'physician';

// Decisions are grouped by the typed column (a uuid hashes cheaper than its text form; the key is
// cast to text only on the result rows). CPT codes are grouped by the decision's whole code list,
// a handful of distinct lists, and only those groups are spread over their codes (`expand`).
const DIMENSIONS: Record<BreakdownDimension, { group: string; expand: boolean; label: string }> = {
  payer: { group: 'd.payer_id', expand: false, label: `(SELECT name FROM payers WHERE id = agg.key)` },
  cpt: { group: 'd.cpt_codes', expand: true, label: 'agg.key' },
  physician: {
    group: 'd.provider_id',
    expand: false,
    label: `(SELECT first_name || ' ' || last_name || coalesce(', ' || credentials, '') FROM providers WHERE id = agg.key)`,
  },
};

// The summary and decision-times queries name their columns after these values.
export const URGENCIES = ['standard', 'expedited'] as const;
export const REVIEW_STAGES = ['peer_to_peer', 'appeal_1', 'appeal_2', 'external_review'] as const;

/**
 * Report SQL runs in one read-only transaction with room to sort in memory: the percentiles
 * sort a year of decisions, and the 4 MB default spills to disk (800 ms → 380 ms at 1M cases).
 * No parallel workers: on the 2-core server that also answers the app, a report's workers
 * only wait for CPU and each rebuilds the same hash tables (late payers 290 ms → 110 ms,
 * summary 250–350 ms → 150 ms, one request at a time at 1M cases).
 */
export async function runReportQuery<T = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await manager.query(`SET TRANSACTION READ ONLY`);
    await manager.query(`SET LOCAL work_mem = '64MB'`);
    await manager.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
    return manager.query<T[]>(sql, params);
  });
}

// One pass over the range's decisions, counted per (stage, outcome) — one hash lookup a row
// instead of thirteen FILTER tests (330 ms → 285 ms) — then folded into the figures on those
// few groups. The appealed check reads the small partial index cases_appealed_idx rather than
// the cases table.
export const SUMMARY_SQL = `SELECT
         (SELECT count(*) FROM cases c WHERE ${IN_RANGE('c.first_submitted_at')}) AS submitted,
         (SELECT count(*) FROM cases c WHERE c.status = 'withdrawn' AND ${IN_RANGE('c.closed_at')}) AS withdrawn,
         (SELECT count(*) FROM cases c WHERE c.status = 'completed' AND ${IN_RANGE('c.closed_at')}) AS completed,
         (SELECT count(*) FROM cases c WHERE c.status = 'expired' AND ${IN_RANGE('c.closed_at')}) AS expired,
         coalesce(sum(g.n) FILTER (WHERE g.stage = 'initial'), 0) AS decisions,
         coalesce(sum(g.n) FILTER (WHERE g.stage = 'initial' AND g.outcome = 'approved'), 0) AS approved,
         coalesce(sum(g.n) FILTER (WHERE g.stage = 'initial' AND g.outcome = 'partially_approved'), 0) AS partially_approved,
         coalesce(sum(g.n) FILTER (WHERE g.stage = 'initial' AND g.outcome = 'denied'), 0) AS denied,
         coalesce(sum(g.n) FILTER (WHERE g.stage <> 'initial' AND g.outcome <> 'denied'), 0) AS approved_after_appeal,
         coalesce(sum(g.appealed), 0) AS denied_then_appealed,
         ${REVIEW_STAGES.map(
           (st) =>
             `coalesce(sum(g.n) FILTER (WHERE g.stage = '${st}'), 0) AS "${st}", coalesce(sum(g.n) FILTER (WHERE g.stage = '${st}' AND g.outcome <> 'denied'), 0) AS "${st}_overturned"`,
         ).join(',\n         ')}
       FROM (
         SELECT d.stage, d.outcome, count(*) AS n,
                count(*) FILTER (WHERE d.stage = 'initial' AND d.outcome = 'denied'
                                   AND d.case_id IN (SELECT id FROM cases WHERE appeal_level >= 1)) AS appealed
           FROM case_decisions d WHERE ${IN_RANGE('d.decided_at')}
          GROUP BY d.stage, d.outcome) g`;

// One pass with a FILTER per urgency, not GROUP BY urgency: grouping sorted the whole year's
// decisions by urgency before each percentile sorted its own group again (283 ms → 204 ms).
// OFFSET 0 keeps the subquery from being flattened, so h is computed once a row rather than
// once for the mean and again for the percentiles (231 ms → 184 ms).
export const DECISION_TIMES_SQL = `SELECT ${URGENCIES.map(
  (u) => `count(*) FILTER (WHERE d.urgency = '${u}') AS "${u}_decisions",
               avg(d.h) FILTER (WHERE d.urgency = '${u}') AS "${u}_mean",
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY d.h) FILTER (WHERE d.urgency = '${u}') AS "${u}_pct",
               count(*) FILTER (WHERE d.urgency = '${u}' AND d.decided_at > d.due_at) AS "${u}_late",
               count(*) FILTER (WHERE d.urgency = '${u}' AND d.due_at IS NOT NULL) AS "${u}_with_due"`,
).join(',\n              ')}
         FROM (SELECT d.urgency, d.decided_at, d.due_at, ${HOURS} AS h
                 FROM case_decisions d WHERE d.stage = 'initial' AND ${IN_RANGE('d.decided_at')} OFFSET 0) d`;

export function breakdownSql(dimension: BreakdownDimension): string {
  const dim = DIMENSIONS[dimension];
  // Each group's hours are gathered into an array by a hash aggregate and its median taken from
  // that array: the same values, so the same percentile_cont, without sorting the whole year's
  // decisions by the group key first (by payer 332 ms → 195 ms).
  const counts = ['decisions', 'approved', 'partially_approved', 'denied', 'late'];
  const agg = dim.expand
    ? // A decision counts once for each code it covered (twice if listed twice).
      `SELECT k.key, ${counts.map((c) => `sum(g.${c}) AS ${c}`).join(', ')},
                (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h)
                   FROM grouped g2 CROSS JOIN LATERAL unnest(g2.grp) AS k2(key) CROSS JOIN LATERAL unnest(g2.hours) AS h
                  WHERE k2.key IS NOT DISTINCT FROM k.key) AS median
           FROM grouped g CROSS JOIN LATERAL unnest(g.grp) AS k(key)
          GROUP BY k.key`
    : `SELECT g.grp AS key, ${counts.map((c) => `g.${c}`).join(', ')},
                (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h) FROM unnest(g.hours) AS h) AS median
           FROM grouped g`;
  return `WITH grouped AS (
         SELECT ${dim.group} AS grp, count(*) AS decisions,
                count(*) FILTER (WHERE d.outcome = 'approved') AS approved,
                count(*) FILTER (WHERE d.outcome = 'partially_approved') AS partially_approved,
                count(*) FILTER (WHERE d.outcome = 'denied') AS denied,
                count(*) FILTER (WHERE d.decided_at > d.due_at) AS late,
                array_agg(${HOURS}) AS hours
           FROM case_decisions d
          WHERE d.stage = 'initial' AND ${IN_RANGE('d.decided_at')}
          GROUP BY 1),
       agg AS (${agg})
       SELECT agg.key::text AS key, ${counts.map((c) => `agg.${c}`).join(', ')}, agg.median, ${dim.label} AS label
         FROM agg
        ORDER BY agg.denied DESC, agg.decisions DESC, agg.key::text`;
}

export const DENIAL_REASONS_SQL = `SELECT coalesce(d.denial_code, '${UNKNOWN_DENIAL_CODE}') AS code, count(*) AS denials
         FROM case_decisions d WHERE d.outcome = 'denied' AND ${IN_RANGE('d.decided_at')}
        GROUP BY 1 ORDER BY 2 DESC, 1`;

// Each clinic month becomes a pair of instants (the same local-midnight bounds IN_RANGE uses,
// clipped to the range) and is counted by its own index range scan. Labelling every row with
// to_char(… AT TIME ZONE …) cost a time-zone conversion per row, and the decisions were then
// sorted by that label (1,220 ms → 150 ms). A row lands in the month its local time reads, as
// before, unless a zone turns its clocks back across midnight on a 1st; there the range's own
// bounds rule. Months with neither submissions nor decisions are left out, as before.
export const TREND_SQL = `WITH months AS (
         SELECT to_char(m, 'YYYY-MM') AS month,
                greatest(m, $1::date::timestamp) AT TIME ZONE $3 AS lo,
                least(m + interval '1 month', ($2::date + 1)::timestamp) AT TIME ZONE $3 AS hi
           FROM generate_series(date_trunc('month', $1::date::timestamp), $2::date::timestamp, interval '1 month') AS m)
       SELECT m.month, s.submitted, d.decisions, d.approved, d.denied, d.median
         FROM months m
        CROSS JOIN LATERAL (
          SELECT count(*) AS submitted FROM cases c WHERE c.first_submitted_at >= m.lo AND c.first_submitted_at < m.hi) s
        CROSS JOIN LATERAL (
          SELECT count(*) AS decisions,
                 count(*) FILTER (WHERE d.outcome = 'approved') AS approved,
                 count(*) FILTER (WHERE d.outcome = 'denied') AS denied,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS}) AS median
            FROM case_decisions d WHERE d.stage = 'initial' AND d.decided_at >= m.lo AND d.decided_at < m.hi) d
        WHERE s.submitted > 0 OR d.decisions > 0
        ORDER BY m.month`;

// Decided late in the range, and (apart) still waiting past the deadline now: the open requests,
// appeals and external reviews whose running clock is the payer's and has passed.
export const LATE_PAYERS_SQL = `WITH decided AS (
         SELECT d.payer_id, count(*) AS decisions,
                count(*) FILTER (WHERE d.decided_at > d.due_at) AS late,
                avg(${SECONDS_BETWEEN('d.due_at', 'd.decided_at')} / 86400.0) FILTER (WHERE d.decided_at > d.due_at) AS mean_days_late
           FROM case_decisions d
          WHERE d.due_at IS NOT NULL AND ${IN_RANGE('d.decided_at')}
          GROUP BY d.payer_id),
       waiting AS (
         SELECT c.payer_id, count(*) AS overdue_open
           FROM cases c
          WHERE c.next_due_kind IN (${PAYER_CLOCK_KINDS.map((k) => `'${k}'`).join(', ')}) AND c.next_due_at < now()
          GROUP BY c.payer_id)
       SELECT coalesce(d.payer_id, w.payer_id) AS payer_id, py.name AS payer,
              coalesce(d.decisions, 0) AS decisions, coalesce(d.late, 0) AS late, d.mean_days_late,
              coalesce(w.overdue_open, 0) AS overdue_open
         FROM decided d
         FULL JOIN waiting w ON w.payer_id = d.payer_id
         JOIN payers py ON py.id = coalesce(d.payer_id, w.payer_id)
        ORDER BY coalesce(d.late, 0) DESC, coalesce(w.overdue_open, 0) DESC, py.name`;

const MISSED = `c.status = 'denied' AND c.next_due_kind IN ('appeal_filing', 'external_review_request') AND c.next_due_at < now() AND ${IN_RANGE('c.next_due_at')}`;
const EXPIRED = `c.status = 'expired' AND ${IN_RANGE('c.closed_at')}`;

export const CLINIC_MISS_COUNTS_SQL = `SELECT (SELECT count(*) FROM cases c WHERE ${MISSED}) AS missed,
       (SELECT count(*) FROM cases c WHERE ${EXPIRED}) AS expired,
       (SELECT count(*) FROM cases c WHERE ${EXPIRED} AND c.units_used > 0) AS expired_partly_used`;

// Up to $4 misses of each kind, the most recent first.
export const CLINIC_MISS_ROWS_SQL = `(SELECT 'appeal_window_missed' AS kind, c.id, c.case_number, c.payer_id, c.next_due_at AS at FROM cases c WHERE ${MISSED} ORDER BY c.next_due_at DESC LIMIT $4)
       UNION ALL
       (SELECT 'approval_expired_unused', c.id, c.case_number, c.payer_id, c.closed_at FROM cases c WHERE ${EXPIRED} ORDER BY c.closed_at DESC LIMIT $4)
       ORDER BY 5 DESC, 3`;

export const PAYER_NAMES_SQL = `SELECT id, name FROM payers`;

// Conversions to self-pay in the range, by the payer of the case at the time and the reason; a
// step taken back (undone or reversed) no longer counts.
export const SELF_PAY_SQL = `SELECT s.payer_id, (SELECT name FROM payers WHERE id = s.payer_id) AS payer, s.reason,
       count(*) AS conversions, sum(s.amount_cents) AS estimated_cents
  FROM self_pay_conversions s
 WHERE ${IN_RANGE('s.converted_at')}
   AND NOT EXISTS (SELECT 1 FROM case_events r WHERE r.corrects_event_id = s.event_id AND r.type = 'reversal')
 GROUP BY s.payer_id, s.reason
 ORDER BY conversions DESC, payer, s.reason`;
// Cases, not decisions: a case whose first appeal was upheld and second overturned in the range
// is one appeal decided and one overturned, as the case list behind each row counts it
// (decisionStage=review, outcome=overturned). Grouped by the case's payer, which the list filters on.
export const OVERTURN_BY_PAYER_SQL = `SELECT c.payer_id::text AS key, py.name AS label,
              count(DISTINCT d.case_id) AS decided,
              count(DISTINCT d.case_id) FILTER (WHERE d.outcome <> 'denied') AS overturned
         FROM case_decisions d
         JOIN cases c ON c.id = d.case_id
         JOIN payers py ON py.id = c.payer_id
        WHERE d.stage <> 'initial' AND ${IN_RANGE('d.decided_at')}
        GROUP BY c.payer_id, py.name
        ORDER BY decided DESC, py.name`;

// By the reason code of the denial each review answered (see reviewedDenialCodeSql).
export const OVERTURN_BY_REASON_SQL = `SELECT r.code, count(DISTINCT r.case_id) AS decided,
              count(DISTINCT r.case_id) FILTER (WHERE r.outcome <> 'denied') AS overturned
         FROM (SELECT d.case_id, d.outcome, ${reviewedDenialCodeSql('d')} AS code
                 FROM case_decisions d
                WHERE d.stage <> 'initial' AND ${IN_RANGE('d.decided_at')}) r
        GROUP BY r.code
        ORDER BY decided DESC, r.code`;
