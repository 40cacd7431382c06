import { PLAN_TYPES } from './plan-types';
import {
  CLOCK_KINDS,
  CLOCK_LABELS,
  CLOCK_OWNERS,
  computeDeadlines,
  computeExternalReviewDeadline,
  DEFAULT_DEADLINE_RULES,
  formatClock,
  formatDuration,
  isWithinAppealWindow,
  isWithinExternalReviewWindow,
  findDeadlineRuleProblems,
  validateDeadlineRule,
  type Clock,
  type ClockKind,
  type DeadlineRule,
} from './deadlines';
import type { CaseSnapshot } from './snapshot';
import { buildSnapshot, NOW, TIME_ZONE } from './testing/case-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ERISA = DEFAULT_DEADLINE_RULES.commercial_erisa;
const MA = DEFAULT_DEADLINE_RULES.medicare_advantage;
const ctx = { now: NOW, timeZone: TIME_ZONE };

function findClock(snapshot: CaseSnapshot, kind: ClockKind, rule: DeadlineRule = ERISA, timeZone = TIME_ZONE): Clock {
  const clock = computeDeadlines(snapshot, rule, { now: NOW, timeZone }).clocks.find((c) => c.kind === kind);
  if (!clock) throw new Error(`No ${kind} clock for status ${snapshot.status}.`);
  return clock;
}

describe('DEFAULT_DEADLINE_RULES', () => {
  const listFigures = (rule: DeadlineRule) => [
    rule.decisionStandardDays,
    rule.decisionExpeditedHours,
    rule.infoResponseDays,
    rule.infoResponseExpeditedHours,
    rule.appealFilingDays,
    rule.appealDecisionStandardDays,
    rule.appealDecisionExpeditedHours,
    rule.maxInternalAppealLevels,
    rule.externalReviewRequestMonths,
    rule.externalReviewDecisionDays,
    rule.externalReviewExpeditedHours,
    rule.peerToPeerDays,
  ];

  it.each([
    ['medicare_advantage', [7, 72, 45, 48, 60, 30, 72, 1, 4, 45, 72, 14]],
    ['medicaid', [7, 72, 45, 48, 60, 30, 72, 2, 4, 45, 72, 14]],
    ['commercial_erisa', [15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14]],
    ['aca_marketplace', [15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14]],
    ['other', [15, 72, 45, 48, 180, 30, 72, 2, 4, 45, 72, 14]],
  ] as const)('%s has the DOMAIN.md listFigures', (planType, expected) => {
    const rule = DEFAULT_DEADLINE_RULES[planType];
    expect(rule.planType).toBe(planType);
    expect(listFigures(rule)).toEqual(expected);
    expect(rule.source?.length).toBeGreaterThan(20);
    expect(validateDeadlineRule(rule)).toEqual([]);
  });

  it('covers every plan type', () => {
    expect(Object.keys(DEFAULT_DEADLINE_RULES).sort()).toEqual([...PLAN_TYPES].sort());
  });

  it('cites the regulations behind the listFigures', () => {
    expect(MA.source).toContain('CMS-0057-F');
    expect(MA.source).toContain('422.582');
    expect(ERISA.source).toContain('2560.503-1');
    expect(ERISA.source).toContain('147.136');
  });
});

describe('validateDeadlineRule', () => {
  it.each<[string, Partial<DeadlineRule>, string]>([
    ['zero decision days', { decisionStandardDays: 0 }, 'decisionStandardDays must be a whole number of at least 1.'],
    [
      'fractional hours',
      { decisionExpeditedHours: 1.5 },
      'decisionExpeditedHours must be a whole number of at least 1.',
    ],
    [
      'negative months',
      { externalReviewRequestMonths: -4 },
      'externalReviewRequestMonths must be a whole number of at least 1.',
    ],
    ['three appeal levels', { maxInternalAppealLevels: 3 }, 'maxInternalAppealLevels must be 0, 1 or 2.'],
    [
      'zero info hours',
      { infoResponseExpeditedHours: 0 },
      'infoResponseExpeditedHours must be a whole number of at least 1.',
    ],
    ['unknown plan type', { planType: 'tricare' as never }, 'Unknown plan type "tricare".'],
  ])('flags %s', (_name, change, problem) => {
    expect(validateDeadlineRule({ ...ERISA, ...change })).toEqual([problem]);
  });

  it('names the field of each problem, for the edit form', () => {
    expect(findDeadlineRuleProblems({ ...ERISA, appealFilingDays: 0, maxInternalAppealLevels: 3 })).toEqual([
      { field: 'appealFilingDays', reason: 'must be a whole number of at least 1' },
      { field: 'maxInternalAppealLevels', reason: 'must be 0, 1 or 2' },
    ]);
  });

  it('accepts a rule without the optional fields', () => {
    const { infoResponseExpeditedHours: _hours, source: _source, ...bare } = ERISA;
    expect(validateDeadlineRule(bare)).toEqual([]);
  });
});

