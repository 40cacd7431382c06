import {
  CASE_SEARCH_SORT,
  caseSortSpec,
  caseTagKey,
  type CaseDateField,
  type CaseSortSpec,
  type ClockKind,
  type PlanType,
  UNKNOWN_DENIAL_CODE,
} from '@preauth/domain';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type KeysetCursor } from '../../common/dto/pagination';
import { fieldError } from '../../common/validation';
import { LIST_ROW_TYPES, isoMillis } from '../../database/list-row-types';
import { poolQuery } from '../../database/prepared';
import { providerDisplayName } from '../providers/providers.service';
import { storedClockDto } from './case-mapping';
import type { ListCasesQuery, ListSort } from './dto/case-input.dto';
import { reviewedDenialCodeSql } from './reviewed-denial.sql';
import type { CasePageDto, CaseSummaryDto } from './dto/case-output.dto';

/**
 * The columns of a case summary, by the name toSummary reads them under, in SELECT order. The list
 * is read with pg's `rowMode: 'array'` and each value taken by its position (COL): pg then fills an
 * array per row instead of an object of 26 named properties. In a loop of the worklist query that
 * is about a fifth less client CPU a page; through the API (`npm run bench`, three alternating
 * pairs), a list request's API CPU over its database CPU fell 5-8% in all nine comparisons.
 */
const SUMMARY_COLUMNS = {
  id: 'c.id',
  case_number: 'c.case_number',
  status: 'c.status',
  urgency: 'c.urgency',
  authorization_number: 'c.authorization_number',
  appeal_level: 'c.appeal_level',
  procedure_scheduled_on: "to_char(c.procedure_scheduled_on, 'YYYY-MM-DD')",
  units_used: 'c.units_used',
  next_due_at: 'c.next_due_at',
  next_due_kind: 'c.next_due_kind',
  version: 'c.version',
  created_at: 'c.created_at',
  updated_at: 'c.updated_at',
  patient_id: 'pt.id',
  patient_first_name: 'pt.first_name',
  patient_last_name: 'pt.last_name',
  patient_mrn: 'pt.mrn',
  patient_dob: "to_char(pt.date_of_birth, 'YYYY-MM-DD')",
  patient_member_id: 'pt.member_id',
  payer_id: 'py.id',
  payer_name: 'py.name',
  payer_plan_type: 'py.plan_type',
  provider_id: 'pr.id',
  provider_first_name: 'pr.first_name',
  provider_last_name: 'pr.last_name',
  provider_credentials: 'pr.credentials',
  provider_npi: 'pr.npi',
  owner_id: 'c.owner_id',
  owner_name: '(SELECT ow.display_name FROM users ow WHERE ow.id = c.owner_id)',
  cpt_codes: 'ARRAY(SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id ORDER BY l.position)',
  // A read of case_tags_pkey's (case_id, tag_key) range per row shown.
  tags: 'ARRAY(SELECT t.tag FROM case_tags t WHERE t.case_id = c.id ORDER BY t.tag_key)',
  // The column chooser's extras: all on the case's own row, so the plan and its reads stay the same.
  denied_at: 'c.denied_at',
  denial_code: 'c.denial_code',
  valid_from: "to_char(c.valid_from, 'YYYY-MM-DD')",
  valid_to: "to_char(c.valid_to, 'YYYY-MM-DD')",
} as const;

type SummaryColumn = keyof typeof SUMMARY_COLUMNS;

/** Each summary column's position in a row. */
const COL = Object.fromEntries(Object.keys(SUMMARY_COLUMNS).map((name, i) => [name, i])) as Record<
  SummaryColumn,
  number
>;

const SUMMARY_SELECT_LIST = Object.entries(SUMMARY_COLUMNS)
  .map(([name, expr]) => `${expr} AS ${name}`)
  .join(', ');

