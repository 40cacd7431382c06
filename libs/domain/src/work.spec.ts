import { CASE_STATUSES, isTerminalStatus } from './case-status';
import { dueClockWarning, refuseOwnerChange, tasksCancelledBy, tasksSatisfiedBy, type OwnerChange } from './work';

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
    expect(dueClockWarning(due, urgency, before(minutes))).toBe(lead);
  });
});
