import { unwrap } from '@preauth/api-client';
import type { PlanType } from '@preauth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { settingsKeys } from './settings-keys';
import type { DeadlineRuleFigures } from './types';

export function useDeadlineRules() {
  return useQuery({
    queryKey: settingsKeys.deadlineRules(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/deadline-rules', { signal })),
  });
}

export function usePreviewDeadlineRule() {
  return useMutation({
    mutationFn: async ({ planType, body }: { planType: PlanType; body: DeadlineRuleFigures }) =>
      unwrap(await api.POST('/api/deadline-rules/{planType}/preview', { params: { path: { planType } }, body })),
  });
}

export function useSaveDeadlineRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      planType,
      body,
      expectedUpdatedAt,
    }: {
      planType: PlanType;
      body: DeadlineRuleFigures;
      expectedUpdatedAt: string;
    }) =>
      unwrap(
        await api.PUT('/api/deadline-rules/{planType}', {
          params: { path: { planType } },
          body: { ...body, expectedUpdatedAt },
        }),
      ),
    // Open cases' due dates moved with the rule.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKeys.deadlineRules() }),
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
      ]),
  });
}
