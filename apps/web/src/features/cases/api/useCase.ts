import { unwrap } from '@preauth/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases/{id}', { params: { path: { id } }, signal })),
  });

export function useCase(id: string) {
  return useQuery(caseQuery(id));
}
