import { unwrap } from '@preauth/api-client';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { settingsKeys, type AuditQuery } from './settings-keys';

export function useAuditEvents(filters: Omit<AuditQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: settingsKeys.audit(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/audit', { params: { query: { ...filters, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Every read of the trail is itself traced: do not read it again behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useAuditUsers() {
  return useQuery({
    queryKey: settingsKeys.auditUsers(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/audit/users', { signal })),
  });
}

export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/audit/verify')),
  });
}
