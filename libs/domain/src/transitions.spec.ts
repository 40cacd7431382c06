import { CASE_STATUSES, type CaseStatus } from './case-status';
import { DEFAULT_DEADLINE_RULES } from './deadlines';
import { ROLES, type Role } from './roles';
import type { CaseSnapshot, TransitionInput } from './snapshot';
import {
  buildCompleteInput,
  buildContext,
  buildSnapshot,
  buildSnapshotReadyFor,
  NOW,
  TIME_ZONE,
} from './testing/case-fixtures';
import {
  appealOutcome,
  applyTransition,
  assertTransition,
  availableTransitions,
  checkTransitionRequest,
  CLOCK_SKEW_MS,
  findAnsweredEvent,
  GUARD_NAMES,
  GUARDS,
  isTransitionError,
  TRANSITIONS,
  TransitionError,
  type TransitionErrorCode,
} from './transitions';

// Written out from the spec rather than derived from TRANSITIONS, so the table is checked
// against the requirement and not against itself.
const EXPECTED_EDGES: Record<CaseStatus, readonly CaseStatus[]> = {
  documented: ['submitted', 'self_pay', 'withdrawn'],
  submitted: ['more_info_requested', 'approved', 'partially_approved', 'denied', 'withdrawn'],
  more_info_requested: ['submitted', 'denied', 'withdrawn'],
  approved: ['completed', 'expired', 'withdrawn'],
  partially_approved: ['completed', 'expired', 'appealed', 'withdrawn'],
  denied: ['peer_to_peer', 'appealed', 'external_review', 'self_pay', 'withdrawn'],
  peer_to_peer: ['approved', 'partially_approved', 'denied', 'withdrawn'],
  appealed: ['approved', 'partially_approved', 'denied', 'withdrawn'],
  external_review: ['approved', 'denied', 'withdrawn'],
  self_pay: ['withdrawn'],
  expired: [],
  withdrawn: [],
  completed: [],
};

const ROLES_BY_TARGET: Record<CaseStatus, readonly Role[]> = {
  documented: [],
  submitted: ['front_desk', 'physician', 'manager'],
  more_info_requested: ['front_desk', 'manager'],
  approved: ['front_desk', 'manager'],
  partially_approved: ['front_desk', 'manager'],
  denied: ['front_desk', 'manager'],
  expired: ['front_desk', 'manager'],
  peer_to_peer: ['physician', 'front_desk', 'manager'],
  appealed: ['physician', 'front_desk', 'manager'],
  external_review: ['physician', 'front_desk', 'manager'],
  withdrawn: ['front_desk', 'physician', 'manager'],
  self_pay: ['front_desk', 'physician', 'manager'],
  completed: ['front_desk', 'physician', 'manager'],
};

const EDGES = CASE_STATUSES.flatMap((from) => EXPECTED_EDGES[from].map((to) => [from, to] as const));

function captureError(run: () => unknown): TransitionError {
  try {
    run();
  } catch (error) {
    if (isTransitionError(error)) return error;
    throw error;
  }
  throw new Error('Expected a TransitionError, but the transition was accepted.');
}

function expectTransitionError(
  run: () => unknown,
  code: TransitionErrorCode,
  reasonMatchers: readonly (string | RegExp)[] = [],
): TransitionError {
  const error = captureError(run);
  expect(error.code).toBe(code);
  expect(error.reasons.length).toBeGreaterThan(0);
  for (const matcher of reasonMatchers) {
    expect(
      error.reasons.some((reason) => (typeof matcher === 'string' ? reason.includes(matcher) : matcher.test(reason))),
    ).toBe(true);
  }
  return error;
}

describe('TRANSITIONS table', () => {
  it('has an entry for every status and the same edges as the spec', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_STATUSES].sort());
    for (const from of CASE_STATUSES) {
      expect(TRANSITIONS[from].map((transition) => transition.to).sort()).toEqual([...EXPECTED_EDGES[from]].sort());
    }
  });

  it('never lets admin take a case transition', () => {
    const edgesWithAdmin = CASE_STATUSES.flatMap((from) => TRANSITIONS[from]).filter((t) => t.roles.includes('admin'));
    expect(edgesWithAdmin).toEqual([]);
  });

  it('names only known guards, each once per edge', () => {
    for (const transition of CASE_STATUSES.flatMap((from) => TRANSITIONS[from])) {
      for (const guard of transition.guards) expect(GUARD_NAMES).toContain(guard);
      expect(new Set(transition.guards).size).toBe(transition.guards.length);
    }
  });

  it.each([
    ['documented', 'submitted', ['readiness']],
    ['more_info_requested', 'submitted', ['readiness']],
    ['submitted', 'more_info_requested', ['info_request_note']],
    ['submitted', 'approved', ['authorization']],
    ['submitted', 'partially_approved', ['authorization', 'partial_units']],
    ['submitted', 'denied', ['denial_code']],
    ['appealed', 'denied', ['denial_code']],
    ['approved', 'expired', ['validity_passed']],
    ['partially_approved', 'expired', ['validity_passed']],
    ['approved', 'completed', ['units_used']],
    ['partially_approved', 'completed', ['units_used']],
    ['denied', 'appealed', ['appeal_documentation', 'appeal_level', 'appeal_levels_remaining', 'appeal_window']],
    [
      'partially_approved',
      'appealed',
      ['appeal_documentation', 'appeal_level', 'appeal_levels_remaining', 'appeal_window'],
    ],
    ['denied', 'external_review', ['final_internal_denial', 'external_review_window']],
    ['denied', 'peer_to_peer', []],
    ['documented', 'withdrawn', ['withdraw_reason']],
    ['documented', 'self_pay', ['criteria_not_met', 'self_pay_decision', 'self_pay_estimate']],
    [
      'denied',
      'self_pay',
      ['not_medically_necessary_denial', 'appeals_closed', 'self_pay_decision', 'self_pay_estimate'],
    ],
  ] as const)('%s → %s is guarded by %j (plus occurred_at)', (from, to, guards) => {
    const transition = TRANSITIONS[from].find((t) => t.to === to);
    expect(transition?.guards).toEqual([...guards, 'occurred_at']);
  });

  it('has a label and an action on every edge', () => {
    for (const transition of CASE_STATUSES.flatMap((from) => TRANSITIONS[from])) {
      expect(transition.label.trim()).not.toBe('');
      expect(transition.action).toMatch(/^[a-z_]+$/);
    }
  });
});

