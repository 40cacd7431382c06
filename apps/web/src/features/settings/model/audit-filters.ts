import { addDaysToDate, getEndOfLocalDay, isIsoDate } from '@preauth/domain';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import type { AuditQuery } from '../api/settings-keys';

export const AUDIT_ACTION_LABELS = {
  read: 'Read',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  export: 'Export',
  login: 'Sign-in',
  logout: 'Sign-out',
  failed_login: 'Failed sign-in',
  forbidden: 'Refused',
} as const satisfies Record<NonNullable<AuditQuery['action']>, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The filters as the page's URL holds them: dates are clinic calendar days. */
export interface AuditFilterValues {
  userId: string;
  action: string;
  caseNumber: string;
  patientId: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_KEYS = ['userId', 'action', 'caseNumber', 'patientId', 'from', 'to'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readAuditFilters(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(
    AUDIT_FILTER_KEYS.map((key) => [key, params.get(key) ?? '']),
  ) as unknown as AuditFilterValues;
}

/** Why the filters cannot be sent, field by field (the API would answer 400 for each). */
export function findAuditFilterProblems(values: AuditFilterValues): Partial<Record<keyof AuditFilterValues, string>> {
  const problems: Partial<Record<keyof AuditFilterValues, string>> = {};
  if (values.patientId && !UUID.test(values.patientId.trim())) problems.patientId = 'Enter a patient id (a UUID).';
  if (values.caseNumber && !/^[A-Za-z0-9-]{1,40}$/.test(values.caseNumber.trim())) {
    problems.caseNumber = 'Enter a case number such as PA-000123.';
  }
  if (values.from && !isIsoDate(values.from)) problems.from = 'Enter a date.';
  if (values.to && !isIsoDate(values.to)) problems.to = 'Enter a date.';
  if (!problems.from && !problems.to && values.from && values.to && values.from > values.to) {
    problems.to = 'The end comes before the start.';
  }
  return problems;
}

/** The API query: whole clinic days from the start of `from` to the end of `to`. */
export function toAuditQuery(values: AuditFilterValues): Omit<AuditQuery, 'cursor'> {
  const query: Omit<AuditQuery, 'cursor'> = {};
  if (values.userId) query.userId = values.userId;
  if (values.action && values.action in AUDIT_ACTION_LABELS) query.action = values.action as AuditAction;
  if (values.caseNumber.trim()) query.caseNumber = values.caseNumber.trim().toUpperCase();
  if (values.patientId.trim()) query.patientId = values.patientId.trim().toLowerCase();
  if (isIsoDate(values.from)) {
    query.from = new Date(
      getEndOfLocalDay(addDaysToDate(values.from, -1), CLINIC_TIME_ZONE).getTime() + 1,
    ).toISOString();
  }
  if (isIsoDate(values.to)) {
    query.to = new Date(getEndOfLocalDay(values.to, CLINIC_TIME_ZONE).getTime() + 1).toISOString();
  }
  return query;
}
