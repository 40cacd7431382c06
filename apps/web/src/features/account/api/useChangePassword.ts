import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from '../../auth/api/auth-keys';
import { accountKeys } from './account-keys';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChangePasswordInput) => {
      unwrap(await api.POST('/api/auth/password', { body }));
    },
    onSuccess: async () => {
      // A one-time password no longer holds the session back; the other sessions were ended.
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
  });
}
