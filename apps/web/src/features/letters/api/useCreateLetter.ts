import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { letterKeys } from './letter-keys';
import type { LetterKind } from './types';

export function useCreateLetter(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (kind: LetterKind) =>
      unwrap(await api.POST('/api/cases/{id}/letters', { params: { path: { id: caseId } }, body: { kind } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.list(caseId) }),
  });
}
