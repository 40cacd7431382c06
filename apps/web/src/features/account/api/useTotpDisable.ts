import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { authKeys } from '../../auth/api/auth-keys';

export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      unwrap(await api.POST('/api/auth/totp/disable', { body: { code } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
