import { unwrap, type Schemas } from '@preauth/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from './auth-keys';

export type Me = Schemas['MeDto'];

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: async () => unwrap(await api.GET('/api/auth/me')),
    staleTime: 5 * 60_000,
    // RequireAuth turns a 401 here into a redirect itself.
    meta: { unauthorizedIsExpected: true },
  });

export function useMe() {
  return useQuery(meQuery());
}