describe('assertTransition: from × to matrix', () => {
  const matrix = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.map((to) => [from, to, EXPECTED_EDGES[from].includes(to)] as const),
  );

  it('covers all 169 pairs (13 states × 13)', () => {
    expect(matrix).toHaveLength(169);
  });

  it.each(matrix)('%s → %s allowed: %s', (from, to, allowed) => {
    const snapshot = buildSnapshotReadyFor(from, to);
    const run = () => assertTransition(snapshot, to, ['manager'], buildCompleteInput(snapshot), buildContext());
    if (allowed) {
      expect(run().to).toBe(to);
    } else {
      expectTransitionError(run, 'not_allowed');
    }
  });

  it('reports not_allowed before forbidden', () => {
    const snapshot = buildSnapshot({ status: 'approved' });
    expectTransitionError(() => assertTransition(snapshot, 'submitted', ['admin'], {}, buildContext()), 'not_allowed', [
      'cannot move to "Submitted"',
      '"Expired" or "Withdrawn"',
    ]);
  });

  it.each(['expired', 'withdrawn', 'completed'] as const)('explains that %s is final', (status) => {
    expectTransitionError(
      () => assertTransition(buildSnapshot({ status }), 'submitted', ['manager'], {}, buildContext()),
      'not_allowed',
      [/is final/],
    );
  });

  it('rejects an unknown target status coming from the API as not_allowed', () => {
    const error = expectTransitionError(
      () => assertTransition(buildSnapshot(), 'closed' as CaseStatus, ['manager'], {}, buildContext()),
      'not_allowed',
      ['"closed" is not a case status.'],
    );
    expect(error.from).toBe('documented');
    expect(error.to).toBe('closed');
  });

  it('rejects staying in the same status', () => {
    expectTransitionError(
      () => assertTransition(buildSnapshot({ status: 'submitted' }), 'submitted', ['manager'], {}, buildContext()),
      'not_allowed',
      ['already "Submitted"'],
    );
  });
});

describe('assertTransition: roles', () => {
  const rows = EDGES.flatMap(([from, to]) =>
    ROLES.map((role) => [from, to, role, ROLES_BY_TARGET[to].includes(role)] as const),
  );

  it.each(rows)('%s → %s by %s allowed: %s', (from, to, role, allowed) => {
    const snapshot = buildSnapshotReadyFor(from, to);
    const run = () => assertTransition(snapshot, to, [role], buildCompleteInput(snapshot), buildContext());
    if (allowed) {
      expect(run().roles).toContain(role);
    } else {
      expectTransitionError(run, 'forbidden', [/^Only .+ may ".+"\.$/]);
    }
  });

  it('accepts when any one of several roles may take the edge', () => {
    const snapshot = buildSnapshot();
    expect(assertTransition(snapshot, 'submitted', ['admin', 'physician'], {}, buildContext()).to).toBe('submitted');
  });

  it('forbids an actor without roles', () => {
    expectTransitionError(() => assertTransition(buildSnapshot(), 'submitted', [], {}, buildContext()), 'forbidden', [
      'Only front desk, physician or manager may "Submit to payer".',
    ]);
  });

  it('checks roles before guards', () => {
    const notReady = buildSnapshot({ diagnoses: [] });
    expectTransitionError(() => assertTransition(notReady, 'submitted', ['admin'], {}, buildContext()), 'forbidden');
  });
});

