import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAfterPageData } from '../../../app/after-page-data';
import { api } from '../../../app/api';

export type SavedView = Schemas['SavedViewDto'];
export type CreateSavedViewBody = Schemas['CreateSavedViewDto'];
export type UpdateSavedViewBody = Schemas['UpdateSavedViewDto'];

export const savedViewKeys = {
  all: ['saved-views'] as const,
};

/** Where a view opens: its list with its filters. */
export const savedViewHref = (view: Pick<SavedView, 'path' | 'query'>) =>
  view.query ? `${view.path}?${view.query}` : view.path;

/**
 * The signed-in user's views. `afterPageData`: for the navigation's pinned views, asked for after
 * the page's own data (app/after-page-data.ts).
 */
export function useSavedViews({ afterPageData = false }: { afterPageData?: boolean } = {}) {
  return useQuery({
    ...useAfterPageData(afterPageData),
    queryKey: savedViewKeys.all,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/saved-views', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSavedViewBody) => unwrap(await api.POST('/api/saved-views', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: UpdateSavedViewBody & { id: string }) =>
      unwrap(await api.PATCH('/api/saved-views/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/api/saved-views/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}
