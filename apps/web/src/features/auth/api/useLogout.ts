import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/auth/logout'));
    },
    meta: { unauthorizedIsExpected: true },
    // Whatever the server said, forget every cached record on this screen.
    onSettled: () => queryClient.clear(),
  });
}