type GuardCase = readonly [
  name: string,
  from: CaseStatus,
  to: CaseStatus,
  snapshot: Partial<CaseSnapshot>,
  input: TransitionInput,
  expected: readonly (string | RegExp)[] | 'pass',
];

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const GUARD_CASES: readonly GuardCase[] = [
  // units used (the fixture requests 2 units; a full approval approves them all)
  ['every approved unit used completes', 'approved', 'completed', { unitsUsed: 2 }, {}, 'pass'],
  [
    'units left block completion',
    'approved',
    'completed',
    { unitsUsed: 1 },
    {},
    ['1 of the 2 approved units are used'],
  ],
  [
    'a partial approval completes on its own units',
    'partially_approved',
    'completed',
    { approvedUnits: 1, unitsUsed: 1 },
    {},
    'pass',
  ],
  // readiness
  ['ready case submits', 'documented', 'submitted', {}, {}, 'pass'],
  [
    'missing diagnosis blocks submit',
    'documented',
    'submitted',
    { diagnoses: [] },
    {},
    ['Add at least one ICD-10-CM diagnosis.'],
  ],
  ['missing photo blocks resubmission', 'more_info_requested', 'submitted', { photoCount: 0 }, {}, [/dated photo/]],
  // info request
  ['info request with a note', 'submitted', 'more_info_requested', {}, { note: 'Needs photos with a ruler' }, 'pass'],
  [
    'info request without a note',
    'submitted',
    'more_info_requested',
    {},
    { note: '  ' },
    [/what information the payer asked for/],
  ],
  // approval
  [
    'approval complete',
    'submitted',
    'approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-06-15' },
    'pass',
  ],
  [
    'approval without a number',
    'submitted',
    'approved',
    {},
    { validFrom: '2026-06-15', validTo: '2026-07-15' },
    ['authorization number'],
  ],
  ['approval without dates', 'submitted', 'approved', {}, { authorizationNumber: 'A1' }, [/validity window/]],
  [
    'approval with a malformed date',
    'submitted',
    'approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-02-30', validTo: '2026-07-15' },
    [/validity window/],
  ],
  [
    'approval window reversed',
    'peer_to_peer',
    'approved',
    { deniedAt: daysAgo(1) },
    { authorizationNumber: 'A1', validFrom: '2026-07-15', validTo: '2026-07-01' },
    ['ends (2026-07-01) before it starts (2026-07-15)'],
  ],
  // partial approval (the fixture requests 2 units)
  [
    'partial with 1 of 2 units',
    'submitted',
    'partially_approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-07-15', approvedUnits: 1 },
    'pass',
  ],
  [
    'partial without units',
    'submitted',
    'partially_approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-07-15' },
    [/number of approved units/],
  ],
  [
    'partial with 0 units',
    'appealed',
    'partially_approved',
    { appealLevel: 1 },
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-07-15', approvedUnits: 0 },
    [/number of approved units/],
  ],
  [
    'partial with fractional units',
    'submitted',
    'partially_approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-07-15', approvedUnits: 1.5 },
    [/number of approved units/],
  ],
  [
    'partial with all requested units',
    'submitted',
    'partially_approved',
    {},
    { authorizationNumber: 'A1', validFrom: '2026-06-15', validTo: '2026-07-15', approvedUnits: 2 },
    ['fewer units than the 2 requested'],
  ],
  // denial
  ['denial with CO-50', 'submitted', 'denied', {}, { denialCode: 'CO-50' }, 'pass'],
  ['denial with a lower-case code', 'more_info_requested', 'denied', {}, { denialCode: ' co-197 ' }, 'pass'],
  ['denial with PR-96', 'external_review', 'denied', { appealLevel: 2 }, { denialCode: 'PR-96' }, 'pass'],
  [
    'denial without a code',
    'submitted',
    'denied',
    {},
    { denialText: 'cosmetic' },
    ['A denial needs a CARC reason code such as CO-50.'],
  ],
  [
    "denial with the payer's own reason from an electronic answer, no CARC",
    'submitted',
    'denied',
    {},
    { payerReason: 'X12 review decision reason 0U' },
    'pass',
  ],
  [
    "a payer's own reason does not excuse an invalid CARC",
    'submitted',
    'denied',
    {},
    { denialCode: 'nope', payerReason: 'X12 review decision reason 0U' },
    ['"nope" is not a CARC reason code'],
  ],
  [
    'denial with a bare number',
    'appealed',
    'denied',
    { appealLevel: 1 },
    { denialCode: '50' },
    ['"50" is not a CARC reason code'],
  ],
  // self-pay
  [
    'self-pay with criteria not met',
    'documented',
    'self_pay',
    { findings: { criteria: [] } },
    { reason: 'Cosmetic by policy', estimateCents: 30_000, estimateDescription: '17110' },
    'pass',
  ],
  [
    'self-pay of a case ready to submit',
    'documented',
    'self_pay',
    {},
    { reason: 'Patient prefers to pay', estimateCents: 30_000, estimateDescription: '17110' },
    [/checklist passes: submit the request/],
  ],
  [
    'self-pay after a CO-50 denial the patient will not appeal',
    'denied',
    'self_pay',
    { denialCode: 'CO-50', deniedAt: '2026-06-10T12:00:00Z' },
    { reason: 'Patient declined to appeal', appealsDeclined: true, estimateCents: 1, estimateDescription: '17110' },
    'pass',
  ],
  [
    'self-pay after a CO-197 denial',
    'denied',
    'self_pay',
    { denialCode: 'CO-197', deniedAt: '2026-06-10T12:00:00Z' },
    { reason: 'x', appealsDeclined: true, estimateCents: 100, estimateDescription: '17110' },
    [/this denial is CO-197/],
  ],
  [
    'self-pay after a CO-50 denial with appeals open',
    'denied',
    'self_pay',
    { denialCode: 'CO-50', deniedAt: '2026-06-10T12:00:00Z' },
    { reason: 'x', estimateCents: 100, estimateDescription: '17110' },
    [/The denial is not final yet/],
  ],
  [
    'self-pay without decision or estimate',
    'denied',
    'self_pay',
    { denialCode: 'CO-50', appealLevel: 2, externalReviewAt: '2026-06-01T12:00:00Z' },
    {},
    [/Record the decision/, /Record the estimate/, /Describe what the estimate covers/],
  ],
  // withdrawal
  ['withdrawal with a reason', 'submitted', 'withdrawn', {}, { reason: 'Self-pay' }, 'pass'],
  ['withdrawal with only a note', 'approved', 'withdrawn', {}, { note: 'Procedure no longer needed' }, 'pass'],
  ['withdrawal without a reason', 'documented', 'withdrawn', {}, {}, [/why the request is withdrawn/]],
  // expiry
  ['expiry after validTo', 'approved', 'expired', { validTo: '2026-06-14' }, {}, 'pass'],
  ['expiry on the last valid day', 'approved', 'expired', { validTo: '2026-06-15' }, {}, ['valid through 2026-06-15']],
  [
    'expiry without validTo',
    'partially_approved',
    'expired',
    { validTo: null },
    {},
    ['No authorization end date is recorded.'],
  ],
  // appeal
  [
    'level-1 appeal with a letter',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10) },
    { appealLevel: 1, letterAttached: true },
    'pass',
  ],
  [
    'level-2 appeal with new documentation',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10), appealLevel: 1 },
    { appealLevel: 2, newDocumentation: true },
    'pass',
  ],
  [
    'appeal with neither letter nor documentation',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10) },
    { appealLevel: 1 },
    ['An appeal needs a letter of medical necessity or new documentation.'],
  ],
  [
    'appeal skipping a level',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10) },
    { appealLevel: 2, letterAttached: true },
    ['This appeal is level 1, not level 2.'],
  ],
  [
    'appeal repeating a level',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10), appealLevel: 1 },
    { appealLevel: 1, letterAttached: true },
    ['This appeal is level 2, not level 1.'],
  ],
  [
    'appeal without a level',
    'partially_approved',
    'appealed',
    { decidedAt: daysAgo(10) },
    { letterAttached: true },
    ['(level 1)'],
  ],
  [
    'appeal after both levels',
    'denied',
    'appealed',
    { deniedAt: daysAgo(10), appealLevel: 2 },
    { appealLevel: 2, letterAttached: true },
    ['All 2 internal appeal levels are used'],
  ],
  [
    'appeal on the 180th day',
    'denied',
    'appealed',
    { deniedAt: '2025-12-17T15:00:00.000Z' },
    { appealLevel: 1, letterAttached: true },
    'pass',
  ],
  [
    'appeal on the 181st day',
    'denied',
    'appealed',
    { deniedAt: '2025-12-16T15:00:00.000Z' },
    { appealLevel: 1, letterAttached: true },
    ['The appeal window closed on 2026-06-14 (180 days after the denial notice).'],
  ],
  [
    'appeal without a denial date',
    'denied',
    'appealed',
    { deniedAt: null },
    { appealLevel: 1, letterAttached: true },
    [/No denial date/],
  ],
  [
    'late appeal filed in time (occurredAt)',
    'denied',
    'appealed',
    { deniedAt: '2025-12-16T15:00:00.000Z' },
    { appealLevel: 1, letterAttached: true, occurredAt: '2026-06-13T14:00:00.000Z' },
    'pass',
  ],
  // external review
  ['external review after level 2', 'denied', 'external_review', { deniedAt: daysAgo(10), appealLevel: 2 }, {}, 'pass'],
  [
    'external review after level 1 only',
    'denied',
    'external_review',
    { deniedAt: daysAgo(10), appealLevel: 1 },
    {},
    ['1 of 2 internal levels used'],
  ],
  [
    'external review straight after the first denial',
    'denied',
    'external_review',
    { deniedAt: daysAgo(10), appealLevel: 0 },
    {},
    ['0 of 2 internal levels used'],
  ],
  // Final denial 2026-02-13 → June 13 (Saturday) → Monday June 15: still open on the 15th.
  [
    'external review on the rolled business day',
    'denied',
    'external_review',
    { deniedAt: '2026-02-13T15:00:00.000Z', appealLevel: 2 },
    {},
    'pass',
  ],
  [
    'external review after the window',
    'denied',
    'external_review',
    { deniedAt: '2026-02-12T15:00:00.000Z', appealLevel: 2 },
    {},
    ['closed on 2026-06-12 (4 months after the final denial)'],
  ],
  ['external review without a denial date', 'denied', 'external_review', { appealLevel: 2 }, {}, [/No denial date/]],
  // peer to peer has no guard besides the event time
  ['peer-to-peer request', 'denied', 'peer_to_peer', { deniedAt: daysAgo(30) }, {}, 'pass'],
  // occurredAt
  [
    'event time in the future',
    'submitted',
    'denied',
    {},
    { denialCode: 'CO-50', occurredAt: '2026-06-16T00:00:00.000Z' },
    ['The event time cannot be in the future.'],
  ],
  [
    'event time not a date',
    'submitted',
    'denied',
    {},
    { denialCode: 'CO-50', occurredAt: 'yesterday' },
    [/not a date-time/],
  ],
];

