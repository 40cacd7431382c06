import { unwrap, type Schemas } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from './auth-keys';

export type Me = Schemas['MeDto'];

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async () => unwrap(await api.GET('/api/auth/me')),
    staleTime: 5 * 60_000,
    // RequireAuth turns a 401 here into a redirect itself.
    meta: { unauthorizedIsExpected: true },
  });
}
