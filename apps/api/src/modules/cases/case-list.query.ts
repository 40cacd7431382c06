import type { ClockKind, PlanType } from '@preauth/domain';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type KeysetCursor } from '../../common/dto/pagination';
import { fieldError } from '../../common/validation';
import { LIST_ROW_TYPES, isoMillis } from '../../database/list-row-types';
import { poolQuery } from '../../database/prepared';
import { providerDisplayName } from '../providers/providers.service';
import { storedClockDto } from './case-mapping';
import type { ListCasesQuery } from './dto/case-input.dto';
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
} as const;

type SummaryColumn = keyof typeof SUMMARY_COLUMNS;

/** Each summary column's position in a row. */
const COL = Object.fromEntries(Object.keys(SUMMARY_COLUMNS).map((name, i) => [name, i])) as Record<
  SummaryColumn,
  number
>;

const CASE_SUMMARY_SELECT = `
  SELECT ${Object.entries(SUMMARY_COLUMNS)
    .map(([name, expr]) => `${expr} AS ${name}`)
    .join(', ')}
    FROM cases c
    JOIN patients pt ON pt.id = c.patient_id
    JOIN payers py ON py.id = c.payer_id
    JOIN providers pr ON pr.id = c.provider_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor's sort key (an instant) and id, checked before they reach SQL. */
function keyset(cursor: KeysetCursor): [string, string] {
  if (typeof cursor.k !== 'string' || Number.isNaN(Date.parse(cursor.k)) || !UUID.test(cursor.id)) {
    throw fieldError('cursor', 'is not a cursor this API returned');
  }
  return [cursor.k, cursor.id];
}

/**
 * The case list's SQL for a query, with every filter value a parameter: the text depends only on
 * which filters are used (and the limit), so each combination is one prepared statement
 * (database/prepared.ts). The benchmark runs it as its direct-SQL baseline: both issue one text.
 */
export function caseListQuery(query: ListCasesQuery): {
  sql: string;
  params: unknown[];
  limit: number;
  sortKey: 'next_due_at' | 'updated_at' | 'created_at';
  /** False for a name search: its plan depends on the searched text, so it is planned each time. */
  reusePlan: boolean;
} {
  const limit = query.limit ?? 25;
  const sort = query.sort ?? 'created_desc';
  const cursor = decodeCursor(query.cursor);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status?.length) where.push(`c.status = ANY(${param(query.status)}::text[])`);
  if (query.payerId) where.push(`c.payer_id = ${param(query.payerId)}`);
  if (query.providerId) where.push(`c.provider_id = ${param(query.providerId)}`);
  if (query.urgency) where.push(`c.urgency = ${param(query.urgency)}`);
  // 'me' is resolved to the user's id by the service; here an id or 'unassigned'.
  if (query.owner === 'unassigned') where.push('c.owner_id IS NULL');
  else if (query.owner) where.push(`c.owner_id = ${param(query.owner)}::uuid`);
  if (query.overdue !== undefined)
    where.push(query.overdue ? 'c.next_due_at < now()' : '(c.next_due_at IS NULL OR c.next_due_at >= now())');
  if (query.dueBefore) where.push(`c.next_due_at < ${param(query.dueBefore)}::timestamptz`);
  if (query.q) {
    const like = param(`%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(
      `(c.patient_id IN (SELECT p2.id FROM patients p2 WHERE lower(p2.first_name || ' ' || p2.last_name || ' ' || p2.mrn) LIKE ${like})
        OR lower(c.authorization_number) LIKE ${like} OR lower(c.case_number) LIKE ${like})`,
    );
  }
  const sortKey = sort === 'due_asc' ? 'next_due_at' : sort === 'updated_desc' ? 'updated_at' : 'created_at';
  if (sort === 'due_asc') {
    // Only cases with a running clock have a place in a deadline-ordered list.
    where.push('c.next_due_at IS NOT NULL');
    if (cursor) {
      const [k, id] = keyset(cursor);
      where.push(`(c.next_due_at, c.id) > (${param(k)}::timestamptz, ${param(id)}::uuid)`);
    }
  } else if (cursor) {
    const [k, id] = keyset(cursor);
    where.push(`(c.${sortKey}, c.id) < (${param(k)}::timestamptz, ${param(id)}::uuid)`);
  }
  const order = sort === 'due_asc' ? 'c.next_due_at ASC, c.id ASC' : `c.${sortKey} DESC, c.id DESC`;
  // The limit is written into the text (an integer from 1 to 100, checked by the DTO and here),
  // not passed as a parameter: with `LIMIT $n` PostgreSQL cannot cost the generic plan, so it
  // plans the statement again on every run (pg_prepared_statements showed 0 generic plans in
  // 212 runs, twice the database time of the statement with a constant limit).
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw fieldError('limit', 'must be an integer from 1 to 100');
  return {
    sql: `${CASE_SUMMARY_SELECT}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order}
      LIMIT ${limit + 1}`,
    params,
    limit,
    sortKey,
    // How many patients match the text decides between the trigram index and walking the list in
    // its order; a generic plan cannot know, so a search is planned for its own text each time.
    reusePlan: !query.q,
  };
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
  const { sql, params, limit, sortKey, reusePlan } = caseListQuery(query);
  const rows: unknown[][] = await poolQuery(dataSource, sql, params, {
    prepared: reusePlan,
    types: LIST_ROW_TYPES,
    rowMode: 'array',
  });
  const count = Math.min(rows.length, limit);
  const now = new Date();
  const items = new Array<CaseSummaryDto>(count);
  for (let i = 0; i < count; i++) items[i] = toSummary(rows[i], timeZone, now);
  const last = rows[count - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: last[COL[sortKey]] as string, id: last[COL.id] as string }) : null;
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
    owner: r[COL.owner_id] ? { id: r[COL.owner_id] as string, name: (r[COL.owner_name] as string | null) ?? '' } : null,
    authorizationNumber: (r[COL.authorization_number] as string | null) ?? null,
    appealLevel: Number(r[COL.appeal_level]),
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
