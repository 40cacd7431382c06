import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { evidenceKeys } from './evidence-keys';

export function useDeletePhoto(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (photoId: string) =>
      unwrap(await api.DELETE('/api/cases/{id}/photos/{photoId}', { params: { path: { id: caseId, photoId } } })),
    // The readiness checklist counts photos: the case detail changes with them.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.photos(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}
