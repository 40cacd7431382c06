import { isCaseStatus, isTerminalStatus, STATUS_LABELS, type CaseStatus } from './case-status';
import {
  computeAppealFilingDeadline,
  computeExternalReviewDeadline,
  hasAppealLevelsLeft,
  type DeadlineRule,
} from './deadlines';
import { isValidCarcCode, normalizeCarcCode } from './denial-codes';
import { getEndOfLocalDay, isIsoDate, parseInstant, toLocalDate } from './local-date';
import { approvedUnitsOf, areAllUnitsUsed, PROCEDURE_ROLES } from './procedures';
import { computeReadiness } from './readiness';
import { ROLE_LABELS, type Role } from './roles';
import { describeOpenAppeal, isNotMedicallyNecessaryDenial, MAX_ESTIMATE_CENTS, SELF_PAY_CURRENCIES } from './self-pay';
import type { CaseSnapshot, TransitionInput } from './snapshot';

export const TRANSITION_ACTIONS = [
  'submit',
  'request_info',
  'send_info',
  'approve',
  'partially_approve',
  'deny',
  'expire',
  'request_peer_to_peer',
  'appeal',
  'request_external_review',
  'overturn',
  'partially_overturn',
  'uphold',
  'withdraw',
  'decline_to_request',
  'accept_denial',
  'complete',
] as const;

export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export const GUARD_NAMES = [
  'occurred_at',
  'readiness',
  'info_request_note',
  'authorization',
  'partial_units',
  'denial_code',
  'appeal_documentation',
  'appeal_level',
  'appeal_levels_remaining',
  'appeal_window',
  'final_internal_denial',
  'external_review_window',
  'validity_passed',
  'withdraw_reason',
  'criteria_not_met',
  'not_medically_necessary_denial',
  'appeals_closed',
  'self_pay_decision',
  'self_pay_estimate',
  'units_used',
] as const;

export type GuardName = (typeof GUARD_NAMES)[number];

export interface Transition {
  to: CaseStatus;
  action: TransitionAction;
  label: string;
  roles: readonly Role[];
  guards: readonly GuardName[];
}

export interface TransitionContext {
  now: Date;
  timeZone: string;
  rules: DeadlineRule;
  requireEvidence?: boolean;
}

// 'snapshot' guards depend only on the case and the clock, so the dashboard can show them on a
// greyed-out button before anyone fills the form; 'input' guards judge the form.
export type GuardScope = 'snapshot' | 'input';

export interface GuardCheckContext extends TransitionContext {
  // When the event happened: input.occurredAt if given, else now. Windows are judged at it.
  at: Date;
}

export type TransitionField = keyof TransitionInput;

// A reason tied to the request field it judges, so a form can show it beside that field.
export interface FieldReason {
  field: TransitionField;
  reason: string;
}

// The event that put the case in its current status: whatever is recorded next answers it, so
// it cannot have happened earlier.
export interface AnsweredEvent {
  label: string;
  at: string;
}

// What the request's own rules need to know besides the request: a form has both before sending.
export interface RequestCheckContext {
  now: Date;
  appealLevel: number;
  answers?: AnsweredEvent | null;
  // Needed only to name the answered event's day in the case's zone.
  timeZone?: string;
}

// Clocks of the desk's computer and the server's may disagree by a little; more is a mistake.
export const CLOCK_SKEW_MS = 5 * 60_000;

export type AnsweredEventDates = Pick<
  CaseSnapshot,
  'status' | 'submittedAt' | 'infoRequestedAt' | 'decidedAt' | 'deniedAt' | 'appealedAt' | 'externalReviewAt'
>;

function answeredBy(label: string, at: string | null | undefined): AnsweredEvent | null {
  return typeof at === 'string' && parseInstant(at) ? { label, at } : null;
}

export function findAnsweredEvent(dates: AnsweredEventDates): AnsweredEvent | null {
  switch (dates.status) {
    case 'submitted':
      return answeredBy('the submission', dates.submittedAt);
    case 'more_info_requested':
      return answeredBy('the information request', dates.infoRequestedAt);
    // A peer-to-peer keeps no date of its own; it answers the denial like the rest.
    case 'denied':
    case 'peer_to_peer':
      return answeredBy('the denial', dates.deniedAt);
    case 'approved':
      return answeredBy('the approval', dates.decidedAt);
    case 'partially_approved':
      return answeredBy('the partial approval', dates.decidedAt);
    case 'appealed':
      return answeredBy('the appeal', dates.appealedAt);
    case 'external_review':
      return answeredBy('the external review request', dates.externalReviewAt);
    case 'documented':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      return null;
  }
}

