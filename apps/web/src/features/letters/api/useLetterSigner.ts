import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { letterKeys } from './letter-keys';

/** Who would sign this case's letters and what signing asks for; fetched when the sign dialog opens. */
export function useLetterSigner(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: letterKeys.signer(caseId),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/letters/signer', { params: { path: { id: caseId } }, signal })),
  });
}
