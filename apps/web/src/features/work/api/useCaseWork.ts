import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
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