function describeAnsweredDay(answers: AnsweredEvent, timeZone: string | undefined): string {
  return timeZone ? toLocalDate(answers.at, timeZone) : answers.at;
}

export interface GuardDefinition {
  scope: GuardScope;
  label: string;
  check: (snapshot: CaseSnapshot, input: TransitionInput, ctx: GuardCheckContext) => string[];
  // An input guard's rules on the request alone, so the dashboard's form applies them in the
  // guard's own words before sending; `check` runs the same rules.
  checkRequest?: (input: TransitionInput, ctx: RequestCheckContext) => FieldReason[];
}

function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function countRequestedUnits(snapshot: CaseSnapshot): number {
  return snapshot.procedureLines.reduce(
    (sum, line) => sum + (Number.isInteger(line.units) && line.units > 0 ? line.units : 0),
    0,
  );
}

function reasonsOf(found: readonly FieldReason[]): string[] {
  return found.map((item) => item.reason);
}

function requestContextOf(snapshot: CaseSnapshot, ctx: TransitionContext): RequestCheckContext {
  return {
    now: ctx.now,
    appealLevel: snapshot.appealLevel,
    answers: findAnsweredEvent(snapshot),
    timeZone: ctx.timeZone,
  };
}

// An input guard that judges nothing but the request.
function defineRequestGuard(
  label: string,
  checkRequest: (input: TransitionInput, ctx: RequestCheckContext) => FieldReason[],
): GuardDefinition {
  return {
    scope: 'input',
    label,
    checkRequest,
    check: (snapshot, input, ctx) => reasonsOf(checkRequest(input, requestContextOf(snapshot, ctx))),
  };
}

function checkApprovedUnits(input: TransitionInput): FieldReason[] {
  const approved = input.approvedUnits;
  return typeof approved !== 'number' || !Number.isInteger(approved) || approved < 1
    ? [
        {
          field: 'approvedUnits',
          reason: 'A partial approval needs the number of approved units (a whole number, at least 1).',
        },
      ]
    : [];
}

function checkAppealLevel(input: TransitionInput, ctx: RequestCheckContext): FieldReason[] {
  const expected = ctx.appealLevel + 1;
  if (input.appealLevel === expected) return [];
  const reason =
    input.appealLevel == null
      ? `Say which appeal level is being filed (level ${expected}).`
      : `This appeal is level ${expected}, not level ${input.appealLevel}.`;
  return [{ field: 'appealLevel', reason }];
}

// The date rules of an event time, shared by a new step and the correction of a recorded one.
export function checkOccurredAt(input: Pick<TransitionInput, 'occurredAt'>, ctx: RequestCheckContext): FieldReason[] {
  if (isBlank(input.occurredAt)) return [];
  const at = parseInstant(input.occurredAt);
  const answered = ctx.answers ? parseInstant(ctx.answers.at) : null;
  const reason = !at
    ? `"${input.occurredAt}" is not a date-time; give the event time as an ISO date-time.`
    : at.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS
      ? 'The event time cannot be in the future.'
      : ctx.answers && answered && at.getTime() < answered.getTime()
        ? `The event cannot be dated before ${ctx.answers.label} it answers (${describeAnsweredDay(ctx.answers, ctx.timeZone)}).`
        : null;
  return reason ? [{ field: 'occurredAt', reason }] : [];
}

// A payer's electronic answer may give its reason in words alone (payerReason) instead of a code.
export function checkDenialCode(input: Pick<TransitionInput, 'denialCode' | 'payerReason'>): FieldReason[] {
  const reason = isBlank(input.denialCode)
    ? isBlank(input.payerReason)
      ? 'A denial needs a CARC reason code such as CO-50.'
      : null
    : isValidCarcCode(normalizeCarcCode(input.denialCode ?? ''))
      ? null
      : `"${input.denialCode}" is not a CARC reason code; use a group code and reason such as CO-50.`;
  return reason ? [{ field: 'denialCode', reason }] : [];
}

