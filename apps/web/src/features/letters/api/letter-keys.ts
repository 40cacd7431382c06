export const letterKeys = {
  all: ['letters'] as const,
  list: (caseId: string) => [...letterKeys.all, 'list', caseId] as const,
  signer: (caseId: string) => [...letterKeys.all, 'signer', caseId] as const,
};
