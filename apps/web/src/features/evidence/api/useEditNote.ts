import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { evidenceKeys } from './evidence-keys';

export interface EditNoteVariables {
  // The latest version being replaced (409 if someone edited it since).
  noteId: string;
  text: string;
}

export function useEditNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ noteId, text }: EditNoteVariables) =>
      unwrap(await api.POST('/api/notes/{id}/versions', { params: { path: { id: noteId } }, body: { text } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.notesOf(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}
