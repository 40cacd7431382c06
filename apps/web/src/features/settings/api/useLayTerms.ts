import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { referenceKeys } from '../../reference/api/reference-keys';
import { settingsKeys } from './settings-keys';

export type LayTerm = Schemas['LayTermDto'];
export type LayTermBody = Schemas['CreateLayTermDto'];

export function useLayTerms() {
  return useQuery({
    queryKey: settingsKeys.layTerms(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/codes/icd10/terms', { signal })),
  });
}

// The diagnosis picker's answers change with the terms: drop the cached searches too.
function useInvalidateTerms() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.layTerms() }),
      queryClient.invalidateQueries({ queryKey: [...referenceKeys.all, 'icd10'] }),
    ]);
}

export function useSaveLayTerm() {
  const invalidate = useInvalidateTerms();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: number; body: LayTermBody }) =>
      unwrap(
        id === undefined
          ? await api.POST('/api/codes/icd10/terms', { body })
          : await api.PATCH('/api/codes/icd10/terms/{id}', { params: { path: { id } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteLayTerm() {
  const invalidate = useInvalidateTerms();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/codes/icd10/terms/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
