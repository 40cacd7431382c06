import {
  CASE_STATUSES,
  isCaseStatus,
  isTerminalStatus,
  isUrgency,
  OPEN_STATUSES,
  STATUS_LABELS,
  TERMINAL_STATUSES,
  URGENCIES,
  URGENCY_LABELS,
} from './case-status';
import {
  isMedicalNecessityCriterion,
  MEDICAL_NECESSITY_CRITERIA,
  MEDICAL_NECESSITY_CRITERION_KEYS,
  MEDICAL_NECESSITY_CRITERION_LABELS,
} from './medical-necessity';
import { isNoteKind, NOTE_KIND_LABELS, NOTE_KINDS } from './note-kinds';
import { isPlanType, PLAN_TYPE_LABELS, PLAN_TYPES } from './plan-types';
import { isRole, ROLE_LABELS, ROLES } from './roles';

describe('case statuses', () => {
  it('match the database values', () => {
    expect(CASE_STATUSES).toEqual([
      'documented',
      'submitted',
      'more_info_requested',
      'approved',
      'partially_approved',
      'denied',
      'peer_to_peer',
      'appealed',
      'external_review',
      'self_pay',
      'expired',
      'withdrawn',
      'completed',
    ]);
  });

  it.each(CASE_STATUSES.map((status) => [status, ['expired', 'withdrawn', 'completed'].includes(status)] as const))(
    '%s terminal: %s',
    (status, terminal) => {
      expect(isTerminalStatus(status)).toBe(terminal);
      expect(OPEN_STATUSES.includes(status as never)).toBe(!terminal);
      expect(STATUS_LABELS[status]).toMatch(/^[A-Z][a-z -]+$/);
    },
  );

  it('splits into open and terminal without overlap', () => {
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...CASE_STATUSES].sort());
    expect(STATUS_LABELS.more_info_requested).toBe('More info requested');
  });

  it.each([
    ['submitted', true],
    ['more_info_requested', true],
    ['Submitted', false],
    ['closed', false],
    [3, false],
    [null, false],
  ])('isCaseStatus(%j) = %s', (value, expected) => {
    expect(isCaseStatus(value)).toBe(expected);
  });
});

describe('enumerations', () => {
  it.each([
    ['ROLES', ROLES, ['front_desk', 'physician', 'manager', 'admin'], ROLE_LABELS, isRole],
    ['URGENCIES', URGENCIES, ['standard', 'expedited'], URGENCY_LABELS, isUrgency],
    [
      'PLAN_TYPES',
      PLAN_TYPES,
      ['medicare_advantage', 'medicaid', 'commercial_erisa', 'aca_marketplace', 'other'],
      PLAN_TYPE_LABELS,
      isPlanType,
    ],
    ['NOTE_KINDS', NOTE_KINDS, ['clinical_note', 'payer_call', 'letter_draft', 'other'], NOTE_KIND_LABELS, isNoteKind],
  ] as const)('%s has the database values, a label each and a type guard', (_name, values, expected, labels, guard) => {
    expect(values).toEqual(expected);
    expect(Object.keys(labels).sort()).toEqual([...expected].sort());
    for (const value of values) {
      expect((labels as Record<string, string>)[value].trim()).not.toBe('');
      expect(guard(value)).toBe(true);
      expect(value).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
    expect(guard('nope')).toBe(false);
    expect(guard(undefined)).toBe(false);
  });
});

describe('MEDICAL_NECESSITY_CRITERIA', () => {
  it('has the payer criteria of DOMAIN.md', () => {
    expect(MEDICAL_NECESSITY_CRITERION_KEYS).toEqual([
      'bleeding',
      'itching',
      'burning',
      'pain',
      'irritation',
      'inflammation',
      'infection',
      'recurrent_trauma',
      'vision_obstruction',
      'suspected_malignancy',
    ]);
    expect(MEDICAL_NECESSITY_CRITERIA).toHaveLength(10);
  });

  it.each([
    ['inflammation', /erythema.*edema.*purulence.*oozing/],
    ['vision_obstruction', /vision.*orifice/],
    ['suspected_malignancy', /uncertain diagnosis/i],
    ['recurrent_trauma', /clothing/],
  ] as const)('labels %s', (key, pattern) => {
    expect(MEDICAL_NECESSITY_CRITERION_LABELS[key]).toMatch(pattern);
  });

  it.each([
    ['itching', true],
    ['vision_obstruction', true],
    ['cosmetic', false],
    [null, false],
  ])('isMedicalNecessityCriterion(%j) = %s', (value, expected) => {
    expect(isMedicalNecessityCriterion(value)).toBe(expected);
  });
});
