import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { workKeys } from './work-keys';

export function useStaff() {
  return useQuery({
    queryKey: workKeys.staff(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/staff', { signal })),
    staleTime: 5 * 60_000,
  });
}
