import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases/{id}', { params: { path: { id } }, signal })),
  });
}
