import { unwrap } from '@preauth/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';

export function useTotpSetup() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/totp/setup')),
  });
}