/** After the summary columns, each row carries its value of the order's column: the next cursor's key. */
const SORT_KEY_POSITION = Object.keys(SUMMARY_COLUMNS).length;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column each keyset order reads, each with an index on (column, id) (see migrations). */
const SORT_COLUMNS: Record<CaseSortSpec['field'], string> = {
  updated: 'updated_at',
  created: 'created_at',
  due: 'next_due_at',
  submitted: 'first_submitted_at',
  decided: 'decided_at',
  denied: 'denied_at',
};

/** The date a day-range filter reads (`decided` reads the payer decisions instead). */
const RANGE_COLUMNS: Record<Exclude<CaseDateField, 'decided'>, string> = {
  created: 'c.created_at',
  submitted: 'c.first_submitted_at',
  denied: 'c.denied_at',
  due: 'c.next_due_at',
};

/** A patient's name as patients_search_trgm_idx indexes it, for word similarity (pg_trgm). */
export const PATIENT_NAME_TEXT = `lower(p.first_name || ' ' || p.last_name)`;

/**
 * How many of the best-matching patients a search looks at. A KNN read of the GiST index stops
 * there, so a common surname costs about the same as a rare one; a clinic looking for one patient
 * finds them on the first page.
 */
export const SEARCH_PATIENTS = 50;

/** A cursor's sort key (an instant) and id, checked before they reach SQL. */
function keyset(cursor: KeysetCursor): [string, string] {
  if (typeof cursor.k !== 'string' || Number.isNaN(Date.parse(cursor.k)) || !UUID.test(cursor.id)) {
    throw fieldError('cursor', 'is not a cursor this API returned');
  }
  return [cursor.k, cursor.id];
}

/** A ranked search pages by position (the ranking has no index to range over; it is at most a few hundred rows). */
function offsetOf(cursor: KeysetCursor): number {
  if (cursor.id !== 'rank' || typeof cursor.k !== 'number' || !Number.isInteger(cursor.k) || cursor.k < 0) {
    throw fieldError('cursor', 'is not a cursor this API returned');
  }
  return cursor.k;
}

/** How far the case list counts its matches. */
export const COUNT_CAP = 10_000;

export interface CaseListSql {
  sql: string;
  params: unknown[];
  /** How many cases the filters match (the page and its cursor aside), counted up to COUNT_CAP + 1. */
  countSql: string;
  countParams: unknown[];
  limit: number;
  /** The row position of the column the next cursor is made of, or 'rank' for a ranked search. */
  next: number | { offset: number };
}

/**
 * The case list's SQL for a query, with every filter value a parameter: the text depends only on
 * which filters are used (and the limit), so each combination is one prepared statement
 * (database/prepared.ts). The benchmark runs it as its direct-SQL baseline: both issue one text.
 * Day ranges are clinic-local calendar days, bounded as the reports bound them, so a report's
 * figure and the list it links to count the same rows.
 */
