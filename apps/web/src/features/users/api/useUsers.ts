import { unwrap, type Schemas } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { userKeys } from './user-keys';

export type User = Schemas['UserDto'];

export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/users', { signal })),
  });
}
