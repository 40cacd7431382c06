import type { paths } from '@preauth/api-client';

export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export const settingsKeys = {
  all: ['settings'] as const,
  deadlineRules: () => [...settingsKeys.all, 'deadline-rules'] as const,
  audit: (filters: Omit<AuditQuery, 'cursor'>) => [...settingsKeys.all, 'audit', filters] as const,
  auditUsers: () => [...settingsKeys.all, 'audit-users'] as const,
  physicianUsers: () => [...settingsKeys.all, 'physician-users'] as const,
  pasEndpoint: (payerId: string) => [...settingsKeys.all, 'pas-endpoint', payerId] as const,
};
