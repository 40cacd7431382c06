import { unwrap, type Schemas } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { accountKeys } from './account-keys';

export type AuthPolicy = Schemas['AuthPolicyViewDto'];

export function useAuthPolicy() {
  return useQuery({
    queryKey: accountKeys.policy(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/auth/policy', { signal })),
  });
}
