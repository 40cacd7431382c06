export const patientKeys = {
  all: ['patients'] as const,
  searches: () => [...patientKeys.all, 'search'] as const,
  search: (q: string) => [...patientKeys.searches(), q] as const,
};
