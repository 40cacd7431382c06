import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { letterKeys } from './letter-keys';

// By kind, newest version first.
export function useLetters(caseId: string) {
  return useQuery({
    queryKey: letterKeys.list(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/letters', { params: { path: { id: caseId } }, signal })),
  });
}
