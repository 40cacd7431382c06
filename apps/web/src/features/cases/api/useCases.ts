import { unwrap } from '@preauth/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys, type CaseListQuery } from './case-keys';

export const casesQuery = (filters: CaseListQuery) =>
  queryOptions({
    queryKey: caseKeys.list(filters),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases', { params: { query: filters }, signal })),
  });

// One page of cases (the worklist and the board read the first, most urgent page).
export function useCases(
  filters: CaseListQuery,
  // keepPrevious: a list whose filters change under the user's hands keeps its rows until the new ones come.
  options: { enabled?: boolean; refetchInterval?: number; keepPrevious?: boolean } = {},
) {
  return useQuery({
    ...casesQuery(filters),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
