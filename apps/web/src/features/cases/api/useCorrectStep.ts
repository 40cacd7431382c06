import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from './case-keys';
import type { CorrectStepBody } from './types';

export type StepCorrection =
  | { kind: 'undo'; reason?: string }
  | { kind: 'reversal'; reason: string }
  | { kind: 'correction'; body: CorrectStepBody };

export interface CorrectStepVariables {
  id: string;
  eventId: string;
  version: number;
  correction: StepCorrection;
}

async function send({ id, eventId, version, correction }: CorrectStepVariables) {
  const params = { path: { id, eventId }, header: { 'If-Match': String(version) } };
  switch (correction.kind) {
    case 'undo':
      return unwrap(
        await api.POST('/api/cases/{id}/events/{eventId}/undo', { params, body: { reason: correction.reason } }),
      );
    case 'reversal':
      return unwrap(
        await api.POST('/api/cases/{id}/events/{eventId}/reversal', { params, body: { reason: correction.reason } }),
      );
    case 'correction':
      return unwrap(await api.POST('/api/cases/{id}/events/{eventId}/correction', { params, body: correction.body }));
  }
}

/** Undo, reversal or correction of a recorded step: the case comes back replayed. */
export function useCorrectStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
