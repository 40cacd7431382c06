import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { fhirKeys } from './fhir-keys';

/** Claim/$submit through the API; resolves with the case and the exchanges the answer left. */
export function useSendElectronically(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      const detail = unwrap(
        await api.POST('/api/cases/{id}/fhir/submit', {
          params: { path: { id: caseId }, header: { 'If-Match': String(version) } },
        }),
      );
      const exchanges = unwrap(await api.GET('/api/cases/{id}/fhir/exchanges', { params: { path: { id: caseId } } }));
      return { detail, exchanges };
    },
    onSuccess: ({ detail, exchanges }) => {
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      queryClient.setQueryData(fhirKeys.exchanges(caseId), exchanges);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
    // A failed attempt is kept on the case too.
    onError: () => queryClient.invalidateQueries({ queryKey: fhirKeys.exchanges(caseId) }),
  });
}
