import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { Providers } from './app/Providers';
import { referenceKeys } from './features/reference/api/reference-keys';

export const PAYER_ID = '00000000-0000-4000-8000-000000000001';
export const PROVIDER_ID = '00000000-0000-4000-8000-000000000002';

// A client that never fetches on its own, preloaded with the reference data forms read.
export function createTestClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, enabled: false }, mutations: { retry: false } },
  });
  client.setQueryData(referenceKeys.payers(), [
    {
      id: PAYER_ID,
      name: 'Aetna Commercial',
      payerCode: 'AET',
      planType: 'commercial_erisa',
      phone: null,
      portalUrl: null,
      peerToPeerDays: null,
      active: true,
    },
  ]);
  client.setQueryData(referenceKeys.providers(), [
    {
      id: PROVIDER_ID,
      firstName: 'Dana',
      lastName: 'Whitfield',
      credentials: 'MD',
      npi: '1234567893',
      specialty: null,
      userId: null,
      active: true,
      displayName: 'Dana Whitfield, MD',
    },
  ]);
  client.setQueryData(referenceKeys.cpt(), [
    { code: '10040', description: 'Acne surgery (milia)', cosmeticRisk: false, descriptorVerified: true },
    {
      code: '17110',
      description: 'Destruction of benign lesions, up to 14',
      cosmeticRisk: false,
      descriptorVerified: true,
    },
    { code: '15780', description: 'Dermabrasion, total face', cosmeticRisk: true, descriptorVerified: false },
  ]);
  client.setQueryData(referenceKeys.icd10(), [
    { code: 'L72.0', description: 'Epidermal cyst', descriptorVerified: true },
  ]);
  return client;
}

export function renderWithProviders(ui: ReactElement, client = createTestClient()) {
  return {
    client,
    ...render(
      <Providers client={client}>
        <MemoryRouter>{ui}</MemoryRouter>
      </Providers>,
    ),
  };
}
