import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { referenceKeys } from '../../reference/api/reference-keys';
import { settingsKeys } from './settings-keys';
import type { CreateProviderBody } from './types';

export function usePhysicianUsers() {
  return useQuery({
    queryKey: settingsKeys.physicianUsers(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/providers/physician-users', { signal })),
  });
}

function useInvalidateProviders() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: referenceKeys.providers() }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.physicianUsers() }),
    ]);
}

export function useSaveProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: CreateProviderBody }) =>
      unwrap(
        id
          ? await api.PATCH('/api/providers/{id}', { params: { path: { id } }, body })
          : await api.POST('/api/providers', { body }),
      ),
    onSuccess: invalidate,
  });
}
