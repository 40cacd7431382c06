import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { letterKeys } from './letter-keys';
import type { SignProof } from './types';

export function useSignLetter(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ letterId, proof }: { letterId: string; proof: SignProof }) =>
      unwrap(
        await api.POST('/api/cases/{id}/letters/{letterId}/sign', {
          params: { path: { id: caseId, letterId } },
          body: proof,
        }),
      ),
    // A signed letter may be what an appeal transition is waiting for.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: letterKeys.list(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]),
  });
}
