import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { letterKeys } from './letter-keys';

export interface UpdateLetterVariables {
  letterId: string;
  // The revision the edit is based on: a stale one answers 409 instead of overwriting.
  revision: number;
  text: string;
}

export function useUpdateLetter(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ letterId, revision, text }: UpdateLetterVariables) =>
      unwrap(
        await api.PATCH('/api/cases/{id}/letters/{letterId}', {
          params: { path: { id: caseId, letterId }, header: { 'If-Match': String(revision) } },
          body: { text },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.list(caseId) }),
  });
}
