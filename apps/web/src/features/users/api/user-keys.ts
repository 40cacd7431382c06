export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  invitation: (token: string) => [...userKeys.all, 'invitation', token] as const,
};
