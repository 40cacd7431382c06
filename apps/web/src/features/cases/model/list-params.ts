import {
  CASE_DATE_FIELDS,
  CASE_SEARCH_SORT,
  CASE_SORTS,
  CASE_STATUSES,
  caseTagProblem,
  CLOCK_KINDS,
  DECISION_OUTCOME_FILTERS,
  DECISION_STAGE_FILTERS,
  PLAN_TYPES,
  normalizeCaseTag,
  URGENCIES,
  type CaseDateField,
  type CaseOptionalColumn,
  type CaseSort,
  type CaseStatus,
  type ClockKind,
  type DecisionOutcomeFilter,
  type DecisionStageFilter,
  type PlanType,
  type Urgency,
} from '@preauth/domain';

type DayRangeKeys = `${CaseDateField}${'From' | 'To'}`;

/**
 * A list's view as its URL holds it: the filters, the order and the page (a keyset cursor), so
 * Back, reload and a pasted link show the same cases. Names and values are the API's own.
 */
export type CaseListParams = {
  q?: string;
  status?: CaseStatus[];
  payerId?: string;
  providerId?: string;
  /** Whose cases: 'me', 'unassigned' or a user's id (the worklist's Mine and Unassigned). */
  owner?: string;
  urgency?: Urgency;
  planType?: PlanType;
  cpt?: string;
  denialCode?: string;
  /** A review of a denial that carried this reason code (the overturn report's rows). */
  reviewedDenialCode?: string;
  clockKind?: ClockKind[];
  decisionStage?: DecisionStageFilter;
  outcome?: DecisionOutcomeFilter;
  decidedLate?: boolean;
  overdue?: boolean;
  /** Cases with this tag (whatever its letter case). */
  tag?: string;
  sort?: CaseSort | typeof CASE_SEARCH_SORT;
  cursor?: string;
  /** Which page the cursor is (1 without one): only shown, the cursor alone decides the rows. */
  page?: number;
} & Partial<Record<DayRangeKeys, string>>;

export const DAY_RANGE_KEYS: readonly DayRangeKeys[] = CASE_DATE_FIELDS.flatMap((field) => [
  `${field}From` as const,
  `${field}To` as const,
]);

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): T | undefined =>
    (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const listOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): T[] | undefined => {
    const items = value.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
    return items.length ? items : undefined;
  };
const text = (max: number) => (value: string) => (value.trim() && value.length <= max ? value : undefined);
const flag = (value: string) => (value === 'true' ? true : value === 'false' ? false : undefined);
const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const uuid = (value: string) => (/^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

// How each parameter is read back from the URL; a value a hand-edited link garbled is dropped
// rather than sent to the API to be refused.
const READERS: { [K in keyof CaseListParams]-?: (value: string) => CaseListParams[K] } = {
  q: text(100),
  status: listOf(CASE_STATUSES),
  payerId: uuid,
  providerId: uuid,
  owner: (value) => (value === 'me' || value === 'unassigned' ? value : uuid(value)),
  urgency: oneOf(URGENCIES),
  planType: oneOf(PLAN_TYPES),
  cpt: (value) => (/^\d{4}[0-9A-Z]$/i.test(value) ? value.toUpperCase() : undefined),
  denialCode: text(10),
  reviewedDenialCode: text(10),
  clockKind: listOf(CLOCK_KINDS),
  decisionStage: oneOf(DECISION_STAGE_FILTERS),
  outcome: oneOf(DECISION_OUTCOME_FILTERS),
  decidedLate: flag,
  overdue: flag,
  tag: (value) => (caseTagProblem(value) ? undefined : normalizeCaseTag(value)),
  sort: oneOf([...CASE_SORTS, CASE_SEARCH_SORT]),
  cursor: text(500),
  page: (value) => (/^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined),
  ...(Object.fromEntries(DAY_RANGE_KEYS.map((key) => [key, day])) as Record<DayRangeKeys, typeof day>),
};

export function readListParams(search: URLSearchParams): CaseListParams {
  const params: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(READERS) as [keyof CaseListParams, (value: string) => unknown][]) {
    const raw = search.get(key);
    if (raw === null) continue;
    const value = read(raw);
    if (value !== undefined) params[key] = value;
  }
  return params;
}

/** The URL's query for a view, its parameters in a stable order so equal views have equal links. */
export function writeListParams(params: CaseListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(READERS) as (keyof CaseListParams)[]) {
    const value = params[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search;
}

/** A link to the case list showing these cases (the reports' figures link through this). */
export function caseListHref(params: CaseListParams): string {
  const query = writeListParams(params).toString();
  return query ? `/cases?${query}` : '/cases';
}

/**
 * The CSV of the view, with the optional columns the table shows (all of the view's cases): a
 * same-origin GET, so a plain download link sends the session cookie.
 */
export function caseExportHref(params: CaseListParams, columns?: readonly CaseOptionalColumn[]): string {
  const { cursor: _cursor, page: _page, ...filters } = params;
  const query = writeListParams(filters);
  if (columns) query.set('columns', columns.join(','));
  const text = query.toString();
  return `/api/cases/export${text ? `?${text}` : ''}`;
}

/** The API query for a view: what the URL holds but the page number. */
export function toApiQuery(params: CaseListParams): Omit<CaseListParams, 'page'> {
  const { page: _page, ...query } = params;
  return query;
}

const CASE_LIST_PAGE_SIZE = 25;
export const CASE_LIST_DEFAULT_SORT = 'updated_desc';

/** The case list's API query: a search ranks by match unless an order is chosen; otherwise the most recently changed first. */
export function caseListQuery(params: CaseListParams) {
  return {
    ...toApiQuery(params),
    sort: params.sort ?? (params.q ? undefined : CASE_LIST_DEFAULT_SORT),
    limit: CASE_LIST_PAGE_SIZE,
  };
}

/**
 * The filters a view that chooses its own states and order (worklist, board, my cases) takes from
 * its URL: who and what, not when or in which order.
 */
export function sharedFilters(
  params: CaseListParams,
): Pick<CaseListParams, 'payerId' | 'providerId' | 'owner' | 'urgency' | 'planType' | 'cpt' | 'denialCode' | 'tag'> {
  const { payerId, providerId, owner, urgency, planType, cpt, denialCode, tag } = params;
  return { payerId, providerId, owner, urgency, planType, cpt, denialCode, tag };
}