function checkSelfPayEstimate(input: TransitionInput): FieldReason[] {
  const found: FieldReason[] = [];
  const cents = input.estimateCents;
  if (typeof cents !== 'number' || !Number.isInteger(cents) || cents < 1 || cents > MAX_ESTIMATE_CENTS) {
    found.push({
      field: 'estimateCents',
      reason: `Record the estimate the patient will pay: an amount in dollars and cents, more than $0 and at most $${MAX_ESTIMATE_CENTS / 100}.`,
    });
  }
  if (input.estimateCurrency != null && !(SELF_PAY_CURRENCIES as readonly string[]).includes(input.estimateCurrency)) {
    found.push({ field: 'estimateCurrency', reason: 'Estimates are in US dollars (USD).' });
  }
  if (isBlank(input.estimateDescription)) {
    found.push({
      field: 'estimateDescription',
      reason: 'Describe what the estimate covers (e.g. destruction of 12 milia, both cheeks).',
    });
  }
  return found;
}

export const GUARDS: Record<GuardName, GuardDefinition> = {
  occurred_at: defineRequestGuard(
    'The event time, if given, is not in the future nor before the event it answers',
    checkOccurredAt,
  ),
  readiness: {
    scope: 'snapshot',
    label: 'The readiness checklist passes',
    check: (snapshot, _input, ctx) =>
      computeReadiness(snapshot, { requireEvidence: ctx.requireEvidence })
        .items.filter((item) => !item.passed)
        .map((item) => item.reason ?? `${item.label}.`),
  },
  info_request_note: defineRequestGuard('A note says what the payer asked for', (input) =>
    isBlank(input.note) ? [{ field: 'note', reason: 'Record in the note what information the payer asked for.' }] : [],
  ),
  authorization: defineRequestGuard('Authorization number and validity window', (input) => {
    const found: FieldReason[] = [];
    if (isBlank(input.authorizationNumber)) {
      found.push({ field: 'authorizationNumber', reason: "An approval needs the payer's authorization number." });
    }
    if (!isIsoDate(input.validFrom) || !isIsoDate(input.validTo)) {
      found.push({
        field: isIsoDate(input.validFrom) ? 'validTo' : 'validFrom',
        reason: 'An approval needs its validity window: a start and an end date (YYYY-MM-DD).',
      });
    } else if (input.validFrom > input.validTo) {
      found.push({
        field: 'validTo',
        reason: `The validity window ends (${input.validTo}) before it starts (${input.validFrom}).`,
      });
    }
    return found;
  }),
  partial_units: {
    scope: 'input',
    label: 'Approved units are fewer than requested',
    checkRequest: checkApprovedUnits,
    check: (snapshot, input) => {
      const own = reasonsOf(checkApprovedUnits(input));
      if (own.length > 0) return own;
      const requested = countRequestedUnits(snapshot);
      return (input.approvedUnits ?? 0) < requested
        ? []
        : [
            `A partial approval must approve fewer units than the ${requested} requested; record a full approval instead.`,
          ];
    },
  },
  denial_code: defineRequestGuard('A CARC denial reason code', checkDenialCode),
  appeal_documentation: defineRequestGuard('A letter of medical necessity or new documentation', (input) =>
    input.letterAttached || input.newDocumentation
      ? []
      : [{ field: 'letterAttached', reason: 'An appeal needs a letter of medical necessity or new documentation.' }],
  ),
  appeal_level: {
    scope: 'input',
    label: 'The appeal level is the next one',
    checkRequest: checkAppealLevel,
    // With no level left the snapshot guard already explains why; "level 3" would only confuse.
    check: (snapshot, input, ctx) =>
      hasAppealLevelsLeft(snapshot, ctx.rules)
        ? reasonsOf(checkAppealLevel(input, requestContextOf(snapshot, ctx)))
        : [],
  },
  appeal_levels_remaining: {
    scope: 'snapshot',
    label: 'An internal appeal level is left',
    check: (snapshot, _input, ctx) => {
      if (hasAppealLevelsLeft(snapshot, ctx.rules)) return [];
      const max = ctx.rules.maxInternalAppealLevels;
      return max === 0
        ? ['This plan has no internal appeal; request external review.']
        : [`All ${max} internal appeal level${max === 1 ? ' is' : 's are'} used; request external review instead.`];
    },
  },
  appeal_window: {
    scope: 'snapshot',
    label: 'Inside the appeal filing window',
    check: (snapshot, _input, ctx) => {
      const clock = computeAppealFilingDeadline(snapshot, ctx.rules, { now: ctx.at, timeZone: ctx.timeZone });
      if (!clock) return ['No denial date is recorded, so the appeal window cannot be checked.'];
      return clock.overdue
        ? [`The appeal window closed on ${clock.dueDate} (${ctx.rules.appealFilingDays} days after the denial notice).`]
        : [];
    },
  },
  final_internal_denial: {
    scope: 'snapshot',
    label: 'Internal appeals are exhausted',
    check: (snapshot, _input, ctx) =>
      hasAppealLevelsLeft(snapshot, ctx.rules)
        ? [
            `External review comes after the final internal appeal: ${snapshot.appealLevel} of ${ctx.rules.maxInternalAppealLevels} internal levels used so far.`,
          ]
        : [],
  },
  external_review_window: {
    scope: 'snapshot',
    label: 'Inside the external review request window',
    check: (snapshot, _input, ctx) => {
      const clock = computeExternalReviewDeadline(snapshot, ctx.rules, { now: ctx.at, timeZone: ctx.timeZone });
      if (!clock) return ['No denial date is recorded, so the external review window cannot be checked.'];
      return clock.overdue
        ? [
            `The external review window closed on ${clock.dueDate} (${ctx.rules.externalReviewRequestMonths} months after the final denial).`,
          ]
        : [];
    },
  },
  validity_passed: {
    scope: 'snapshot',
    label: 'The validity window has passed',
    check: (snapshot, _input, ctx) => {
      if (!isIsoDate(snapshot.validTo)) return ['No authorization end date is recorded.'];
      return ctx.at.getTime() > getEndOfLocalDay(snapshot.validTo, ctx.timeZone).getTime()
        ? []
        : [`The authorization is valid through ${snapshot.validTo}; it can be marked expired after that day.`];
    },
  },
  withdraw_reason: defineRequestGuard('A reason for withdrawing', (input) =>
    isBlank(input.reason) && isBlank(input.note)
      ? [{ field: 'reason', reason: 'Say why the request is withdrawn (e.g. the patient chose self-pay).' }]
      : [],
  ),
  criteria_not_met: {
    scope: 'snapshot',
    label: "The readiness checklist does not pass: the payer's criteria are not met",
    check: (snapshot, _input, ctx) =>
      computeReadiness(snapshot, { requireEvidence: ctx.requireEvidence }).ready
        ? ['The readiness checklist passes: submit the request to the payer rather than converting it to self-pay.']
        : [],
  },
  not_medically_necessary_denial: {
    scope: 'snapshot',
    label: 'The denial is CO-50 (not medically necessary)',
    check: (snapshot) =>
      isNotMedicallyNecessaryDenial(snapshot.denialCode)
        ? []
        : [
            `Self-pay after a denial is for a CO-50 (not medically necessary) denial; this denial ${snapshot.denialCode ? `is ${snapshot.denialCode}` : 'has no reason code'}: appeal or correct it instead.`,
          ],
  },
  appeals_closed: {
    scope: 'input',
    label: 'Appeals are exhausted, or the patient declined them',
    check: (snapshot, input, ctx) => {
      const open = describeOpenAppeal(snapshot, { at: ctx.at, timeZone: ctx.timeZone, rules: ctx.rules });
      return open && !input.appealsDeclined
        ? [`The denial is not final yet. ${open} Record that the patient declines to appeal, or appeal.`]
        : [];
    },
  },
  self_pay_decision: defineRequestGuard('The decision not to ask the payer, in words', (input) =>
    isBlank(input.reason)
      ? [
          {
            field: 'reason',
            reason: 'Record the decision: why the payer is not asked (again), and who agreed with the patient.',
          },
        ]
      : [],
  ),
  self_pay_estimate: defineRequestGuard('The estimate: an amount in USD and what it covers', checkSelfPayEstimate),
  units_used: {
    scope: 'snapshot',
    label: 'Every approved unit is used',
    check: (snapshot) =>
      areAllUnitsUsed(snapshot)
        ? []
        : [
            `${snapshot.unitsUsed ?? 0} of the ${approvedUnitsOf(snapshot)} approved units are used; record the procedures performed.`,
          ],
  },
};

