import { unwrap } from '@preauth/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys, type CaseListQuery } from './case-keys';

export const caseCountQuery = (filters: CaseListQuery) => {
  const { cursor: _cursor, limit: _limit, ...query } = filters;
  return queryOptions({
    queryKey: caseKeys.count(query),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases/count', { params: { query }, signal })),
  });
};

// How many cases a list's filters match (what a report figure links to is checked against this).
export function useCaseCount(filters: CaseListQuery) {
  return useQuery({ ...caseCountQuery(filters), placeholderData: keepPreviousData });
}
