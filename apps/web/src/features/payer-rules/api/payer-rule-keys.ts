import type { Schemas } from '@preauth/api-client';

export type PayerRule = Schemas['PayerRuleDto'];
export type SavePayerRuleBody = Schemas['SavePayerRuleDto'];
export type PayerRuleLookup = Schemas['PayerRuleLookupDto'];

export const payerRuleKeys = {
  all: ['payer-rules'] as const,
  list: () => [...payerRuleKeys.all, 'list'] as const,
  versions: (payerId: string, planType: string | null, cptCode: string) =>
    [...payerRuleKeys.all, 'versions', { payerId, planType, cptCode }] as const,
  lookup: (payerId: string, cptCode: string) => [...payerRuleKeys.all, 'lookup', { payerId, cptCode }] as const,
};
