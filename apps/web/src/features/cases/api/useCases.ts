import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys, type CaseListQuery } from './case-keys';

// One page of cases (the worklist and the board read the first, most urgent page).
export function useCases(filters: CaseListQuery, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases', { params: { query: filters }, signal })),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
}
