import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';

export type SelfPay = Schemas['SelfPayDto'];
export type FinancialWaiver = Schemas['FinancialWaiverDto'];

export const selfPayKeys = {
  all: ['self-pay'] as const,
  ofCase: (caseId: string) => [...selfPayKeys.all, caseId] as const,
};

export function useSelfPay(caseId: string, enabled = true) {
  return useQuery({
    queryKey: selfPayKeys.ofCase(caseId),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/self-pay', { params: { path: { id: caseId } }, signal })),
  });
}

export function useSignWaiver(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SignWaiverDto']) =>
      unwrap(await api.POST('/api/cases/{id}/waiver', { params: { path: { id: caseId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: selfPayKeys.ofCase(caseId) });
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });
}