const SUBMITTERS: readonly Role[] = ['front_desk', 'physician', 'manager'];
// Payer answers arrive by portal, fax or phone, which the front desk and managers handle.
const PAYER_RESPONSE_RECORDERS: readonly Role[] = ['front_desk', 'manager'];
const PEER_TO_PEER_SCHEDULERS: readonly Role[] = ['physician', 'front_desk', 'manager'];
const APPELLANTS: readonly Role[] = ['physician', 'front_desk', 'manager'];
const WITHDRAWERS: readonly Role[] = ['front_desk', 'physician', 'manager'];
const SELF_PAY_DECIDERS: readonly Role[] = ['front_desk', 'physician', 'manager'];

function defineTransition(
  to: CaseStatus,
  action: TransitionAction,
  label: string,
  roles: readonly Role[],
  guards: readonly GuardName[] = [],
): Transition {
  return { to, action, label, roles, guards: [...guards, 'occurred_at'] };
}

const WITHDRAW = defineTransition('withdrawn', 'withdraw', 'Withdraw request', WITHDRAWERS, ['withdraw_reason']);
const APPROVE_GUARDS: readonly GuardName[] = ['authorization'];
const PARTIAL_GUARDS: readonly GuardName[] = ['authorization', 'partial_units'];
const APPEAL_GUARDS: readonly GuardName[] = [
  'appeal_documentation',
  'appeal_level',
  'appeal_levels_remaining',
  'appeal_window',
];
// Recording the performed procedure that uses the last approved unit takes this step.
const COMPLETE = defineTransition(
  'completed',
  'complete',
  'Complete (all approved units used)',
  [...PROCEDURE_ROLES, 'manager'],
  ['units_used'],
);
const EXPIRE = defineTransition('expired', 'expire', 'Mark expired (unused)', PAYER_RESPONSE_RECORDERS, [
  'validity_passed',
]);

