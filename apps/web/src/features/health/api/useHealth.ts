import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export const healthKeys = {
  all: ['health'] as const,
};

export function useHealth() {
  return useQuery({
    queryKey: healthKeys.all,
    queryFn: async () => unwrap(await api.GET('/api/health')),
    refetchInterval: 30_000,
  });
}
