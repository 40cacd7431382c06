import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys, type CaseListQuery } from './case-keys';

// How many cases a list's filters match (what a report figure links to is checked against this).
export function useCaseCount(filters: CaseListQuery) {
  const { cursor: _cursor, limit: _limit, ...query } = filters;
  return useQuery({
    queryKey: caseKeys.count(query),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases/count', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}