export function caseListQuery(query: ListCasesQuery, timeZone: string): CaseListSql {
  const limit = query.limit ?? 25;
  const sort: ListSort = query.sort ?? (query.q ? CASE_SEARCH_SORT : 'created_desc');
  const cursor = decodeCursor(query.cursor);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let tz: string | undefined;
  const dayRange = (column: string, from: string | undefined, to: string | undefined) => {
    const bounds: string[] = [];
    if (!from && !to) return bounds;
    tz ??= param(timeZone);
    if (from) bounds.push(`${column} >= (${param(from)}::date::timestamp AT TIME ZONE ${tz})`);
    if (to) bounds.push(`${column} < ((${param(to)}::date + 1)::timestamp AT TIME ZONE ${tz})`);
    return bounds;
  };
  if (query.status?.length) where.push(`c.status = ANY(${param(query.status)}::text[])`);
  if (query.payerId) where.push(`c.payer_id = ${param(query.payerId)}`);
  if (query.providerId) where.push(`c.provider_id = ${param(query.providerId)}`);
  if (query.urgency) where.push(`c.urgency = ${param(query.urgency)}`);
  if (query.planType) where.push(`py.plan_type = ${param(query.planType)}`);
  if (query.clockKind?.length) where.push(`c.next_due_kind = ANY(${param(query.clockKind)}::text[])`);
  if (query.cpt)
    where.push(
      `EXISTS (SELECT 1 FROM case_procedure_lines l WHERE l.case_id = c.id AND l.cpt_code = ${param(query.cpt.toUpperCase())})`,
    );
  if (query.tag)
    where.push(
      `EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = c.id AND t.tag_key = ${param(caseTagKey(query.tag))})`,
    );
  // 'me' is resolved to the user's id by the service; here an id or 'unassigned'.
  if (query.owner === 'unassigned') where.push('c.owner_id IS NULL');
  else if (query.owner) where.push(`c.owner_id = ${param(query.owner)}::uuid`);
  if (query.overdue !== undefined)
    where.push(query.overdue ? 'c.next_due_at < now()' : '(c.next_due_at IS NULL OR c.next_due_at >= now())');
  if (query.dueBefore) where.push(`c.next_due_at < ${param(query.dueBefore)}::timestamptz`);
  for (const [field, column] of Object.entries(RANGE_COLUMNS) as [keyof typeof RANGE_COLUMNS, string][]) {
    where.push(...dayRange(column, query[`${field}From`], query[`${field}To`]));
  }
  const decision = decisionConditions(query, dayRange, param);
  if (decision.length)
    where.push(`EXISTS (SELECT 1 FROM case_decisions d WHERE d.case_id = c.id AND ${decision.join(' AND ')})`);

  let from = 'FROM cases c';
  if (query.q) {
    const text = param(query.q.toLowerCase());
    const q = `${text}::text`;
    // The text reaches the name search through a subquery, which the planner cannot see into:
    // it then always plans the nearest-first read of the index, which stops after the best
    // matches. Planned for the value itself, it took a bitmap read of every row past the
    // threshold for a text it thought rare (58 ms for "bulk-7950", 0.3 ms the nearest-first way),
    // and the plan no longer depends on the text, so the statement is prepared once.
    const byName = `(SELECT ${q})`;
    // A text with a digit is an identifier (MRN, member id, case or authorization number): names
    // have none, and a name search for digits only finds near misses.
    const names = /\d/.test(query.q)
      ? ''
      : `SELECT c2.id, h.dist
          FROM (SELECT p.id, ${byName} <<-> ${PATIENT_NAME_TEXT} AS dist FROM patients p
                 WHERE ${byName} <% ${PATIENT_NAME_TEXT}
                 ORDER BY ${byName} <<-> ${PATIENT_NAME_TEXT} LIMIT ${SEARCH_PATIENTS}) h
          JOIN cases c2 ON c2.patient_id = h.id
        UNION ALL`;
    // The best-matching patients by name (a KNN read of the trigram GiST index, cut off below
    // pg_trgm.word_similarity_threshold), the patient whose MRN or member id, or the case whose
    // case or authorization number, is the text typed whole; each case ranked by its best match.
    from = `FROM (SELECT m.id, min(m.dist) AS dist FROM (
        ${names}
        SELECT c2.id, 0::float8 AS dist FROM patients p JOIN cases c2 ON c2.patient_id = p.id
         WHERE upper(p.mrn) = upper(${q}) OR upper(p.member_id) = upper(${q})
        UNION ALL
        SELECT c3.id, 0::float8 FROM cases c3 WHERE c3.case_number = upper(${q}) OR c3.authorization_number = upper(${q})
      ) m GROUP BY m.id) s
      JOIN cases c ON c.id = s.id`;
  }

  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw fieldError('limit', 'must be an integer from 1 to 100');
  let order: string;
  let next: CaseListSql['next'];
  let tail = '';
  let sortKey = 'NULL';
  let countWhere = where;
  let countParamsBeforeCursor = 0;
  if (sort === CASE_SEARCH_SORT) {
    if (!query.q) throw fieldError('sort', 'relevance needs a search text (q)');
    const offset = cursor ? offsetOf(cursor) : 0;
    order = 's.dist, c.created_at DESC, c.id DESC';
    next = { offset: offset + limit };
    tail = offset ? ` OFFSET ${offset}` : '';
  } else {
    const spec = caseSortSpec(sort);
    const column = `c.${SORT_COLUMNS[spec.field]}`;
    const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
    if (spec.needsValue) where.push(`${column} IS NOT NULL`);
    countWhere = [...where];
    countParamsBeforeCursor = params.length;
    if (cursor) {
      const [k, id] = keyset(cursor);
      where.push(`(${column}, c.id) ${dir === 'ASC' ? '>' : '<'} (${param(k)}::timestamptz, ${param(id)}::uuid)`);
    }
    order = `${column} ${dir}, c.id ${dir}`;
    next = SORT_KEY_POSITION;
    sortKey = column;
  }
  // The limit is written into the text (an integer from 1 to 100, checked by the DTO and here),
  // not passed as a parameter: with `LIMIT $n` PostgreSQL cannot cost the generic plan, so it
  // plans the statement again on every run (pg_prepared_statements showed 0 generic plans in
  // 212 runs, twice the database time of the statement with a constant limit).
  const countParams = countWhere === where ? params.length : countParamsBeforeCursor;
  return {
    sql: `SELECT ${SUMMARY_SELECT_LIST}, ${sortKey} AS sort_key
      ${from}
      JOIN patients pt ON pt.id = c.patient_id
      JOIN payers py ON py.id = c.payer_id
      JOIN providers pr ON pr.id = c.provider_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order}
      LIMIT ${limit + 1}${tail}`,
    // Up to COUNT_CAP + 1 rows are counted: a figure past that is shown as "more than".
    countSql: `SELECT count(*)::int AS n FROM (SELECT 1 ${from}
      JOIN payers py ON py.id = c.payer_id
      ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}
      LIMIT ${COUNT_CAP + 1}) x`,
    countParams: params.slice(0, countParams),
    params,
    limit,
    next,
  };
}

