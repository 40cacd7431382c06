import { CASE_STATUSES, type CaseStatus } from './case-status';
import { CLINICAL_FIELDS, editableFields, mayWriteClinicalFindings } from './case-editing';
import { ROLES, type Role } from './roles';

const DOCUMENTATION = [
  'urgency',
  'payerId',
  'providerId',
  'procedureLines',
  'diagnoses',
  'plannedServiceDate',
  'findings',
  'failedTreatments',
  'cosmeticOverrideJustification',
  'payerReference',
];

const EXPECTED: Record<CaseStatus, string[]> = {
  documented: DOCUMENTATION,
  more_info_requested: DOCUMENTATION,
  submitted: ['payerReference'],
  approved: ['payerReference'],
  partially_approved: ['payerReference'],
  peer_to_peer: ['payerReference'],
  appealed: ['payerReference'],
  external_review: ['payerReference'],
  denied: [],
  self_pay: [],
  expired: [],
  withdrawn: [],
  completed: [],
};

describe('editableFields', () => {
  it.each(CASE_STATUSES.map((status) => [status]))('lets a physician change in %s what the state allows', (status) => {
    expect(editableFields(status, ['physician'])).toEqual(EXPECTED[status]);
  });

  it.each(CASE_STATUSES.map((status) => [status]))('keeps clinical findings from the front desk in %s', (status) => {
    expect(editableFields(status, ['front_desk'])).toEqual(
      EXPECTED[status].filter((field) => !(CLINICAL_FIELDS as readonly string[]).includes(field)),
    );
  });

  it('takes the clinical fields from any role that may write them', () => {
    expect(editableFields('documented', ['front_desk', 'manager'])).toEqual(DOCUMENTATION);
  });
});

describe('mayWriteClinicalFindings', () => {
  const writers: Role[] = ['physician', 'manager'];
  it.each(ROLES.map((role) => [role]))('answers for %s alone', (role) => {
    expect(mayWriteClinicalFindings([role])).toBe(writers.includes(role));
  });

  it('is false without roles', () => {
    expect(mayWriteClinicalFindings([])).toBe(false);
  });
});
