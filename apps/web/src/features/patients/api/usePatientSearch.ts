import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { patientKeys } from './patient-keys';

export function usePatientSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: patientKeys.search(query),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/patients', { params: { query: { q: query, limit: 10 } }, signal })),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}
