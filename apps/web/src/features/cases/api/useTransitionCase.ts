import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';
import type { TransitionBody } from './types';

export interface TransitionVariables {
  id: string;
  version: number;
  body: TransitionBody;
}

export function useTransitionCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: TransitionVariables) =>
      unwrap(
        await api.POST('/api/cases/{id}/transitions', {
          params: { path: { id }, header: { 'If-Match': String(version) } },
          body,
        }),
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
