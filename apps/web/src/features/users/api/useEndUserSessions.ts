import { unwrap } from '@preauth/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';

export function useEndUserSessions() {
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.POST('/api/users/{id}/sessions/end', { params: { path: { id } } }));
    },
  });
}
