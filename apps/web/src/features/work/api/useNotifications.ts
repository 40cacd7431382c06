import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAfterPageData } from '../../../app/after-page-data';
import { api } from '../../../app/api';
import { workKeys } from './work-keys';

/**
 * The bell's: asked for after the page's own data (app/after-page-data.ts), then again every minute
 * and when the window regains focus.
 */
export function useNotifications() {
  return useQuery({
    ...useAfterPageData(),
    queryKey: workKeys.notifications(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/notifications', { signal })),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    // No id: all of them.
    mutationFn: async (id?: string) => {
      if (!id) unwrap(await api.POST('/api/notifications/read-all'));
      else unwrap(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workKeys.notifications() }),
  });
}
