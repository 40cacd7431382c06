import { CASE_STATUSES, isTerminalStatus } from './case-status';
import {
  DEFAULT_CLOCK_WARNING_LEADS,
  dueClockWarning,
  findClockWarningLeadProblems,
  longestLeadMinutes,
  refuseOwnerChange,
  resolveEmailPreferences,
  tasksCancelledBy,
  tasksSatisfiedBy,
  warningLeadMinutes,
  type OwnerChange,
} from './work';

const base: OwnerChange = {
  actorId: 'me',
  actorRoles: ['front_desk'],
  currentOwnerId: 'someone',
  newOwnerId: 'me',
  caseStatus: 'submitted',
};

describe('refuseOwnerChange', () => {
  it.each<[string, Partial<OwnerChange>, boolean]>([
    ['the owner hands the case on', { currentOwnerId: 'me', newOwnerId: 'other' }, true],
    ['the owner releases it', { currentOwnerId: 'me', newOwnerId: null }, true],
    ['a manager reassigns anyone’s case', { actorRoles: ['manager'], newOwnerId: 'other' }, true],
    ['anyone takes an unowned case', { currentOwnerId: null, newOwnerId: 'me' }, true],
    ['nobody else gives an unowned case away', { currentOwnerId: null, newOwnerId: 'other' }, false],
    ['nobody else takes an owned case', {}, false],
    ['a closed case keeps its owner, even for a manager', { actorRoles: ['manager'], caseStatus: 'withdrawn' }, false],
  ])('%s', (_, change, allowed) => {
    expect(refuseOwnerChange({ ...base, ...change }) === null).toBe(allowed);
  });
});

describe('tasks closed by what happens on the case', () => {
  it('a signed letter closes "sign the letter"', () => {
    expect(tasksSatisfiedBy({ type: 'letter_signed' })).toEqual(['sign_letter']);
  });

  it.each([
    ['submitted', ['document_findings']],
    ['approved', ['call_payer']],
    ['denied', ['call_payer']],
    ['more_info_requested', ['call_payer']],
    ['appealed', []],
  ] as const)('a transition to %s closes %p', (to, kinds) => {
    expect(tasksSatisfiedBy({ type: 'transition', to })).toEqual(kinds);
  });

  it.each(CASE_STATUSES)('a transition to %s cancels the rest only if it closes the case', (to) => {
    expect(tasksCancelledBy({ type: 'transition', to })).toBe(isTerminalStatus(to));
  });
});

describe('dueClockWarning', () => {
  const due = new Date('2026-06-10T12:00:00Z');
  const before = (minutes: number) => new Date(due.getTime() - minutes * 60_000);

  it.each([
    ['standard', 4 * 24 * 60, null],
    ['standard', 3 * 24 * 60, 3 * 24 * 60],
    ['standard', 2 * 24 * 60, 3 * 24 * 60],
    ['standard', 23 * 60, 24 * 60],
    ['standard', 0, null],
    ['expedited', 30 * 60, null],
    ['expedited', 20 * 60, 24 * 60],
    ['expedited', 3 * 60, 4 * 60],
  ] as const)('%s, %d minutes before the due time: %p', (urgency, minutes, lead) => {
    expect(dueClockWarning(due, warningLeadMinutes(DEFAULT_CLOCK_WARNING_LEADS, urgency), before(minutes))).toBe(lead);
  });

  it("follows the clinic's leads: a 5-day lead warns five days ahead", () => {
    const leads = { ...DEFAULT_CLOCK_WARNING_LEADS, dayClockLeadDays: [5, 2] };
    expect(dueClockWarning(due, warningLeadMinutes(leads, 'standard'), before(4 * 24 * 60))).toBe(5 * 24 * 60);
    expect(longestLeadMinutes(leads)).toBe(5 * 24 * 60);
  });

  it('warns of nothing when a clock kind has no leads', () => {
    expect(dueClockWarning(due, [], before(60))).toBeNull();
  });
});

describe('findClockWarningLeadProblems', () => {
  const lengths = { day: 7, hour: 72 };

  it('accepts the defaults and no leads at all', () => {
    expect(findClockWarningLeadProblems(DEFAULT_CLOCK_WARNING_LEADS, lengths)).toEqual([]);
    expect(findClockWarningLeadProblems({ dayClockLeadDays: [], hourClockLeadHours: [] }, lengths)).toEqual([]);
  });

  it.each([
    [{ dayClockLeadDays: [0], hourClockLeadHours: [4] }, 'dayClockLeadDays.0'],
    [{ dayClockLeadDays: [1.5], hourClockLeadHours: [4] }, 'dayClockLeadDays.0'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [4, 72] }, 'hourClockLeadHours.1'],
    [{ dayClockLeadDays: [7], hourClockLeadHours: [4] }, 'dayClockLeadDays.0'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [24, 12, 4, 1] }, 'hourClockLeadHours'],
    [{ dayClockLeadDays: [2, 2], hourClockLeadHours: [4] }, 'dayClockLeadDays'],
  ])('refuses %j naming %s', (leads, field) => {
    expect(findClockWarningLeadProblems(leads, lengths).map((p) => p.field)).toEqual([field]);
  });
});

describe('resolveEmailPreferences', () => {
  it('keeps the defaults for kinds the user never set', () => {
    expect(resolveEmailPreferences({ task_done: false })).toEqual({
      case_assigned: true,
      task_assigned: true,
      task_done: false,
      payer_answer: true,
      clock_warning: true,
    });
  });
});
