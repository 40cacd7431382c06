import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { useAfterPageData } from '../../../app/after-page-data';
import { api } from '../../../app/api';

export const healthKeys = {
  all: ['health'] as const,
};

/**
 * `afterPageData`: the signed-in header's badge, asked for after the page's own data
 * (app/after-page-data.ts); the sign-in page has no other data and asks at once.
 */
export function useHealth({ afterPageData = false }: { afterPageData?: boolean } = {}) {
  return useQuery({
    ...useAfterPageData(afterPageData),
    queryKey: healthKeys.all,
    queryFn: async () => unwrap(await api.GET('/api/health')),
    refetchInterval: 30_000,
  });
}
