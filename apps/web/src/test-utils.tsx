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
  const label = (code: string, description: string, cosmeticRisk: boolean, descriptorVerified: boolean) => ({
    code,
    description,
    label: description,
    licensed: false,
    cosmeticRisk,
    descriptorVerified,
  });
  client.setQueryData(referenceKeys.cpt(), [
    label('10040', 'Extraction of acne lesions, including milia', false, true),
    label('17110', 'Destruction of benign lesions, 1 to 14', false, true),
    label('15780', 'Dermabrasion of the whole face', true, false),
  ]);
  // What the server's search answers for "milia" (the tests type it); other searches find nothing.
  const release = {
    name: 'FY2026',
    effectiveFrom: '2025-10-01',
    effectiveTo: '2026-09-30',
    codeCount: 74719,
    sourceFile: 'icd10cm-codes-2026.txt.gz',
    sourceSha256: '246bde6e304a6fd96c3154a3d7aa24902c84c56b293cc1c6fcefe4a90e0b596c',
    loadedAt: '2026-01-01T00:00:00.000Z',
  };
  client.setQueryData(referenceKeys.icd10Search('milia', null), {
    release,
    coversDate: true,
    items: [{ code: 'L72.0', description: 'Epidermal cyst', term: 'milia', note: 'To be confirmed by the coder.' }],
  });
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
