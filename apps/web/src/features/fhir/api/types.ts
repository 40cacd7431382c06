import type { components } from '@preauth/api-client';

type Schemas = components['schemas'];
export type CaseFhirExchanges = Schemas['CaseFhirExchangesDto'];
export type FhirExchange = Schemas['FhirExchangeDto'];
