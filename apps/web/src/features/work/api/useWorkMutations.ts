import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import type { CreateTaskBody, LogPayerCallBody, SetFollowUpBody } from './types';
import { workKeys } from './work-keys';

function useInvalidateWork() {
  const queryClient = useQueryClient();
  return (caseId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workKeys.all }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
    ]);
}

export function useSetOwner(caseId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: async (ownerId: string | null) =>
      unwrap(await api.PUT('/api/cases/{id}/owner', { params: { path: { id: caseId } }, body: { ownerId } })),
    onSuccess: () => invalidate(caseId),
  });
}

export function useCreateTask(caseId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: async (body: CreateTaskBody) =>
      unwrap(await api.POST('/api/cases/{id}/tasks', { params: { path: { id: caseId } }, body })),
    onSuccess: () => invalidate(caseId),
  });
}

export function useCloseTask() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: async ({ id, outcome }: { id: string; outcome: 'done' | 'cancel' }) =>
      outcome === 'done'
        ? unwrap(await api.POST('/api/tasks/{id}/done', { params: { path: { id } } }))
        : unwrap(await api.POST('/api/tasks/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (task) => invalidate(task.caseId),
  });
}

export function useSetFollowUp(caseId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: async (body: SetFollowUpBody) =>
      unwrap(await api.PUT('/api/cases/{id}/follow-up', { params: { path: { id: caseId } }, body })),
    onSuccess: () => invalidate(caseId),
  });
}

export function useLogPayerCall(caseId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: async (body: LogPayerCallBody) =>
      unwrap(await api.POST('/api/cases/{id}/payer-calls', { params: { path: { id: caseId } }, body })),
    onSuccess: () => invalidate(caseId),
  });
}

export type BulkOwnerBody = Schemas['BulkSetOwnerDto'];
export type BulkFollowUpBody = Schemas['BulkSetFollowUpDto'];
export type BulkTagBody = Schemas['BulkAddTagDto'];

/** One change to many selected cases (all or nothing; a refusal names the cases). */
export function useBulkChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { owner: BulkOwnerBody } | { followUp: BulkFollowUpBody } | { tag: BulkTagBody }) =>
      'owner' in change
        ? unwrap(await api.POST('/api/cases/bulk/owner', { body: change.owner }))
        : 'tag' in change
          ? unwrap(await api.POST('/api/cases/bulk/tag', { body: change.tag }))
          : unwrap(await api.POST('/api/cases/bulk/follow-up', { body: change.followUp })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
      ]),
  });
}