describe('computeDeadlines: which clocks run', () => {
  const at = '2026-06-10T14:00:00.000Z';
  it.each<[string, Partial<CaseSnapshot>, DeadlineRule, ClockKind[]]>([
    ['documented', { status: 'documented' }, ERISA, []],
    ['submitted', { status: 'submitted', submittedAt: at }, ERISA, ['payer_decision']],
    ['submitted without a date', { status: 'submitted', submittedAt: null }, ERISA, []],
    ['submitted with a garbled date', { status: 'submitted', submittedAt: 'soon' }, ERISA, []],
    ['more info requested', { status: 'more_info_requested', infoRequestedAt: at }, ERISA, ['info_response']],
    [
      'denied, appeal levels left',
      { status: 'denied', deniedAt: at },
      ERISA,
      ['appeal_filing', 'peer_to_peer_request'],
    ],
    ['denied, peer-to-peer held', { status: 'denied', deniedAt: at, peerToPeerDone: true }, ERISA, ['appeal_filing']],
    [
      'denied after level 1 of 2',
      { status: 'denied', deniedAt: at, appealLevel: 1 },
      ERISA,
      ['appeal_filing', 'peer_to_peer_request'],
    ],
    [
      'denied after level 2 of 2',
      { status: 'denied', deniedAt: at, appealLevel: 2 },
      ERISA,
      ['external_review_request', 'peer_to_peer_request'],
    ],
    [
      'MA denied after reconsideration',
      { status: 'denied', deniedAt: at, appealLevel: 1 },
      MA,
      ['external_review_request', 'peer_to_peer_request'],
    ],
    ['denied without a date', { status: 'denied', deniedAt: null }, ERISA, []],
    ['peer-to-peer pending', { status: 'peer_to_peer', deniedAt: at }, ERISA, ['appeal_filing']],
    [
      'peer-to-peer after final level',
      { status: 'peer_to_peer', deniedAt: at, appealLevel: 2 },
      ERISA,
      ['external_review_request'],
    ],
    ['appealed', { status: 'appealed', appealedAt: at, appealLevel: 1 }, ERISA, ['appeal_decision']],
    [
      'external review',
      { status: 'external_review', externalReviewAt: at, appealLevel: 2 },
      ERISA,
      ['external_review_decision'],
    ],
    ['approved', { status: 'approved', validTo: '2026-09-30' }, ERISA, ['approval_expiry']],
    ['approved without an end date', { status: 'approved', validTo: null }, ERISA, []],
    [
      'partially approved',
      { status: 'partially_approved', validTo: '2026-09-30', decidedAt: at },
      ERISA,
      ['approval_expiry', 'appeal_filing'],
    ],
    [
      'partially approved after last level',
      { status: 'partially_approved', validTo: '2026-09-30', decidedAt: at, appealLevel: 2 },
      ERISA,
      ['approval_expiry'],
    ],
    ['expired', { status: 'expired', validTo: '2026-01-31', submittedAt: at }, ERISA, []],
    ['withdrawn', { status: 'withdrawn', submittedAt: at, deniedAt: at }, ERISA, []],
  ])('%s', (_name, overrides, rule, expected) => {
    const { clocks } = computeDeadlines(buildSnapshot(overrides), rule, ctx);
    expect(clocks.map((clock) => clock.kind)).toEqual(expected);
    for (const clock of clocks) {
      expect(clock.owner).toBe(CLOCK_OWNERS[clock.kind]);
      expect(clock.label).toBe(CLOCK_LABELS[clock.kind]);
    }
  });

  it('rejects an unknown time zone', () => {
    expect(() => computeDeadlines(buildSnapshot(), ERISA, { now: NOW, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('computeDeadlines: due times', () => {
  it.each<[string, Partial<CaseSnapshot>, ClockKind, DeadlineRule, string, string]>([
    // 7 days from the Saturday before the March DST switch (Sunday 2026-03-08): the end of the
    // 14th is in EDT, one hour earlier in UTC than a naive 24 h × 8 − 1 ms from EST midnight.
    [
      'MA 7 days across spring-forward',
      { status: 'submitted', submittedAt: '2026-03-07T15:00:00.000Z' },
      'payer_decision',
      MA,
      '2026-03-14',
      '2026-03-15T03:59:59.999Z',
    ],
    [
      'late Saturday evening counts from the local date',
      { status: 'submitted', submittedAt: '2026-03-08T04:30:00.000Z' },
      'payer_decision',
      MA,
      '2026-03-14',
      '2026-03-15T03:59:59.999Z',
    ],
    [
      'MA 7 days across fall-back',
      { status: 'submitted', submittedAt: '2026-10-31T12:00:00.000Z' },
      'payer_decision',
      MA,
      '2026-11-07',
      '2026-11-08T04:59:59.999Z',
    ],
    [
      'ERISA 15 days',
      { status: 'submitted', submittedAt: '2026-04-01T13:00:00.000Z' },
      'payer_decision',
      ERISA,
      '2026-04-16',
      '2026-04-17T03:59:59.999Z',
    ],
    [
      '72 hours across spring-forward',
      { status: 'submitted', urgency: 'expedited', submittedAt: '2026-03-07T15:00:00.000Z' },
      'payer_decision',
      MA,
      '2026-03-10',
      '2026-03-10T15:00:00.000Z',
    ],
    [
      '72 hours across fall-back',
      { status: 'submitted', urgency: 'expedited', submittedAt: '2026-10-31T12:00:00.000Z' },
      'payer_decision',
      ERISA,
      '2026-11-03',
      '2026-11-03T12:00:00.000Z',
    ],
    [
      'info response 45 days',
      { status: 'more_info_requested', infoRequestedAt: '2026-05-01T14:00:00.000Z' },
      'info_response',
      ERISA,
      '2026-06-15',
      '2026-06-16T03:59:59.999Z',
    ],
    [
      'urgent info response 48 hours',
      { status: 'more_info_requested', urgency: 'expedited', infoRequestedAt: '2026-06-14T20:00:00.000Z' },
      'info_response',
      ERISA,
      '2026-06-16',
      '2026-06-16T20:00:00.000Z',
    ],
    [
      'appeal filing 180 days',
      { status: 'denied', deniedAt: '2026-01-15T15:00:00.000Z' },
      'appeal_filing',
      ERISA,
      '2026-07-14',
      '2026-07-15T03:59:59.999Z',
    ],
    [
      'MA reconsideration 60 days',
      { status: 'denied', deniedAt: '2026-01-15T15:00:00.000Z' },
      'appeal_filing',
      MA,
      '2026-03-16',
      '2026-03-17T03:59:59.999Z',
    ],
    [
      'peer-to-peer 14 days',
      { status: 'denied', deniedAt: '2026-06-10T15:00:00.000Z' },
      'peer_to_peer_request',
      ERISA,
      '2026-06-24',
      '2026-06-25T03:59:59.999Z',
    ],
    [
      'partial approval appeal from the decision',
      {
        status: 'partially_approved',
        validTo: '2026-12-31',
        decidedAt: '2026-06-01T15:00:00.000Z',
        deniedAt: '2026-01-01T15:00:00.000Z',
      },
      'appeal_filing',
      ERISA,
      '2026-11-28',
      '2026-11-29T04:59:59.999Z',
    ],
    [
      'appeal decision 30 days',
      { status: 'appealed', appealedAt: '2026-06-01T15:00:00.000Z' },
      'appeal_decision',
      ERISA,
      '2026-07-01',
      '2026-07-02T03:59:59.999Z',
    ],
    [
      'expedited appeal decision 72 hours',
      { status: 'appealed', urgency: 'expedited', appealedAt: '2026-06-01T15:00:00.000Z' },
      'appeal_decision',
      ERISA,
      '2026-06-04',
      '2026-06-04T15:00:00.000Z',
    ],
    [
      'external review decision 45 days',
      { status: 'external_review', externalReviewAt: '2026-06-01T15:00:00.000Z' },
      'external_review_decision',
      ERISA,
      '2026-07-16',
      '2026-07-17T03:59:59.999Z',
    ],
    [
      'expedited external review 72 hours',
      { status: 'external_review', urgency: 'expedited', externalReviewAt: '2026-06-01T15:00:00.000Z' },
      'external_review_decision',
      ERISA,
      '2026-06-04',
      '2026-06-04T15:00:00.000Z',
    ],
    [
      'approval expires at the end of validTo',
      { status: 'approved', validFrom: '2026-06-01', validTo: '2026-08-31' },
      'approval_expiry',
      ERISA,
      '2026-08-31',
      '2026-09-01T03:59:59.999Z',
    ],
    [
      'approval expiring in winter time',
      { status: 'approved', validTo: '2026-12-31' },
      'approval_expiry',
      ERISA,
      '2026-12-31',
      '2027-01-01T04:59:59.999Z',
    ],
  ])('%s', (_name, overrides, kind, rule, dueDate, dueAt) => {
    const clock = findClock(buildSnapshot(overrides), kind, rule);
    expect(clock.dueDate).toBe(dueDate);
    expect(clock.dueAt).toBe(dueAt);
    expect(clock.msRemaining).toBe(Date.parse(dueAt) - NOW.getTime());
    expect(clock.overdue).toBe(Date.parse(dueAt) < NOW.getTime());
  });

  it('runs an hours clock for exactly that many real hours across DST', () => {
    const clock = findClock(
      buildSnapshot({ status: 'submitted', urgency: 'expedited', submittedAt: '2026-03-07T15:00:00.000Z' }),
      'payer_decision',
      MA,
    );
    expect(Date.parse(clock.dueAt) - Date.parse('2026-03-07T15:00:00.000Z')).toBe(72 * HOUR);
    expect(clock.startedAt).toBe('2026-03-07T15:00:00.000Z');
    expect(clock.basis).toBe('72 hours');
  });

  it('makes a day clock that spans spring-forward one hour shorter in real time', () => {
    const clock = findClock(
      buildSnapshot({ status: 'submitted', submittedAt: '2026-03-07T05:00:00.000Z' }),
      'payer_decision',
      MA,
    );
    // Local midnight Mar 7 (EST) to the end of Mar 14 (EDT): 8 local days minus the lost hour.
    expect(Date.parse(clock.dueAt) - Date.parse('2026-03-07T05:00:00.000Z')).toBe(8 * DAY - HOUR - 1);
    expect(clock.basis).toBe('7 calendar days');
  });

  it.each([
    ['Pacific/Honolulu', '2026-03-14', '2026-03-15T09:59:59.999Z'],
    ['Asia/Tokyo', '2026-03-15', '2026-03-15T14:59:59.999Z'],
    ['America/Los_Angeles', '2026-03-14', '2026-03-15T06:59:59.999Z'],
  ])('counts days in the clinic zone %s', (timeZone, dueDate, dueAt) => {
    const clock = findClock(
      buildSnapshot({ status: 'submitted', submittedAt: '2026-03-07T15:00:00.000Z' }),
      'payer_decision',
      MA,
      timeZone,
    );
    expect([clock.dueDate, clock.dueAt]).toEqual([dueDate, dueAt]);
  });

  it('falls back to 48 hours for an urgent info request when the rule row lacks the field', () => {
    const { infoResponseExpeditedHours: _hours, ...legacy } = ERISA;
    const clock = findClock(
      buildSnapshot({
        status: 'more_info_requested',
        urgency: 'expedited',
        infoRequestedAt: '2026-06-14T20:00:00.000Z',
      }),
      'info_response',
      legacy,
    );
    expect(clock.dueAt).toBe('2026-06-16T20:00:00.000Z');
  });
});

describe('weekends and holidays', () => {
  // Every clock but the external-review request keeps its date: a later date than the payer
  // accepts would make the clinic miss it.
  it.each<[string, Partial<CaseSnapshot>, ClockKind, DeadlineRule, string]>([
    [
      'payer decision on a Sunday',
      { status: 'submitted', submittedAt: '2026-04-26T15:00:00.000Z' },
      'payer_decision',
      MA,
      '2026-05-03',
    ],
    [
      'payer decision on a Saturday',
      { status: 'submitted', submittedAt: '2026-04-17T15:00:00.000Z' },
      'payer_decision',
      ERISA,
      '2026-05-02',
    ],
    [
      'appeal filing on July 4',
      { status: 'denied', deniedAt: '2026-05-05T14:00:00.000Z' },
      'appeal_filing',
      MA,
      '2026-07-04',
    ],
    [
      'appeal filing on observed July 3',
      { status: 'denied', deniedAt: '2026-05-04T14:00:00.000Z' },
      'appeal_filing',
      MA,
      '2026-07-03',
    ],
    [
      'info response on Christmas',
      { status: 'more_info_requested', infoRequestedAt: '2026-11-10T15:00:00.000Z' },
      'info_response',
      ERISA,
      '2026-12-25',
    ],
    [
      'peer-to-peer on a Saturday',
      { status: 'denied', deniedAt: '2026-06-06T15:00:00.000Z' },
      'peer_to_peer_request',
      ERISA,
      '2026-06-20',
    ],
    [
      'appeal decision on Thanksgiving',
      { status: 'appealed', appealedAt: '2026-10-27T15:00:00.000Z' },
      'appeal_decision',
      ERISA,
      '2026-11-26',
    ],
    [
      'external review decision on July 4',
      { status: 'external_review', externalReviewAt: '2026-05-20T15:00:00.000Z' },
      'external_review_decision',
      ERISA,
      '2026-07-04',
    ],
    [
      'approval expiring on New Year’s Day',
      { status: 'approved', validTo: '2027-01-01' },
      'approval_expiry',
      ERISA,
      '2027-01-01',
    ],
  ])('%s does not move', (_name, overrides, kind, rule, dueDate) => {
    expect(findClock(buildSnapshot(overrides), kind, rule).dueDate).toBe(dueDate);
  });

  it.each([
    ['Saturday July 4 → Monday', '2026-03-04T15:00:00.000Z', '2026-07-06'],
    ['Sunday → Monday', '2026-01-03T15:00:00.000Z', '2026-05-04'],
    ['Friday July 4 → Monday', '2025-03-04T15:00:00.000Z', '2025-07-07'],
    ['Oct 30 → Mar 1 (a Sunday) → Monday', '2025-10-30T15:00:00.000Z', '2026-03-02'],
    ['Christmas observed Friday, then weekend', '2027-08-24T15:00:00.000Z', '2027-12-27'],
    ['Aug 31 → Dec 31 (a Thursday)', '2026-08-31T15:00:00.000Z', '2026-12-31'],
    ['leap day Feb 29 2028 (a Tuesday)', '2027-10-29T15:00:00.000Z', '2028-02-29'],
    ['a business day stays', '2026-06-15T15:00:00.000Z', '2026-10-15'],
    ['the local date of a late-evening notice counts', '2026-03-05T03:00:00.000Z', '2026-07-06'],
  ])('external review request: %s', (_name, deniedAt, dueDate) => {
    const clock = findClock(buildSnapshot({ status: 'denied', appealLevel: 2, deniedAt }), 'external_review_request');
    expect(clock.dueDate).toBe(dueDate);
    expect(clock.dueAt).toBe(computeExternalReviewDeadline(buildSnapshot({ deniedAt }), ERISA, ctx)?.dueAt);
    expect(clock.basis).toBe('4 months, next business day');
  });

  it('ends the external review window at the end of the local business day', () => {
    const clock = computeExternalReviewDeadline(buildSnapshot({ deniedAt: '2026-03-04T15:00:00.000Z' }), ERISA, ctx);
    expect(clock?.dueAt).toBe('2026-07-07T03:59:59.999Z');
  });
});

describe('current clock', () => {
  const deniedAt = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

  it('is the earliest running clock', () => {
    const { current } = computeDeadlines(buildSnapshot({ status: 'denied', deniedAt: deniedAt(3) }), ERISA, ctx);
    expect(current?.kind).toBe('peer_to_peer_request');
  });

  it('skips a window that has closed while another still runs', () => {
    const { clocks, current } = computeDeadlines(
      buildSnapshot({ status: 'denied', deniedAt: deniedAt(20) }),
      ERISA,
      ctx,
    );
    expect(clocks.find((clock) => clock.kind === 'peer_to_peer_request')?.overdue).toBe(true);
    expect(current?.kind).toBe('appeal_filing');
  });

  it('is the clock that passed last once all have passed', () => {
    const { current } = computeDeadlines(buildSnapshot({ status: 'denied', deniedAt: deniedAt(400) }), ERISA, ctx);
    expect(current).toMatchObject({ kind: 'appeal_filing', overdue: true });
  });

  it('is an overdue payer clock when the payer is late', () => {
    const { current } = computeDeadlines(buildSnapshot({ status: 'submitted', submittedAt: deniedAt(20) }), ERISA, ctx);
    expect(current).toMatchObject({ kind: 'payer_decision', owner: 'payer', overdue: true });
    expect(current?.msRemaining).toBeLessThan(0);
  });

  it('is null when nothing runs', () => {
    expect(computeDeadlines(buildSnapshot(), ERISA, ctx)).toEqual({ clocks: [], current: null });
  });
});

describe('window checks', () => {
  const denial = buildSnapshot({ status: 'denied', deniedAt: '2026-01-15T15:00:00.000Z' });
  // 180 days after Jan 15 is July 14; the window closes at 23:59:59.999 EDT.
  it.each([
    ['2026-07-14T12:00:00.000Z', true],
    ['2026-07-15T03:59:59.999Z', true],
    ['2026-07-15T04:00:00.000Z', false],
  ])('appeal window at %s open: %s', (now, open) => {
    expect(isWithinAppealWindow(denial, ERISA, { now: new Date(now), timeZone: TIME_ZONE })).toBe(open);
  });

  it('has no appeal window without a denial date', () => {
    expect(isWithinAppealWindow(buildSnapshot({ status: 'denied' }), ERISA, ctx)).toBe(false);
  });

  it.each([
    ['2026-07-06T20:00:00.000Z', true],
    ['2026-07-07T03:59:59.999Z', true],
    ['2026-07-07T04:00:00.000Z', false],
  ])('external review window at %s open: %s', (now, open) => {
    const snapshot = buildSnapshot({ status: 'denied', appealLevel: 2, deniedAt: '2026-03-04T15:00:00.000Z' });
    expect(isWithinExternalReviewWindow(snapshot, ERISA, { now: new Date(now), timeZone: TIME_ZONE })).toBe(open);
  });

  it('marks a clock overdue only after its due instant', () => {
    const snapshot = buildSnapshot({ status: 'submitted', submittedAt: '2026-06-01T15:00:00.000Z' });
    const onTime = computeDeadlines(snapshot, ERISA, {
      now: new Date('2026-06-17T03:59:59.999Z'),
      timeZone: TIME_ZONE,
    });
    const late = computeDeadlines(snapshot, ERISA, { now: new Date('2026-06-17T04:00:00.000Z'), timeZone: TIME_ZONE });
    expect(onTime.current).toMatchObject({ overdue: false, msRemaining: 0 });
    expect(late.current).toMatchObject({ overdue: true, msRemaining: -1 });
  });
});

describe('formatClock', () => {
  const buildClockDue = (kind: ClockKind, offsetMs: number): Clock => ({
    kind,
    label: CLOCK_LABELS[kind],
    owner: CLOCK_OWNERS[kind],
    dueAt: new Date(NOW.getTime() + offsetMs).toISOString(),
    dueDate: '2026-06-20',
    overdue: offsetMs < 0,
    msRemaining: offsetMs,
    startedAt: null,
    basis: '',
  });

  it.each<[ClockKind, number, string]>([
    ['payer_decision', 2 * DAY + 5 * HOUR, 'Payer decision due in 2 d'],
    ['payer_decision', -(3 * DAY + 2 * HOUR), 'Payer decision overdue by 3 d'],
    ['payer_decision', 48 * HOUR, 'Payer decision due in 2 d'],
    ['payer_decision', 48 * HOUR - 60_000, 'Payer decision due in 47 h'],
    ['payer_decision', 90 * 60_000, 'Payer decision due in 1 h'],
    ['payer_decision', 30 * 60_000, 'Payer decision due in 30 min'],
    ['payer_decision', 10_000, 'Payer decision due in less than 1 min'],
    ['appeal_filing', 5 * DAY, 'Appeal window closes in 5 d'],
    ['appeal_filing', -5 * HOUR, 'Appeal window closed 5 h ago'],
    ['info_response', 6 * DAY, 'Requested info due in 6 d'],
    ['info_response', -2 * DAY, 'Requested info overdue by 2 d'],
    ['peer_to_peer_request', 36 * HOUR, 'Peer-to-peer window closes in 36 h'],
    ['peer_to_peer_request', -4 * DAY, 'Peer-to-peer window closed 4 d ago'],
    ['appeal_decision', 29 * DAY, 'Appeal decision due in 29 d'],
    ['appeal_decision', -1 * HOUR, 'Appeal decision overdue by 1 h'],
    ['external_review_request', 100 * DAY, 'External review window closes in 100 d'],
    ['external_review_request', -3 * DAY, 'External review window closed 3 d ago'],
    ['external_review_decision', 47 * HOUR, 'External review decision due in 47 h'],
    ['external_review_decision', -50 * HOUR, 'External review decision overdue by 2 d'],
    ['approval_expiry', 10 * DAY, 'Authorization expires in 10 d'],
    ['approval_expiry', -12 * DAY, 'Authorization expired 12 d ago'],
  ])('%s at %i ms reads "%s"', (kind, offset, text) => {
    expect(formatClock(buildClockDue(kind, offset), NOW)).toBe(text);
  });

  it('measures from the now it is given, not from when the clock was computed', () => {
    const clock = buildClockDue('payer_decision', 3 * DAY);
    expect(formatClock(clock, new Date(NOW.getTime() + 4 * DAY))).toBe('Payer decision overdue by 24 h');
  });

  it('has copy for every clock kind', () => {
    for (const kind of CLOCK_KINDS) {
      expect(formatClock(buildClockDue(kind, DAY * 3), NOW)).toMatch(/ 3 d$/);
      expect(formatClock(buildClockDue(kind, -DAY * 3), NOW)).toMatch(/3 d/);
    }
  });

  it.each([
    [0, 'less than 1 min'],
    [59_999, 'less than 1 min'],
    [60_000, '1 min'],
    [HOUR, '1 h'],
    [-47 * HOUR, '47 h'],
    [49 * HOUR, '2 d'],
    [-72 * HOUR, '3 d'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("an information request's own due date", () => {
  const rule = DEFAULT_DEADLINE_RULES.commercial_erisa;
  const requested = buildSnapshot({
    status: 'more_info_requested',
    submittedAt: '2026-06-01T14:00:00.000Z',
    infoRequestedAt: '2026-06-02T14:00:00.000Z',
  });
  const infoClock = (snapshot: typeof requested) =>
    computeDeadlines(snapshot, rule, {
      now: new Date('2026-06-03T12:00:00.000Z'),
      timeZone: 'America/New_York',
    }).clocks.find((c) => c.kind === 'info_response');

  it('becomes the clock when earlier than the rule', () => {
    expect(infoClock({ ...requested, infoDueOn: '2026-06-09' })).toMatchObject({
      dueDate: '2026-06-09',
      basis: "by 2026-06-09, the date the payer's information request names",
    });
  });

  it('leaves the rule when it is later', () => {
    const byRule = infoClock(requested);
    expect(infoClock({ ...requested, infoDueOn: '2027-01-01' })).toEqual(byRule);
  });
});
