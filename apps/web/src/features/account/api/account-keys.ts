export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  policy: () => [...accountKeys.all, 'policy'] as const,
  recoveryCodes: () => [...accountKeys.all, 'recovery-codes'] as const,
};
