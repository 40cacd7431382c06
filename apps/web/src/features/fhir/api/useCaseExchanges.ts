import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { fhirKeys } from './fhir-keys';

export function useCaseExchanges(caseId: string) {
  return useQuery({
    queryKey: fhirKeys.exchanges(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/fhir/exchanges', { params: { path: { id: caseId } }, signal })),
  });
}
