import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';

/** The clinic's tags in use, most used first: what the tag boxes offer as you type. */
export function useTagsInUse({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseKeys.tags(),
    enabled,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/cases/tags', { signal })),
    staleTime: 60_000,
  });
}

/** Add or remove one tag on a case; the case, the lists and the tags in use are read again. */
export function useCaseTagChange(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { add: string } | { remove: string }) =>
      'add' in change
        ? unwrap(
            await api.POST('/api/cases/{id}/tags', { params: { path: { id: caseId } }, body: { tag: change.add } }),
          )
        : unwrap(
            await api.DELETE('/api/cases/{id}/tags/{tag}', { params: { path: { id: caseId, tag: change.remove } } }),
          ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: caseKeys.tags() }),
      ]),
  });
}
