import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { evidenceKeys } from './evidence-keys';

export function usePhotos(caseId: string) {
  return useQuery({
    queryKey: evidenceKeys.photos(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/photos', { params: { path: { id: caseId } }, signal })),
  });
}
