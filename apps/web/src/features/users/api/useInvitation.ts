import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { userKeys } from './user-keys';

/** Who an invitation link is for; fails with 404 for a used, expired or unknown link. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: userKeys.invitation(token),
    queryFn: async () => unwrap(await api.POST('/api/invitations/lookup', { body: { token } })),
    enabled: token.length > 0,
    retry: false,
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => {
      unwrap(await api.POST('/api/invitations/accept', { body }));
    },
  });
}
