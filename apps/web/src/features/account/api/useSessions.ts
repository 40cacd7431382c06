import { unwrap, type Schemas } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { accountKeys } from './account-keys';

export type Session = Schemas['SessionDto'];

export function useSessions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/auth/sessions', { signal })),
    enabled: options.enabled,
  });
}