type DayRange = (column: string, from: string | undefined, to: string | undefined) => string[];

/** What one payer decision of the case must be, for the decision filters given. */
function decisionConditions(query: ListCasesQuery, dayRange: DayRange, param: (value: unknown) => string): string[] {
  const conditions = dayRange('d.decided_at', query.decidedFrom, query.decidedTo);
  if (query.decisionStage === 'initial') conditions.push(`d.stage = 'initial'`);
  if (query.decisionStage === 'review') conditions.push(`d.stage <> 'initial'`);
  if (query.outcome === 'overturned') conditions.push(`d.stage <> 'initial'`, `d.outcome <> 'denied'`);
  else if (query.outcome) conditions.push(`d.outcome = ${param(query.outcome)}`);
  if (query.denialCode === UNKNOWN_DENIAL_CODE) conditions.push(`d.outcome = 'denied'`, 'd.denial_code IS NULL');
  else if (query.denialCode) conditions.push(`d.denial_code = ${param(query.denialCode.toUpperCase())}`);
  if (query.decidedLate !== undefined)
    conditions.push(query.decidedLate ? 'd.decided_at > d.due_at' : 'NOT (d.decided_at > d.due_at)');
  if (query.reviewedDenialCode)
    conditions.push(
      `d.stage <> 'initial'`,
      `${reviewedDenialCodeSql('d')} = ${param(query.reviewedDenialCode === UNKNOWN_DENIAL_CODE ? UNKNOWN_DENIAL_CODE : query.reviewedDenialCode.toUpperCase())}`,
    );
  return conditions;
}