export const TRANSITIONS: Record<CaseStatus, readonly Transition[]> = {
  documented: [
    defineTransition('submitted', 'submit', 'Submit to payer', SUBMITTERS, ['readiness']),
    defineTransition('self_pay', 'decline_to_request', 'Self-pay: criteria not met', SELF_PAY_DECIDERS, [
      'criteria_not_met',
      'self_pay_decision',
      'self_pay_estimate',
    ]),
    WITHDRAW,
  ],
  submitted: [
    defineTransition('more_info_requested', 'request_info', 'Payer asked for more info', PAYER_RESPONSE_RECORDERS, [
      'info_request_note',
    ]),
    defineTransition('approved', 'approve', 'Record approval', PAYER_RESPONSE_RECORDERS, APPROVE_GUARDS),
    defineTransition(
      'partially_approved',
      'partially_approve',
      'Record partial approval',
      PAYER_RESPONSE_RECORDERS,
      PARTIAL_GUARDS,
    ),
    defineTransition('denied', 'deny', 'Record denial', PAYER_RESPONSE_RECORDERS, ['denial_code']),
    WITHDRAW,
  ],
  more_info_requested: [
    defineTransition('submitted', 'send_info', 'Send requested info', SUBMITTERS, ['readiness']),
    defineTransition('denied', 'deny', 'Record denial', PAYER_RESPONSE_RECORDERS, ['denial_code']),
    WITHDRAW,
  ],
  approved: [COMPLETE, EXPIRE, WITHDRAW],
  partially_approved: [
    COMPLETE,
    EXPIRE,
    defineTransition('appealed', 'appeal', 'Appeal the refused units', APPELLANTS, APPEAL_GUARDS),
    WITHDRAW,
  ],
  denied: [
    defineTransition('peer_to_peer', 'request_peer_to_peer', 'Request peer-to-peer', PEER_TO_PEER_SCHEDULERS),
    defineTransition('appealed', 'appeal', 'File appeal', APPELLANTS, APPEAL_GUARDS),
    defineTransition('external_review', 'request_external_review', 'Request external review', APPELLANTS, [
      'final_internal_denial',
      'external_review_window',
    ]),
    defineTransition('self_pay', 'accept_denial', 'Self-pay: CO-50 denial final', SELF_PAY_DECIDERS, [
      'not_medically_necessary_denial',
      'appeals_closed',
      'self_pay_decision',
      'self_pay_estimate',
    ]),
    WITHDRAW,
  ],
  peer_to_peer: [
    defineTransition('approved', 'overturn', 'Approved after peer-to-peer', PAYER_RESPONSE_RECORDERS, APPROVE_GUARDS),
    defineTransition(
      'partially_approved',
      'partially_overturn',
      'Partially approved after peer-to-peer',
      PAYER_RESPONSE_RECORDERS,
      PARTIAL_GUARDS,
    ),
    defineTransition('denied', 'uphold', 'Denial upheld after peer-to-peer', PAYER_RESPONSE_RECORDERS, ['denial_code']),
    WITHDRAW,
  ],
  appealed: [
    defineTransition('approved', 'overturn', 'Appeal overturned (approved)', PAYER_RESPONSE_RECORDERS, APPROVE_GUARDS),
    defineTransition(
      'partially_approved',
      'partially_overturn',
      'Appeal partially overturned',
      PAYER_RESPONSE_RECORDERS,
      PARTIAL_GUARDS,
    ),
    defineTransition('denied', 'uphold', 'Appeal upheld (still denied)', PAYER_RESPONSE_RECORDERS, ['denial_code']),
    WITHDRAW,
  ],
  external_review: [
    defineTransition(
      'approved',
      'overturn',
      'External review overturned (approved)',
      PAYER_RESPONSE_RECORDERS,
      APPROVE_GUARDS,
    ),
    defineTransition('denied', 'uphold', 'External review upheld (still denied)', PAYER_RESPONSE_RECORDERS, [
      'denial_code',
    ]),
    WITHDRAW,
  ],
  // The patient may still decide against the procedure.
  self_pay: [WITHDRAW],
  expired: [],
  withdrawn: [],
  completed: [],
};

