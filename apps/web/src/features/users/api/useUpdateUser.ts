import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { referenceKeys } from '../../reference/api/reference-keys';
import { userKeys } from './user-keys';

export type UpdateUserInput = Schemas['UpdateUserDto'];

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserInput }) =>
      unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: referenceKeys.providers() });
    },
  });
}
