import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';
import type { CaseDetail } from './types';

function useOnCaseChanged() {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(detail.id), detail);
    return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
  };
}

export function useScheduleProcedure(caseId: string) {
  const onSuccess = useOnCaseChanged();
  return useMutation({
    mutationFn: async (scheduledOn: string) =>
      unwrap(
        await api.POST('/api/cases/{id}/procedure/schedule', {
          params: { path: { id: caseId } },
          body: { scheduledOn },
        }),
      ),
    onSuccess,
  });
}

export function useRecordPerformedProcedure(caseId: string) {
  const onSuccess = useOnCaseChanged();
  return useMutation({
    mutationFn: async (body: { performedOn: string; units: number }) =>
      unwrap(await api.POST('/api/cases/{id}/procedure/performed', { params: { path: { id: caseId } }, body })),
    onSuccess,
  });
}
