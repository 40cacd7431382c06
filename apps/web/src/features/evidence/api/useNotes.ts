import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { evidenceKeys } from './evidence-keys';

// Newest first; with history, the earlier versions of each note too.
export function useNotes(caseId: string, history = false) {
  return useQuery({
    queryKey: evidenceKeys.notes(caseId, history),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/cases/{id}/notes', {
          params: { path: { id: caseId }, query: history ? { history: true } : {} },
          signal,
        }),
      ),
  });
}