describe('assertTransition: guards', () => {
  it.each(GUARD_CASES)('%s', (_name, from, to, snapshotOverrides, input, expected) => {
    const snapshot = buildSnapshot({ status: from, ...snapshotOverrides });
    const run = () => assertTransition(snapshot, to, ['manager'], input, buildContext());
    if (expected === 'pass') {
      expect(run().to).toBe(to);
    } else {
      expectTransitionError(run, 'guard_failed', expected);
    }
  });

  it('exercises every guard', () => {
    const guarded = new Set(
      GUARD_CASES.flatMap(([, from, to]) => TRANSITIONS[from].find((t) => t.to === to)?.guards ?? []),
    );
    expect([...guarded].sort()).toEqual([...GUARD_NAMES].sort());
  });

  it('lists every failing guard, not just the first', () => {
    const snapshot = buildSnapshot({ status: 'denied', appealLevel: 2, deniedAt: '2025-01-01T12:00:00Z' });
    const error = expectTransitionError(
      () => assertTransition(snapshot, 'appealed', ['physician'], {}, buildContext()),
      'guard_failed',
    );
    expect(error.reasons).toEqual([
      'An appeal needs a letter of medical necessity or new documentation.',
      'All 2 internal appeal levels are used; request external review instead.',
      'The appeal window closed on 2025-06-30 (180 days after the denial notice).',
    ]);
    expect(error.message).toBe(error.reasons.join(' '));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TransitionError');
  });

  it('lists one reason per failing readiness item', () => {
    const snapshot = buildSnapshot({ diagnoses: [], photoCount: 0, physicianNoteCount: 0 });
    const error = expectTransitionError(
      () => assertTransition(snapshot, 'submitted', ['front_desk'], {}, buildContext()),
      'guard_failed',
    );
    expect(error.reasons).toHaveLength(3);
  });

  it('lets the readiness guard skip evidence when the clinic turns it off', () => {
    const snapshot = buildSnapshot({ photoCount: 0, physicianNoteCount: 0 });
    expect(
      assertTransition(snapshot, 'submitted', ['front_desk'], {}, buildContext({ requireEvidence: false })).to,
    ).toBe('submitted');
  });

  describe('Medicare Advantage: one reconsideration level', () => {
    const ctx = buildContext({ rules: DEFAULT_DEADLINE_RULES.medicare_advantage });
    const denied = (appealLevel: 0 | 1, deniedAt = daysAgo(5)) =>
      buildSnapshot({ status: 'denied', planType: 'medicare_advantage', appealLevel, deniedAt });

    it('allows the reconsideration', () => {
      expect(
        assertTransition(denied(0), 'appealed', ['physician'], { appealLevel: 1, letterAttached: true }, ctx).to,
      ).toBe('appealed');
    });

    it('allows external review after it', () => {
      expect(assertTransition(denied(1), 'external_review', ['physician'], {}, ctx).to).toBe('external_review');
    });

    it('refuses a second internal level', () => {
      expectTransitionError(
        () => assertTransition(denied(1), 'appealed', ['physician'], { appealLevel: 2, letterAttached: true }, ctx),
        'guard_failed',
        ['All 1 internal appeal level is used; request external review instead.'],
      );
    });

    it('closes the reconsideration window after 60 days', () => {
      expectTransitionError(
        () =>
          assertTransition(
            denied(0, daysAgo(62)),
            'appealed',
            ['physician'],
            { appealLevel: 1, letterAttached: true },
            ctx,
          ),
        'guard_failed',
        [/60 days after the denial notice/],
      );
    });
  });

  it('guards have a label and a scope', () => {
    for (const name of GUARD_NAMES) {
      expect(GUARDS[name].label.trim()).not.toBe('');
      expect(['snapshot', 'input']).toContain(GUARDS[name].scope);
    }
  });

  it('judge the request alone only in input guards', () => {
    for (const name of GUARD_NAMES) {
      if (GUARDS[name].checkRequest) expect(GUARDS[name].scope).toBe('input');
    }
  });
});

