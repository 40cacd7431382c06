import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { accountKeys } from './account-keys';

export function useSetSigningPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SigningPolicyDto']) =>
      unwrap(await api.PUT('/api/auth/policy/signing', { body })),
    onSuccess: (policy) => queryClient.setQueryData(accountKeys.policy(), policy),
  });
}
