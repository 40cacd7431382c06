import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { accountKeys } from './account-keys';

export function useRecoveryCodesLeft(options: { enabled: boolean }) {
  return useQuery({
    queryKey: accountKeys.recoveryCodes(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/auth/totp/recovery-codes', { signal })),
    enabled: options.enabled,
  });
}