// The dashboard's transition form runs checkTransitionRequest before sending; what it says must be
// what the server would say, field by field.
describe('checkTransitionRequest', () => {
  const edges = CASE_STATUSES.flatMap((from) => TRANSITIONS[from].map((transition) => ({ from, transition })));

  it('finds one set of guards for each action and target, wherever the edge starts', () => {
    for (const { transition } of edges) {
      const same = edges.filter(
        (other) => other.transition.action === transition.action && other.transition.to === transition.to,
      );
      expect(new Set(same.map((other) => other.transition.guards.join()))).toEqual(new Set([transition.guards.join()]));
    }
  });

  it.each(edges.map(({ from, transition }) => [from, transition.to, transition] as const))(
    '%s → %s: passes the complete request and refuses the empty one in the words of the guards',
    (from, to, transition) => {
      const snapshot = buildSnapshotReadyFor(from, to);
      const ctx = { now: NOW, appealLevel: snapshot.appealLevel };
      expect(checkTransitionRequest(to, transition.action, buildCompleteInput(snapshot), ctx)).toEqual([]);

      const found = checkTransitionRequest(to, transition.action, {}, ctx).map((item) => item.reason);
      let refused: string[] = [];
      try {
        assertTransition(snapshot, to, transition.roles, {}, buildContext());
      } catch (error) {
        if (!isTransitionError(error)) throw error;
        refused = error.reasons;
      }
      expect(refused).toEqual(expect.arrayContaining(found));
    },
  );

  it('puts each reason beside the field it judges', () => {
    const ctx = { now: NOW, appealLevel: 1 };
    expect(
      checkTransitionRequest('approved', 'approve', { validFrom: '2026-12-10', validTo: '2026-12-01' }, ctx),
    ).toEqual([
      { field: 'authorizationNumber', reason: "An approval needs the payer's authorization number." },
      { field: 'validTo', reason: 'The validity window ends (2026-12-01) before it starts (2026-12-10).' },
    ]);
    expect(checkTransitionRequest('appealed', 'appeal', { appealLevel: 1 }, ctx)).toEqual([
      { field: 'letterAttached', reason: 'An appeal needs a letter of medical necessity or new documentation.' },
      { field: 'appealLevel', reason: 'This appeal is level 2, not level 1.' },
    ]);
    expect(
      checkTransitionRequest(
        'withdrawn',
        'withdraw',
        { occurredAt: new Date(NOW.getTime() + CLOCK_SKEW_MS + 60_000).toISOString() },
        ctx,
      ),
    ).toEqual([
      { field: 'reason', reason: 'Say why the request is withdrawn (e.g. the patient chose self-pay).' },
      { field: 'occurredAt', reason: 'The event time cannot be in the future.' },
    ]);
  });

  it('leaves the parts that need the whole case to the server', () => {
    const ctx = { now: NOW, appealLevel: 0 };
    const partial = { authorizationNumber: 'A1', validFrom: '2026-07-01', validTo: '2026-09-30', approvedUnits: 99 };
    expect(checkTransitionRequest('partially_approved', 'partially_approve', partial, ctx)).toEqual([]);
    expect(checkTransitionRequest('submitted', 'submit', {}, ctx)).toEqual([]);
  });
});

