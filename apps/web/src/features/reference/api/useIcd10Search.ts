import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

/** Codes of the ICD-10-CM release for the date of service (or today) that match what was typed. */
export function useIcd10Search(q: string, serviceDate: string | null) {
  return useQuery({
    queryKey: referenceKeys.icd10Search(q, serviceDate),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/codes/icd10', { params: { query: { q, date: serviceDate ?? undefined } }, signal })),
    staleTime: REFERENCE_STALE_TIME,
    placeholderData: keepPreviousData,
    // Nothing typed, nothing to ask; otherwise the client's default (tests switch fetching off).
    ...(q === '' ? { enabled: false } : {}),
  });
}
