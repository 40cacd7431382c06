import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

export function useCptCodes() {
  return useQuery({
    queryKey: referenceKeys.cpt(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/codes/cpt', { signal })),
    staleTime: REFERENCE_STALE_TIME,
  });
}
