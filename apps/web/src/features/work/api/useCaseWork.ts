import { unwrap } from '@preauth/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { workKeys } from './work-keys';

/** The case's owner and tasks. */
export function useCaseWork(caseId: string) {
  return useQuery({
    queryKey: workKeys.caseWork(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/work', { params: { path: { id: caseId } }, signal })),
  });
}

export const followUpsDueQuery = () =>
  queryOptions({
    queryKey: workKeys.followUps(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/follow-ups', { signal })),
  });

/** Open cases whose follow-up day has come. */
export function useFollowUpsDue(options: { refetchInterval?: number } = {}) {
  return useQuery({ ...followUpsDueQuery(), refetchInterval: options.refetchInterval });
}