describe('availableTransitions', () => {
  it('lists every edge from the status with role and snapshot blocks', () => {
    const snapshot = buildSnapshot({ diagnoses: [] });
    const available = availableTransitions(snapshot, ['physician'], buildContext());
    expect(available.map((entry) => entry.transition.to)).toEqual(['submitted', 'self_pay', 'withdrawn']);
    expect(available[0]).toMatchObject({ allowedForRole: true, enabled: false });
    expect(available[0].blockedBy).toEqual(['Add at least one ICD-10-CM diagnosis.']);
    // Input guards (the withdrawal reason, the estimate) are for the form, not the button.
    expect(available[1]).toMatchObject({ allowedForRole: true, blockedBy: [], enabled: true });
    expect(available[2]).toMatchObject({ allowedForRole: true, blockedBy: [], enabled: true });
  });

  it('marks edges the role may not take', () => {
    const available = availableTransitions(buildSnapshot({ status: 'submitted' }), ['physician'], buildContext());
    expect(available.map((entry) => [entry.transition.to, entry.allowedForRole])).toEqual([
      ['more_info_requested', false],
      ['approved', false],
      ['partially_approved', false],
      ['denied', false],
      ['withdrawn', true],
    ]);
    expect(available.every((entry) => entry.blockedBy.length === 0)).toBe(true);
  });

  it.each(ROLES)('gives %s the same answer as assertTransition for every edge', (role) => {
    for (const [from, to] of EDGES) {
      const snapshot = buildSnapshotReadyFor(from, to);
      const entry = availableTransitions(snapshot, [role], buildContext()).find((e) => e.transition.to === to);
      expect(entry?.allowedForRole).toBe(ROLES_BY_TARGET[to].includes(role));
      expect(entry?.blockedBy).toEqual([]);
    }
  });

  it('gives admin no enabled button anywhere', () => {
    for (const from of CASE_STATUSES) {
      const snapshot = buildSnapshotReadyFor(from, 'withdrawn');
      expect(availableTransitions(snapshot, ['admin'], buildContext()).filter((e) => e.enabled)).toEqual([]);
    }
  });

  it('explains a denied case with no appeal level left', () => {
    const snapshot = buildSnapshot({ status: 'denied', appealLevel: 2, deniedAt: daysAgo(3) });
    const byTarget = Object.fromEntries(
      availableTransitions(snapshot, ['physician'], buildContext()).map((e) => [e.transition.to, e.blockedBy]),
    );
    expect(byTarget).toEqual({
      peer_to_peer: [],
      appealed: ['All 2 internal appeal levels are used; request external review instead.'],
      external_review: [],
      self_pay: [
        'Self-pay after a denial is for a CO-50 (not medically necessary) denial; this denial has no reason code: appeal or correct it instead.',
      ],
      withdrawn: [],
    });
  });

  it('explains a denied case whose windows have closed', () => {
    const snapshot = buildSnapshot({ status: 'denied', appealLevel: 0, deniedAt: '2025-06-01T12:00:00Z' });
    const byTarget = Object.fromEntries(
      availableTransitions(snapshot, ['physician'], buildContext()).map((e) => [e.transition.to, e.blockedBy]),
    );
    expect(byTarget['appealed']).toEqual([
      'The appeal window closed on 2025-11-28 (180 days after the denial notice).',
    ]);
    expect(byTarget['external_review']).toEqual([
      'External review comes after the final internal appeal: 0 of 2 internal levels used so far.',
      'The external review window closed on 2025-10-01 (4 months after the final denial).',
    ]);
  });

  it('greys out expiry while the authorization is valid', () => {
    const snapshot = buildSnapshot({ status: 'approved', validFrom: '2026-06-01', validTo: '2026-08-31' });
    const expire = availableTransitions(snapshot, ['front_desk'], buildContext()).find(
      (e) => e.transition.to === 'expired',
    );
    expect(expire?.blockedBy).toEqual([
      'The authorization is valid through 2026-08-31; it can be marked expired after that day.',
    ]);
    expect(expire?.enabled).toBe(false);
  });

  it('returns nothing for final statuses', () => {
    expect(availableTransitions(buildSnapshot({ status: 'withdrawn' }), ['manager'], buildContext())).toEqual([]);
    expect(availableTransitions(buildSnapshot({ status: 'expired' }), ['manager'], buildContext())).toEqual([]);
  });
});

