export const fhirKeys = {
  all: ['fhir'] as const,
  exchanges: (caseId: string) => [...fhirKeys.all, 'exchanges', caseId] as const,
};