/** How many cases a list's filters match, up to COUNT_CAP (capped says there are more). */
export async function countCases(
  dataSource: DataSource,
  query: ListCasesQuery,
  timeZone: string,
): Promise<{ count: number; capped: boolean }> {
  const { countSql, countParams } = caseListQuery(query, timeZone);
  const [row] = await poolQuery<{ n: number }>(dataSource, countSql, countParams, { prepared: true });
  return { count: Math.min(row.n, COUNT_CAP), capped: row.n > COUNT_CAP };
}

/**
 * One page of the list, mapped. Kept apart from the audit write that follows it so that the raw
 * rows are garbage before the request waits for its audit row: under load, 16 requests' rows
 * would otherwise survive every young-generation collection meanwhile (garbage collection is a
 * tenth of a list request's CPU).
 */
export async function readCasePage(
  dataSource: DataSource,
  query: ListCasesQuery,
  timeZone: string,
): Promise<CasePageDto> {
  const { sql, params, limit, next } = caseListQuery(query, timeZone);
  const rows: unknown[][] = await poolQuery(dataSource, sql, params, {
    prepared: true,
    types: LIST_ROW_TYPES,
    rowMode: 'array',
  });
  const count = Math.min(rows.length, limit);
  const now = new Date();
  const items = new Array<CaseSummaryDto>(count);
  for (let i = 0; i < count; i++) items[i] = toSummary(rows[i], timeZone, now);
  const last = rows[count - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(
          typeof next === 'number'
            ? { k: last[next] as string, id: last[COL.id] as string }
            : { k: next.offset, id: 'rank' },
        )
      : null;
  return { items, nextCursor };
}

function toSummary(r: unknown[], timeZone: string, now: Date): CaseSummaryDto {
  return {
    id: r[COL.id] as string,
    caseNumber: r[COL.case_number] as string,
    status: r[COL.status] as CaseSummaryDto['status'],
    urgency: r[COL.urgency] as CaseSummaryDto['urgency'],
    patient: {
      id: r[COL.patient_id] as string,
      name: `${r[COL.patient_first_name] as string} ${r[COL.patient_last_name] as string}`,
      mrn: r[COL.patient_mrn] as string,
      dateOfBirth: r[COL.patient_dob] as string,
      memberId: (r[COL.patient_member_id] as string | null) ?? null,
    },
    payer: {
      id: r[COL.payer_id] as string,
      name: r[COL.payer_name] as string,
      planType: r[COL.payer_plan_type] as PlanType,
    },
    provider: {
      id: r[COL.provider_id] as string,
      name: providerDisplayName({
        firstName: r[COL.provider_first_name] as string,
        lastName: r[COL.provider_last_name] as string,
        credentials: r[COL.provider_credentials] as string | null,
      }),
      npi: r[COL.provider_npi] as string,
    },
    cptCodes: r[COL.cpt_codes] as string[],
    tags: r[COL.tags] as string[],
    owner: r[COL.owner_id] ? { id: r[COL.owner_id] as string, name: (r[COL.owner_name] as string | null) ?? '' } : null,
    authorizationNumber: (r[COL.authorization_number] as string | null) ?? null,
    deniedAt: r[COL.denied_at] ? isoMillis(r[COL.denied_at] as string) : null,
    denialCode: (r[COL.denial_code] as string | null) ?? null,
    validFrom: (r[COL.valid_from] as string | null) ?? null,
    validTo: (r[COL.valid_to] as string | null) ?? null,
    appealLevel: Number(r[COL.appeal_level]),
    procedureScheduledOn: (r[COL.procedure_scheduled_on] as string | null) ?? null,
    unitsUsed: Number(r[COL.units_used]),
    currentClock: storedClockDto(
      r[COL.next_due_kind] as ClockKind | null,
      r[COL.next_due_at] ? new Date(r[COL.next_due_at] as string) : null,
      timeZone,
      now,
    ),
    version: Number(r[COL.version]),
    createdAt: isoMillis(r[COL.created_at] as string),
    updatedAt: isoMillis(r[COL.updated_at] as string),
  };
}
