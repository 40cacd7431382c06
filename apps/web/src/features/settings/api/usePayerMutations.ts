import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { referenceKeys } from '../../reference/api/reference-keys';
import type { CreatePayerBody, UpdatePayerBody } from './types';

// The new-case form reads the same list: it drops an archived payer at once.
function useInvalidatePayers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: referenceKeys.payers() });
}

export function useCreatePayer() {
  const invalidate = useInvalidatePayers();
  return useMutation({
    mutationFn: async (body: CreatePayerBody) => unwrap(await api.POST('/api/payers', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePayer() {
  const invalidate = useInvalidatePayers();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdatePayerBody }) =>
      unwrap(await api.PATCH('/api/payers/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeletePayer() {
  const invalidate = useInvalidatePayers();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/api/payers/{id}', { params: { path: { id } } }));
    },
    onSuccess: invalidate,
  });
}
