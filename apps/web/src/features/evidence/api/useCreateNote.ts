import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { evidenceKeys } from './evidence-keys';
import type { CreateNoteBody } from './types';

export function useCreateNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateNoteBody) =>
      unwrap(await api.POST('/api/cases/{id}/notes', { params: { path: { id: caseId } }, body })),
    // The readiness checklist counts physician notes: the case detail changes with them.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.notesOf(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}
