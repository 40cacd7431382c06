import { CASE_DATE_FIELDS } from './case-list';

// A user's saved views: a name for one list's filters (its URL query), which can be pinned in the
// navigation. The API checks a view with these rules; the dashboard builds views that pass them.

/** The lists a view can be saved from, by their path in the dashboard. */
export const SAVED_VIEW_PATHS = ['/cases', '/worklist', '/my-cases', '/board'] as const;
export type SavedViewPath = (typeof SAVED_VIEW_PATHS)[number];

/**
 * The query parameters a view keeps: a list's filters and order. The page (`cursor`, `page`) is
 * not part of a view: the cases on page 3 today are not the ones there tomorrow.
 */
export const SAVED_VIEW_PARAMS: readonly string[] = [
  'q',
  'status',
  'payerId',
  'providerId',
  'owner',
  'urgency',
  'planType',
  'cpt',
  'denialCode',
  'clockKind',
  'decisionStage',
  'outcome',
  'decidedLate',
  'overdue',
  'tag',
  'sort',
  ...CASE_DATE_FIELDS.flatMap((field) => [`${field}From`, `${field}To`]),
];

export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_QUERY_MAX = 2000;
/** Enough for every list a person works from; a nav of more is no longer a shortcut. */
export const SAVED_VIEWS_PER_USER = 50;

/** Why a view's query cannot be kept, or null: a URL query (no `?`) of known parameters, each once. */
export function savedViewQueryProblem(query: string): string | null {
  if (query.length > SAVED_VIEW_QUERY_MAX) return `is longer than ${SAVED_VIEW_QUERY_MAX} characters`;
  if (query.startsWith('?')) return 'is a query string without its leading "?"';
  const seen = new Set<string>();
  for (const [name] of new URLSearchParams(query)) {
    if (!SAVED_VIEW_PARAMS.includes(name)) return `has a parameter a view does not keep: ${name.slice(0, 40)}`;
    if (seen.has(name)) return `has ${name} twice`;
    seen.add(name);
  }
  return null;
}

/** The query a view keeps from a list's URL query: its filters and order, not its page. */
export function savedViewQueryOf(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [name, value] of params) if (SAVED_VIEW_PARAMS.includes(name) && !kept.has(name)) kept.set(name, value);
  return kept.toString();
}
