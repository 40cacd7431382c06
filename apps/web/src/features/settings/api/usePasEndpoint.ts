import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { fhirKeys } from '../../fhir/api/fhir-keys';
import { settingsKeys } from './settings-keys';
import type { PutPasEndpointBody } from './types';

export function usePasEndpoint(payerId: string) {
  return useQuery({
    queryKey: settingsKeys.pasEndpoint(payerId),
    queryFn: async () => unwrap(await api.GET('/api/payers/{id}/pas-endpoint', { params: { path: { id: payerId } } })),
  });
}

export function useSavePasEndpoint(payerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PutPasEndpointBody) =>
      unwrap(await api.PUT('/api/payers/{id}/pas-endpoint', { params: { path: { id: payerId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: settingsKeys.pasEndpoint(payerId) });
      // Whether a case can be sent electronically follows the endpoint.
      await queryClient.invalidateQueries({ queryKey: fhirKeys.all });
    },
  });
}
