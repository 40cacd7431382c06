import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

export function useIcd10Codes() {
  return useQuery({
    queryKey: referenceKeys.icd10(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/codes/icd10', { signal })),
    staleTime: REFERENCE_STALE_TIME,
  });
}
