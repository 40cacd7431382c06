export const referenceKeys = {
  all: ['reference'] as const,
  payers: () => [...referenceKeys.all, 'payers'] as const,
  providers: () => [...referenceKeys.all, 'providers'] as const,
  cpt: () => [...referenceKeys.all, 'cpt'] as const,
  icd10Search: (q: string, serviceDate: string | null) => [...referenceKeys.all, 'icd10', { q, serviceDate }] as const,
};

// Reference data changes rarely; keep it for the session.
export const REFERENCE_STALE_TIME = 30 * 60_000;