export type TransitionErrorCode = 'not_allowed' | 'forbidden' | 'guard_failed';

// The API maps not_allowed to 409 (a conflict with the case's current state, like a stale
// version), forbidden to 403 and guard_failed to 422 (the state allows the move, a rule refuses
// it), passing the reasons through: they are written for the person at the desk.
export class TransitionError extends Error {
  override readonly name = 'TransitionError';

  constructor(
    readonly code: TransitionErrorCode,
    readonly reasons: string[],
    readonly from: CaseStatus,
    readonly to: string,
    // The reasons that judge one request field, so a client can show them beside it.
    readonly fields: readonly FieldReason[] = [],
  ) {
    super(reasons.join(' '));
  }
}

export function isTransitionError(error: unknown): error is TransitionError {
  return error instanceof TransitionError;
}

export function findTransition(from: CaseStatus, to: string): Transition | undefined {
  // A status read from the database is only as good as the database; unknown means no edges.
  return (TRANSITIONS[from] ?? []).find((transition) => transition.to === to);
}

function quote(status: CaseStatus): string {
  return `"${STATUS_LABELS[status]}"`;
}

function joinWithOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function describeNotAllowed(from: CaseStatus, to: string): string {
  if (!isCaseStatus(from)) return `The case has an unknown status "${String(from)}".`;
  if (!isCaseStatus(to)) return `"${to}" is not a case status.`;
  if (isTerminalStatus(from)) return `${quote(from)} is final; the case cannot move to ${quote(to)}.`;
  if (from === to) return `The case is already ${quote(to)}.`;
  const next = joinWithOr((TRANSITIONS[from] ?? []).map((transition) => quote(transition.to)));
  return `A case in ${quote(from)} cannot move to ${quote(to)}; from ${quote(from)} it can move to ${next}.`;
}

function canActorTake(transition: Transition, actorRoles: readonly Role[]): boolean {
  return transition.roles.some((role) => actorRoles.includes(role));
}

function resolveEventTime(input: TransitionInput, now: Date): Date {
  const at = parseInstant(input.occurredAt);
  return at && at.getTime() <= now.getTime() ? at : now;
}

function evaluateGuards(
  transition: Transition,
  snapshot: CaseSnapshot,
  input: TransitionInput,
  ctx: GuardCheckContext,
  scope?: GuardScope,
): string[] {
  return transition.guards
    .filter((name) => scope === undefined || GUARDS[name].scope === scope)
    .flatMap((name) => GUARDS[name].check(snapshot, input, ctx));
}

export function assertTransition(
  snapshot: CaseSnapshot,
  to: CaseStatus,
  actorRoles: readonly Role[],
  input: TransitionInput,
  ctx: TransitionContext,
): Transition {
  const from = snapshot.status;
  const transition = findTransition(from, to);
  if (!transition) throw new TransitionError('not_allowed', [describeNotAllowed(from, to)], from, to);
  if (!canActorTake(transition, actorRoles)) {
    const allowed = joinWithOr(transition.roles.map((role) => ROLE_LABELS[role].toLowerCase()));
    throw new TransitionError('forbidden', [`Only ${allowed} may "${transition.label}".`], from, to);
  }
  const reasons = evaluateGuards(transition, snapshot, input, { ...ctx, at: resolveEventTime(input, ctx.now) });
  if (reasons.length > 0) {
    const request = requestContextOf(snapshot, ctx);
    const fields = transition.guards.flatMap((name) => GUARDS[name].checkRequest?.(input, request) ?? []);
    throw new TransitionError('guard_failed', reasons, from, to, fields);
  }
  return transition;
}

