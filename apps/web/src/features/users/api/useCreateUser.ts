import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { referenceKeys } from '../../reference/api/reference-keys';
import { userKeys } from './user-keys';

export type CreateUserInput = Schemas['CreateUserDto'];

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUserInput) => unwrap(await api.POST('/api/users', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      // A new physician may now own a provider record.
      await queryClient.invalidateQueries({ queryKey: referenceKeys.providers() });
    },
  });
}
