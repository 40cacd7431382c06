import { unwrap } from '@preauth/api-client';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { payerRuleKeys } from './payer-rule-keys';

/** The payer's rule for each CPT code on the form: whether a request is needed at all. */
export function usePayerRuleLookups(payerId: string, cptCodes: readonly string[]) {
  return useQueries({
    queries: cptCodes.map((cptCode) => ({
      queryKey: payerRuleKeys.lookup(payerId, cptCode),
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        unwrap(await api.GET('/api/payer-rules/lookup', { params: { query: { payerId, cptCode } }, signal })),
      enabled: payerId !== '',
      staleTime: 60_000,
    })),
  });
}
