import { CLOCK_KINDS, CLOCK_OWNERS, type ClockKind } from './deadlines';

// What the case list can be filtered and ordered by, shared by the API (which validates and
// serves them) and the dashboard (which offers them and keeps them in the page's URL).

/** The dates a list can be limited to a range of (clinic-local calendar days, both ends included). */
export const CASE_DATE_FIELDS = ['submitted', 'decided', 'denied', 'due', 'created'] as const;
export type CaseDateField = (typeof CASE_DATE_FIELDS)[number];

export const CASE_DATE_LABELS: Record<CaseDateField, string> = {
  submitted: 'Submitted',
  decided: 'Payer decided',
  denied: 'Denied',
  due: 'Due',
  created: 'Created',
};

/**
 * The orders the list can be read in: each is a column with an index on (column, id), so a page
 * is a range read of that index whatever the depth (keyset pagination). Ordering by patient,
 * payer or state would need the joined tables' values in one index, so those columns do not sort.
 */
export const CASE_SORTS = [
  'updated_desc',
  'created_desc',
  'created_asc',
  'due_asc',
  'due_desc',
  'submitted_desc',
  'submitted_asc',
  'decided_desc',
  'decided_asc',
  'denied_desc',
  'denied_asc',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** A search orders by how well a case matches the text unless another order is asked for. */
export const CASE_SEARCH_SORT = 'relevance';

export interface CaseSortSpec {
  field: 'updated' | CaseDateField;
  direction: 'asc' | 'desc';
  /** Cases without this date (never submitted, no running clock …) have no place in the order. */
  needsValue: boolean;
}

export function caseSortSpec(sort: CaseSort): CaseSortSpec {
  const [field, direction] = sort.split('_') as [CaseSortSpec['field'], CaseSortSpec['direction']];
  return { field, direction, needsValue: field !== 'created' && field !== 'updated' };
}

export const CASE_SORT_LABELS: Record<CaseSort, string> = {
  updated_desc: 'Recently changed',
  created_desc: 'Newest first',
  created_asc: 'Oldest first',
  due_asc: 'Deadline, soonest first',
  due_desc: 'Deadline, latest first',
  submitted_desc: 'Submitted, newest first',
  submitted_asc: 'Submitted, oldest first',
  decided_desc: 'Decided, newest first',
  decided_asc: 'Decided, oldest first',
  denied_desc: 'Denied, newest first',
  denied_asc: 'Denied, oldest first',
};

/** Which payer decisions a decision filter matches: the first answer, or any review after a denial. */
export const DECISION_STAGE_FILTERS = ['initial', 'review'] as const;
export type DecisionStageFilter = (typeof DECISION_STAGE_FILTERS)[number];

/** A decision's outcome as a list filter; `overturned` is a review that did not uphold the denial. */
export const DECISION_OUTCOME_FILTERS = ['approved', 'partially_approved', 'denied', 'overturned'] as const;
export type DecisionOutcomeFilter = (typeof DECISION_OUTCOME_FILTERS)[number];

/** What a denial without a recorded reason code is counted and filtered under. */
export const UNKNOWN_DENIAL_CODE = 'unknown';

/** The clocks that run while the payer owes an answer (a request, an appeal, an external review). */
export const PAYER_CLOCK_KINDS: readonly ClockKind[] = CLOCK_KINDS.filter((kind) => CLOCK_OWNERS[kind] === 'payer');
