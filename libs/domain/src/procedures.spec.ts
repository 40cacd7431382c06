import {
  approvedUnitsOf,
  areAllUnitsUsed,
  checkPerformedProcedure,
  checkScheduleProcedure,
  dueApprovalReminder,
  remainingUnitsOf,
  type ProcedureContext,
} from './procedures';
import type { CaseSnapshot } from './snapshot';

const LINES: CaseSnapshot['procedureLines'] = [
  { cpt: '17311', units: 2, bodySite: 'Nose', lesionCount: 1 },
  { cpt: '17312', units: 1, bodySite: 'Nose', lesionCount: 1 },
];

// 2026-06-20 10:00 in New York.
const CTX: ProcedureContext = { now: new Date('2026-06-20T14:00:00Z'), timeZone: 'America/New_York', skewMs: 300_000 };

function approval(overrides: Partial<CaseSnapshot> = {}) {
  return {
    status: 'approved' as const,
    procedureLines: LINES,
    approvedUnits: null,
    unitsUsed: 0,
    validFrom: '2026-06-10',
    validTo: '2026-08-31',
    decidedAt: '2026-06-09T15:00:00Z',
    ...overrides,
  };
}

describe('approved units', () => {
  it('a full approval covers every requested unit; a partial one names its own', () => {
    expect(approvedUnitsOf(approval())).toBe(3);
    expect(approvedUnitsOf(approval({ approvedUnits: 1 }))).toBe(1);
  });

  it('counts the units left and whether all are used', () => {
    expect(remainingUnitsOf(approval({ unitsUsed: 2 }))).toBe(1);
    expect(areAllUnitsUsed(approval({ unitsUsed: 2 }))).toBe(false);
    expect(areAllUnitsUsed(approval({ unitsUsed: 3 }))).toBe(true);
    expect(remainingUnitsOf(approval({ unitsUsed: 5 }))).toBe(0);
  });

  it('an approval of nothing is never "all used"', () => {
    expect(areAllUnitsUsed(approval({ procedureLines: [] }))).toBe(false);
  });
});

describe('checkScheduleProcedure', () => {
  it.each([
    ['inside the validity window', '2026-07-01', []],
    ['on the first valid day', '2026-06-10', []],
    ['before the approval starts', '2026-06-09', [/before the approval, which starts on 2026-06-10/]],
    ['after the authorization ends', '2026-09-01', [/valid through 2026-08-31/]],
    ['not a date', '1/7/2026', [/YYYY-MM-DD/]],
  ] as const)('%s', (_name, day, expected) => {
    const reasons = checkScheduleProcedure(approval(), day, CTX);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((pattern, i) => {
      expect(reasons[i].field).toBe('scheduledOn');
      expect(reasons[i].reason).toMatch(pattern);
    });
  });

  it('falls back to the decision day when the approval has no start date', () => {
    const reasons = checkScheduleProcedure(approval({ validFrom: null }), '2026-06-08', CTX);
    expect(reasons[0].reason).toMatch(/starts on 2026-06-09/);
  });

  it.each(['submitted', 'denied', 'appealed', 'expired', 'completed'] as const)('refuses a %s case', (status) => {
    expect(checkScheduleProcedure(approval({ status }), '2026-07-01', CTX)[0].reason).toMatch(/approved/);
  });
});

describe('checkPerformedProcedure', () => {
  const check = (performedOn: string, units: number | null, overrides: Partial<CaseSnapshot> = {}) =>
    checkPerformedProcedure(approval(overrides), { performedOn, units }, CTX);

  it('accepts today and a day inside the window with units left', () => {
    expect(check('2026-06-20', 2)).toEqual([]);
    expect(check('2026-06-12', 3)).toEqual([]);
    expect(check('2026-06-12', 1, { unitsUsed: 2 })).toEqual([]);
  });

  it('refuses a future day, naming the field', () => {
    expect(check('2026-06-21', 1)).toEqual([
      { field: 'performedOn', reason: 'A procedure cannot be recorded as performed on a future day.' },
    ]);
  });

  it('takes the clock skew into account around midnight', () => {
    // 23:58 local: a desk clock a few minutes ahead already says tomorrow.
    const late = { ...CTX, now: new Date('2026-06-21T03:58:00Z') };
    expect(checkPerformedProcedure(approval(), { performedOn: '2026-06-21', units: 1 }, late)).toEqual([]);
  });

  it('refuses a day before the approval', () => {
    expect(check('2026-06-01', 1)[0]).toEqual({
      field: 'performedOn',
      reason: 'The date cannot be before the approval, which starts on 2026-06-10.',
    });
  });

  it.each([0, -1, 1.5, null])('refuses %p units', (units) => {
    expect(check('2026-06-15', units)).toEqual([
      { field: 'units', reason: 'The units used must be a whole number, at least 1.' },
    ]);
  });

  it('refuses more units than remain, saying how many do', () => {
    expect(check('2026-06-15', 2, { unitsUsed: 2 })).toEqual([
      { field: 'units', reason: 'Only 1 of the 3 approved units remain; 2 cannot be recorded.' },
    ]);
    expect(check('2026-06-15', 2, { approvedUnits: 1 })[0].reason).toMatch(/Only 1 of the 1 approved/);
  });

  it('lists the date and the units reasons together', () => {
    expect(check('2026-06-30', 9).map((r) => r.field)).toEqual(['performedOn', 'units']);
  });

  it('refuses a case that is not approved', () => {
    expect(check('2026-06-15', 1, { status: 'completed' })[0].reason).toMatch(/approved/);
  });
});

describe('dueApprovalReminder', () => {
  it.each([
    ['2026-08-31', '2026-08-01', null],
    ['2026-08-31', '2026-08-16', null],
    ['2026-08-31', '2026-08-17', 14],
    ['2026-08-31', '2026-08-27', 14],
    ['2026-08-31', '2026-08-28', 3],
    ['2026-08-31', '2026-08-31', 3],
    ['2026-08-31', '2026-09-01', null],
    [null, '2026-08-31', null],
  ] as const)('ending %s, on %s: %p', (validTo, today, expected) => {
    expect(dueApprovalReminder(validTo, today)).toBe(expected);
  });
});
