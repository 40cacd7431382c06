import { CASE_STATUSES } from './case-status';
import { computeDeadlines, DEFAULT_DEADLINE_RULES, type ClockKind } from './deadlines';
import { describeDecision } from './decisions';
import type { CaseSnapshot } from './snapshot';
import { buildSnapshot, NOW, TIME_ZONE } from './testing/case-fixtures';

const RULE = DEFAULT_DEADLINE_RULES.commercial_erisa;
const SUBMITTED = '2026-06-01T14:00:00.000Z';
const DENIED = '2026-06-05T15:00:00.000Z';
const APPEALED = '2026-06-08T13:00:00.000Z';
const EXTERNAL = '2026-06-10T18:00:00.000Z';

function caseIn(status: CaseSnapshot['status'], overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return buildSnapshot({
    status,
    submittedAt: SUBMITTED,
    deniedAt: DENIED,
    decidedAt: DENIED,
    denialCode: 'CO-50',
    appealedAt: APPEALED,
    externalReviewAt: EXTERNAL,
    ...overrides,
  });
}

// The deadline the case page showed for that clock just before the decision.
function shownDue(snapshot: CaseSnapshot, kind: ClockKind | null): Date | null {
  if (!kind) return null;
  const clock = computeDeadlines(snapshot, RULE, { now: NOW, timeZone: TIME_ZONE }).clocks.find((c) => c.kind === kind);
  if (!clock) throw new Error(`no ${kind} clock`);
  return new Date(clock.dueAt);
}

describe('describeDecision', () => {
  it.each([
    ['submitted', {}, 'initial', SUBMITTED, 'payer_decision'],
    ['more_info_requested', { infoRequestedAt: '2026-06-03T12:00:00.000Z' }, 'initial', SUBMITTED, null],
    ['appealed', { appealLevel: 1 }, 'appeal_1', APPEALED, 'appeal_decision'],
    ['appealed', { appealLevel: 2 }, 'appeal_2', APPEALED, 'appeal_decision'],
    ['external_review', { appealLevel: 2 }, 'external_review', EXTERNAL, 'external_review_decision'],
  ] as const)(
    'a decision out of %s %j is the %s stage, requested at %s, held to its %s clock',
    (status, overrides, stage, requested, clock) => {
      const before = caseIn(status, overrides);
      expect(describeDecision(before, RULE, NOW, TIME_ZONE)).toEqual({
        stage,
        requestedAt: new Date(requested),
        dueAt: shownDue(before, clock),
      });
    },
  );

  it('holds the payer to no deadline after a peer-to-peer, which it requested at the denial', () => {
    expect(describeDecision(caseIn('peer_to_peer'), RULE, NOW, TIME_ZONE)).toEqual({
      stage: 'peer_to_peer',
      requestedAt: new Date(DENIED),
      dueAt: null,
    });
  });

  it('falls back to the decision time when the request time is not recorded', () => {
    expect(
      describeDecision(caseIn('appealed', { appealLevel: 1, appealedAt: null }), RULE, NOW, TIME_ZONE),
    ).toMatchObject({
      requestedAt: NOW,
    });
  });

  const waitingOnThePayer = ['submitted', 'more_info_requested', 'peer_to_peer', 'appealed', 'external_review'];
  it.each(CASE_STATUSES.filter((status) => !waitingOnThePayer.includes(status)).map((status) => [status]))(
    'records no payer decision out of %s',
    (status) => {
      expect(describeDecision(caseIn(status), RULE, NOW, TIME_ZONE)).toBeNull();
    },
  );
});
