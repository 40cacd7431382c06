import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

export function useProviders() {
  return useQuery({
    queryKey: referenceKeys.providers(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/providers', { signal })),
    staleTime: REFERENCE_STALE_TIME,
  });
}