describe('appealOutcome', () => {
  const expected: Partial<Record<CaseStatus, Partial<Record<CaseStatus, string>>>> = {
    appealed: { approved: 'overturned', partially_approved: 'partially_overturned', denied: 'upheld' },
    external_review: { approved: 'overturned', partially_approved: 'partially_overturned', denied: 'upheld' },
    peer_to_peer: { approved: 'overturned', partially_approved: 'partially_overturned', denied: 'upheld' },
  };
  const rows = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.map((to) => [from, to, expected[from]?.[to] ?? null] as const),
  );

  it.each(rows)('%s → %s is %s', (from, to, outcome) => {
    expect(appealOutcome(from, to)).toBe(outcome);
  });
});

describe('applyTransition', () => {
  const at = NOW.toISOString();

  it('stamps the submission', () => {
    expect(applyTransition(buildSnapshot(), 'submitted', {}, NOW)).toMatchObject({
      status: 'submitted',
      submittedAt: at,
    });
  });

  it('stamps the info request', () => {
    const next = applyTransition(buildSnapshot({ status: 'submitted' }), 'more_info_requested', { note: 'x' }, NOW);
    expect(next).toMatchObject({ status: 'more_info_requested', infoRequestedAt: at });
  });

  it('stores the approval and its window', () => {
    const next = applyTransition(
      buildSnapshot({ status: 'submitted' }),
      'partially_approved',
      { authorizationNumber: ' A-1 ', validFrom: '2026-06-15', validTo: '2026-09-15', approvedUnits: 1 },
      NOW,
    );
    expect(next).toMatchObject({
      status: 'partially_approved',
      decidedAt: at,
      authorizationNumber: 'A-1',
      validFrom: '2026-06-15',
      validTo: '2026-09-15',
      approvedUnits: 1,
    });
  });

  it('stamps a denial at the date on the payer letter', () => {
    const next = applyTransition(
      buildSnapshot({ status: 'appealed', appealLevel: 1 }),
      'denied',
      { denialCode: 'co-50', occurredAt: '2026-06-10T14:00:00.000Z' },
      NOW,
    );
    expect(next).toMatchObject({
      status: 'denied',
      deniedAt: '2026-06-10T14:00:00.000Z',
      decidedAt: '2026-06-10T14:00:00.000Z',
      denialCode: 'CO-50',
      appealLevel: 1,
    });
  });

  it('raises the appeal level', () => {
    const next = applyTransition(
      buildSnapshot({ status: 'denied', appealLevel: 1 }),
      'appealed',
      { appealLevel: 2 },
      NOW,
    );
    expect(next).toMatchObject({ status: 'appealed', appealLevel: 2, appealedAt: at });
  });

  it('records that the peer-to-peer happened when leaving it', () => {
    const next = applyTransition(buildSnapshot({ status: 'peer_to_peer' }), 'denied', { denialCode: 'CO-50' }, NOW);
    expect(next.peerToPeerDone).toBe(true);
  });

  it('stamps the external review request', () => {
    const next = applyTransition(buildSnapshot({ status: 'denied', appealLevel: 2 }), 'external_review', {}, NOW);
    expect(next).toMatchObject({ status: 'external_review', externalReviewAt: at });
  });

  it('does not mutate the snapshot it was given', () => {
    const snapshot = buildSnapshot();
    const copy = structuredClone(snapshot);
    applyTransition(snapshot, 'submitted', {}, NOW);
    expect(snapshot).toEqual(copy);
  });
});

