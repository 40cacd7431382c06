import type { CaseStatus } from './case-status';
import type { Role } from './roles';

export const CLINICAL_FINDING_WRITERS: readonly Role[] = ['physician', 'manager'];

// The parts of a case that record clinical findings (request field names).
export const CLINICAL_FIELDS = ['findings', 'failedTreatments', 'cosmeticOverrideJustification'] as const;

const DOCUMENTATION_FIELDS = [
  'urgency',
  'payerId',
  'providerId',
  'procedureLines',
  'diagnoses',
  'plannedServiceDate',
  ...CLINICAL_FIELDS,
  'payerReference',
] as const;

export function mayWriteClinicalFindings(roles: readonly Role[]): boolean {
  return roles.some((role) => CLINICAL_FINDING_WRITERS.includes(role));
}

/**
 * What an edit may change: the request is editable until the payer has it; after that only the
 * payer's tracking number. A denied request is never edited: its correction is a new case.
 */
export function editableFields(status: CaseStatus, roles: readonly Role[]): string[] {
  const clinical = mayWriteClinicalFindings(roles);
  let fields: readonly string[];
  switch (status) {
    case 'documented':
    case 'more_info_requested':
      fields = DOCUMENTATION_FIELDS;
      break;
    case 'submitted':
    case 'approved':
    case 'partially_approved':
    case 'peer_to_peer':
    case 'appealed':
    case 'external_review':
      fields = ['payerReference'];
      break;
    case 'denied':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      fields = [];
      break;
  }
  return clinical ? [...fields] : fields.filter((f) => !(CLINICAL_FIELDS as readonly string[]).includes(f));
}
