import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { accountKeys } from './account-keys';

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => unwrap(await api.POST('/api/auth/totp/recovery-codes', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.recoveryCodes() }),
  });
}
