import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from './auth-keys';

export type LoginInput = Schemas['LoginDto'];

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginInput) => unwrap(await api.POST('/api/auth/login', { body })),
    // Wrong credentials answer 401: that is a form error, not an expired session.
    meta: { unauthorizedIsExpected: true },
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
