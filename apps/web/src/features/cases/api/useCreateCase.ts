import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';
import type { CreateCaseBody } from './types';

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCaseBody) => unwrap(await api.POST('/api/cases', { body })),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
