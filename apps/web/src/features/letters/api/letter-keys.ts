export const letterKeys = {
  all: ['letters'] as const,
  list: (caseId: string) => [...letterKeys.all, 'list', caseId] as const,
};
