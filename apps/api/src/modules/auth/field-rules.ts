import { CLINICAL_FINDING_WRITERS, type Role } from '@preauth/domain';
import { type AuthUser, hasAnyRole } from './auth-user';
import { RuleRefusedError } from '../../common/app-errors';

// Field-level rules that sit below the route matrix: the route is open to the role, but some of
// what it carries is not. Services call these before writing.

/** The case fields that record clinical findings (API/DTO property names). */
// Diagnosis codes are not here: front desk codes the request from the physician's note.
export const CLINICAL_FINDING_FIELDS = [
  'necessityCriteria',
  'symptoms',
  'symptomDurationWeeks',
  'inflammation',
  'infection',
  'functionalImpairment',
  'cosmeticOverrideJustification',
  'failedTreatments',
] as const;

export const LETTER_SIGNERS: readonly Role[] = ['physician'];
export const AUDIT_LOG_READERS: readonly Role[] = ['manager', 'admin'];

export function mayWriteClinicalFindings(user: Pick<AuthUser, 'roles'>): boolean {
  return hasAnyRole(user, CLINICAL_FINDING_WRITERS);
}

/**
 * Front desk may not record clinical findings. With `changes` (a DTO or patch), only throws when
 * it actually sets one of CLINICAL_FINDING_FIELDS, so front desk can still edit the rest of a case.
 */
export function assertMayWriteClinicalFindings(user: Pick<AuthUser, 'roles'>, changes?: object | null): void {
  if (mayWriteClinicalFindings(user)) return;
  const touched = changes
    ? CLINICAL_FINDING_FIELDS.filter((field) => (changes as Record<string, unknown>)[field] !== undefined)
    : [...CLINICAL_FINDING_FIELDS];
  if (touched.length === 0) return;
  throw new RuleRefusedError(
    `Only a physician or a manager may record clinical findings (${touched.join(', ')}).`,
    'clinical_findings_forbidden',
    { fields: touched },
  );
}

export function maySignLetters(user: Pick<AuthUser, 'roles'>): boolean {
  return hasAnyRole(user, LETTER_SIGNERS);
}

export function assertMaySignLetters(user: Pick<AuthUser, 'roles'>): void {
  if (maySignLetters(user)) return;
  throw new RuleRefusedError('Only a physician may sign a letter.', 'letter_signing_forbidden');
}

export function mayReadAuditLog(user: Pick<AuthUser, 'roles'>): boolean {
  return hasAnyRole(user, AUDIT_LOG_READERS);
}
