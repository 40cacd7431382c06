import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

export function usePayers() {
  return useQuery({
    queryKey: referenceKeys.payers(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/payers', { signal })),
    staleTime: REFERENCE_STALE_TIME,
  });
}
