import { unwrap } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { payerRuleKeys, type SavePayerRuleBody } from './payer-rule-keys';

export function usePayerRules() {
  return useQuery({
    queryKey: payerRuleKeys.list(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/payer-rules', { signal })),
  });
}

export function usePayerRuleVersions(key: { payerId: string; planType: string | null; cptCode: string } | null) {
  return useQuery({
    queryKey: payerRuleKeys.versions(key?.payerId ?? '', key?.planType ?? null, key?.cptCode ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/payer-rules/versions', {
          params: {
            query: {
              payerId: key!.payerId,
              cptCode: key!.cptCode,
              ...(key!.planType ? { planType: key!.planType as SavePayerRuleBody['planType'] & string } : {}),
            },
          },
          signal,
        }),
      ),
    enabled: key !== null,
  });
}

// Every rule list, version history and new-case lookup reads the rules: refresh them all.
function useInvalidateRules() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: payerRuleKeys.all });
}

export function useSavePayerRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: async (body: SavePayerRuleBody) => unwrap(await api.POST('/api/payer-rules', { body })),
    onSuccess: invalidate,
  });
}

export function useImportPayerRules() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: async (csv: string) => unwrap(await api.POST('/api/payer-rules/import', { body: { csv } })),
    onSuccess: invalidate,
  });
}
