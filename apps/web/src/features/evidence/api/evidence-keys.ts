export const evidenceKeys = {
  all: ['evidence'] as const,
  photos: (caseId: string) => [...evidenceKeys.all, 'photos', caseId] as const,
  notesOf: (caseId: string) => [...evidenceKeys.all, 'notes', caseId] as const,
  notes: (caseId: string, history: boolean) => [...evidenceKeys.notesOf(caseId), { history }] as const,
};
