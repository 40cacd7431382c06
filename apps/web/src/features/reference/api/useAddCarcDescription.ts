import { unwrap } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseKeys } from '../../cases/api/case-keys';
import { reportKeys } from '../../reports/api/report-keys';

/** A manager describes a denial code once; the cases and reports that show it read it again. */
export function useAddCarcDescription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { code: string; description: string }) =>
      unwrap(await api.POST('/api/codes/carc', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.details() }),
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      ]),
  });
}
