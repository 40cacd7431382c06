import type { paths } from '@preauth/api-client';

export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filters: CaseListQuery) => [...caseKeys.lists(), filters] as const,
  count: (filters: CaseListQuery) => [...caseKeys.lists(), 'count', filters] as const,
  /** The tags on any case (autocomplete): a tag added or removed anywhere changes it. */
  tags: () => [...caseKeys.all, 'tags'] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};