describe('TransitionError', () => {
  it('carries code, reasons and both ends', () => {
    const error = new TransitionError('forbidden', ['No.'], 'submitted', 'approved');
    expect(error).toMatchObject({
      code: 'forbidden',
      reasons: ['No.'],
      from: 'submitted',
      to: 'approved',
      message: 'No.',
    });
    expect(isTransitionError(error)).toBe(true);
    expect(isTransitionError(new Error('No.'))).toBe(false);
  });
});

describe('corrupt data', () => {
  it('treats an unknown current status as having no edges', () => {
    const snapshot = buildSnapshot({ status: 'archived' as CaseStatus });
    expect(availableTransitions(snapshot, ['manager'], buildContext())).toEqual([]);
    const error = captureError(() => assertTransition(snapshot, 'submitted', ['manager'], {}, buildContext()));
    expect(error.code).toBe('not_allowed');
    expect(error.reasons).toEqual(['The case has an unknown status "archived".']);
  });
});

// Each event answers the one that put the case in its status; dated before it, it cannot be true.
const ANSWERED_EVENTS: readonly [CaseStatus, CaseStatus, keyof CaseSnapshot, string][] = [
  ['submitted', 'more_info_requested', 'submittedAt', 'the submission'],
  ['submitted', 'approved', 'submittedAt', 'the submission'],
  ['submitted', 'partially_approved', 'submittedAt', 'the submission'],
  ['submitted', 'denied', 'submittedAt', 'the submission'],
  ['submitted', 'withdrawn', 'submittedAt', 'the submission'],
  ['more_info_requested', 'submitted', 'infoRequestedAt', 'the information request'],
  ['more_info_requested', 'denied', 'infoRequestedAt', 'the information request'],
  ['denied', 'appealed', 'deniedAt', 'the denial'],
  ['denied', 'peer_to_peer', 'deniedAt', 'the denial'],
  ['denied', 'external_review', 'deniedAt', 'the denial'],
  ['peer_to_peer', 'approved', 'deniedAt', 'the denial'],
  ['peer_to_peer', 'denied', 'deniedAt', 'the denial'],
  ['partially_approved', 'appealed', 'decidedAt', 'the partial approval'],
  ['approved', 'withdrawn', 'decidedAt', 'the approval'],
  ['appealed', 'approved', 'appealedAt', 'the appeal'],
  ['appealed', 'partially_approved', 'appealedAt', 'the appeal'],
  ['appealed', 'denied', 'appealedAt', 'the appeal'],
  ['external_review', 'approved', 'externalReviewAt', 'the external review request'],
  ['external_review', 'denied', 'externalReviewAt', 'the external review request'],
];

describe('occurredAt against the case history', () => {
  const answeredAt = '2026-06-12T15:30:00.000Z';
  const oneMinuteEarlier = '2026-06-12T15:29:00.000Z';

  it.each(ANSWERED_EVENTS)('%s → %s is not dated before %s', (from, to, field, label) => {
    const snapshot = { ...buildSnapshotReadyFor(from, to), [field]: answeredAt };
    const input = buildCompleteInput(snapshot);
    expect(assertTransition(snapshot, to, ['manager'], { ...input, occurredAt: answeredAt }, buildContext()).to).toBe(
      to,
    );
    const error = expectTransitionError(
      () => assertTransition(snapshot, to, ['manager'], { ...input, occurredAt: oneMinuteEarlier }, buildContext()),
      'guard_failed',
    );
    const reason = `The event cannot be dated before ${label} it answers (2026-06-12).`;
    expect(error.reasons).toEqual([reason]);
    const transition = TRANSITIONS[from].find((t) => t.to === to);
    const ctx = {
      now: NOW,
      appealLevel: snapshot.appealLevel,
      answers: findAnsweredEvent(snapshot),
      timeZone: TIME_ZONE,
    };
    expect(
      checkTransitionRequest(to, transition?.action ?? '', { ...input, occurredAt: oneMinuteEarlier }, ctx),
    ).toEqual([{ field: 'occurredAt', reason }]);
  });

  it('names nothing to answer before the first submission', () => {
    expect(findAnsweredEvent(buildSnapshot({ status: 'documented' }))).toBeNull();
    expect(findAnsweredEvent(buildSnapshot({ status: 'submitted', submittedAt: null }))).toBeNull();
  });

  it.each([
    ['at the skew limit', CLOCK_SKEW_MS, 'pass'],
    ['a minute beyond it', CLOCK_SKEW_MS + 60_000, 'refused'],
  ] as const)('accepts a future event time only within clock skew: %s', (_name, ahead, expected) => {
    const snapshot = buildSnapshotReadyFor('submitted', 'denied');
    const input = { denialCode: 'CO-50', occurredAt: new Date(NOW.getTime() + ahead).toISOString() };
    const run = () => assertTransition(snapshot, 'denied', ['manager'], input, buildContext());
    if (expected === 'pass') {
      expect(run().to).toBe('denied');
      expect(applyTransition(snapshot, 'denied', input, NOW).deniedAt).toBe(NOW.toISOString());
    } else {
      expectTransitionError(run, 'guard_failed', ['The event time cannot be in the future.']);
    }
  });
});