/**
 * The request-only rules of the guards on the edge to `to` by `action`, reason by field: what a
 * form can tell before sending. Every edge with the same action and target has the same guards.
 * The action is a string because it comes back from the API.
 */
export function checkTransitionRequest(
  to: CaseStatus,
  action: string,
  input: TransitionInput,
  ctx: RequestCheckContext,
): FieldReason[] {
  const transition = Object.values(TRANSITIONS)
    .flat()
    .find((candidate) => candidate.to === to && candidate.action === action);
  return (transition?.guards ?? []).flatMap((name) => GUARDS[name].checkRequest?.(input, ctx) ?? []);
}

export interface AvailableTransition {
  transition: Transition;
  allowedForRole: boolean;
  // Reasons that hold whatever the form says (checklist, windows, appeal levels).
  blockedBy: string[];
  enabled: boolean;
}

export function availableTransitions(
  snapshot: CaseSnapshot,
  actorRoles: readonly Role[],
  ctx: TransitionContext,
): AvailableTransition[] {
  return (TRANSITIONS[snapshot.status] ?? []).map((transition) => {
    const allowedForRole = canActorTake(transition, actorRoles);
    const blockedBy = evaluateGuards(transition, snapshot, {}, { ...ctx, at: ctx.now }, 'snapshot');
    return { transition, allowedForRole, blockedBy, enabled: allowedForRole && blockedBy.length === 0 };
  });
}

export type AppealOutcome = 'overturned' | 'upheld' | 'partially_overturned';

const REVIEW_STATUSES: readonly CaseStatus[] = ['appealed', 'external_review', 'peer_to_peer'];

export function appealOutcome(from: CaseStatus, to: CaseStatus): AppealOutcome | null {
  if (!REVIEW_STATUSES.includes(from)) return null;
  switch (to) {
    case 'approved':
      return 'overturned';
    case 'partially_approved':
      return 'partially_overturned';
    case 'denied':
      return 'upheld';
    case 'documented':
    case 'submitted':
    case 'more_info_requested':
    case 'peer_to_peer':
    case 'appealed':
    case 'external_review':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      return null;
  }
}

// The snapshot after a transition that assertTransition accepted: the one place that decides
// which timestamps an event sets, so the clocks and the stored case agree.
export function applyTransition(
  snapshot: CaseSnapshot,
  to: CaseStatus,
  input: TransitionInput,
  now: Date,
): CaseSnapshot {
  const at = resolveEventTime(input, now).toISOString();
  const next: CaseSnapshot = { ...snapshot, status: to };
  if (snapshot.status === 'peer_to_peer') next.peerToPeerDone = true;
  switch (to) {
    case 'submitted':
      next.submittedAt = at;
      break;
    case 'more_info_requested':
      next.infoRequestedAt = at;
      next.infoDueOn = isIsoDate(input.infoDueOn) ? input.infoDueOn : null;
      break;
    case 'approved':
    case 'partially_approved':
      next.decidedAt = at;
      next.authorizationNumber = input.authorizationNumber?.trim() ?? null;
      next.validFrom = input.validFrom ?? null;
      next.validTo = input.validTo ?? null;
      next.approvedUnits = to === 'partially_approved' ? (input.approvedUnits ?? null) : null;
      break;
    case 'denied':
      next.decidedAt = at;
      next.deniedAt = at;
      next.denialCode = input.denialCode ? normalizeCarcCode(input.denialCode) : null;
      break;
    case 'appealed':
      next.appealedAt = at;
      next.appealLevel = input.appealLevel ?? (Math.min(snapshot.appealLevel + 1, 2) as 1 | 2);
      break;
    case 'external_review':
      next.externalReviewAt = at;
      break;
    case 'documented':
    case 'peer_to_peer':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      break;
    default: {
      const unreachable: never = to;
      throw new RangeError(`Unknown case status "${String(unreachable)}".`);
    }
  }
  return next;
}
