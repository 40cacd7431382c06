import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from '../../auth/api/auth-keys';
import { accountKeys } from './account-keys';

export function useTotpEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => unwrap(await api.POST('/api/auth/totp/enable', { body: { code } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
      await queryClient.invalidateQueries({ queryKey: accountKeys.recoveryCodes() });
    },
  });
}
