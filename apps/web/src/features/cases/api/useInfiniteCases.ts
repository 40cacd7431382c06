import { unwrap } from '@preauth/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys, type CaseListQuery } from './case-keys';

export function useInfiniteCases(filters: Omit<CaseListQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.infinite(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/cases', { params: { query: { ...filters, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
