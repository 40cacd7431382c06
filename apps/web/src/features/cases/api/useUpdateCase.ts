import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';
import type { UpdateCaseBody } from './types';

export interface UpdateCaseVariables {
  id: string;
  version: number;
  body: UpdateCaseBody;
}

export function useUpdateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: UpdateCaseVariables) =>
      unwrap(
        await api.PATCH('/api/cases/{id}', { params: { path: { id }, header: { 'If-Match': String(version) } }, body }),
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
