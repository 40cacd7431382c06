import { STATUS_LABELS, type CaseStatus } from './case-status';
import { isValidCarcCode, normalizeCarcCode } from './denial-codes';
import { parseInstant, toLocalDate } from './local-date';
import type { Role } from './roles';
import type { CaseSnapshot, TransitionInput } from './snapshot';
import { applyTransition, checkDenialCode, checkOccurredAt, findAnsweredEvent, type FieldReason } from './transitions';

// A step recorded by mistake is taken back by the person who recorded it while the mistake is
// fresh; later, someone else may already have acted on it, so a manager decides, with a reason.
export const UNDO_WINDOW_MS = 15 * 60_000;
export const UNDO_WINDOW_MINUTES = UNDO_WINDOW_MS / 60_000;

export const CORRECTORS: readonly Role[] = ['manager'];

// What a correction may change of a recorded transition: its date, its denial code, its text.
export const CORRECTABLE_FIELDS = ['occurredAt', 'denialCode', 'denialText', 'note'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export type EventChanges = Partial<Record<CorrectableField, string | null>>;

export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, string> = {
  occurredAt: 'Date',
  denialCode: 'Denial code',
  denialText: 'Denial text',
  note: 'Note',
};

/** One row of a case's history as the rules read it (the API's case_events, the web's DTO). */
export interface RecordedEvent {
  id: string;
  type: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actorId: string | null;
  note: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
  createdAt: string;
  correctsEventId: string | null;
}

/** A transition as it counts now: not reversed, with its corrections applied. */
export interface EffectiveTransition {
  eventId: string;
  from: CaseStatus;
  to: CaseStatus;
  occurredAt: string;
  note: string | null;
  input: TransitionInput;
  recordedBy: string | null;
  recordedAt: string;
}

export interface EffectiveHistory {
  /** In the order they were recorded, which is the order they were applied. */
  transitions: EffectiveTransition[];
  /** Reversed transition id → the reversal event. */
  reversedBy: Map<string, RecordedEvent>;
  /** Transition id → its correction events, oldest first. */
  correctedBy: Map<string, RecordedEvent[]>;
}

function byRecordingOrder(a: RecordedEvent, b: RecordedEvent): number {
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function changesOf(correction: RecordedEvent): EventChanges {
  const changes = correction.data.changes;
  return changes && typeof changes === 'object' ? changes : {};
}

function inputOf(event: RecordedEvent): TransitionInput {
  const { outcome: _outcome, ...input } = event.data as TransitionInput & { outcome?: unknown };
  return { ...input, note: event.note };
}

/** The case's history minus the reversed transitions, with the corrected values. */
export function computeEffectiveHistory(events: readonly RecordedEvent[]): EffectiveHistory {
  const ordered = [...events].sort(byRecordingOrder);
  const reversedBy = new Map<string, RecordedEvent>();
  const correctedBy = new Map<string, RecordedEvent[]>();
  for (const event of ordered) {
    if (!event.correctsEventId) continue;
    if (event.type === 'reversal') reversedBy.set(event.correctsEventId, event);
    if (event.type === 'correction') {
      correctedBy.set(event.correctsEventId, [...(correctedBy.get(event.correctsEventId) ?? []), event]);
    }
  }
  const transitions = ordered
    .filter((e) => e.type === 'transition' && e.fromStatus && e.toStatus && !reversedBy.has(e.id))
    .map((event): EffectiveTransition => {
      let input = inputOf(event);
      let occurredAt = event.occurredAt;
      for (const correction of correctedBy.get(event.id) ?? []) {
        const { occurredAt: at, ...rest } = changesOf(correction);
        if (at) occurredAt = at;
        input = { ...input, ...rest };
      }
      return {
        eventId: event.id,
        from: event.fromStatus as CaseStatus,
        to: event.toStatus as CaseStatus,
        occurredAt,
        note: input.note ?? null,
        input: { ...input, occurredAt },
        recordedBy: event.actorId,
        recordedAt: event.createdAt,
      };
    });
  return { transitions, reversedBy, correctedBy };
}

export interface ReplayStep {
  transition: EffectiveTransition;
  before: CaseSnapshot;
  after: CaseSnapshot;
}

/** The snapshot of a case as created: what its transitions set, unset. */
export function resetTransitionFacts(snapshot: CaseSnapshot): CaseSnapshot {
  return {
    ...snapshot,
    status: 'documented',
    appealLevel: 0,
    peerToPeerDone: false,
    authorizationNumber: null,
    validFrom: null,
    validTo: null,
    approvedUnits: null,
    denialCode: null,
    submittedAt: null,
    infoRequestedAt: null,
    decidedAt: null,
    deniedAt: null,
    appealedAt: null,
    externalReviewAt: null,
    infoDueOn: null,
  };
}

/**
 * The case's transition facts rebuilt from its effective history, step by step: the state, the
 * dates the clocks count from and each decision, as if the corrected facts had been recorded.
 */
export function replayTransitions(
  snapshot: CaseSnapshot,
  transitions: readonly EffectiveTransition[],
): { final: CaseSnapshot; steps: ReplayStep[] } {
  let current = resetTransitionFacts(snapshot);
  const steps: ReplayStep[] = [];
  for (const transition of transitions) {
    const at = new Date(transition.occurredAt);
    const after = applyTransition(current, transition.to, transition.input, at);
    steps.push({ transition, before: current, after });
    current = after;
  }
  return { final: current, steps };
}

/** Why a correction or reversal is refused: 'conflict' → 409, 'rule' → 422, 'forbidden' → 403. */
export class CorrectionError extends Error {
  override readonly name = 'CorrectionError';

  constructor(
    readonly code: 'conflict' | 'rule' | 'forbidden',
    message: string,
    readonly fields: readonly FieldReason[] = [],
  ) {
    super(message);
  }
}

export function isCorrectionError(error: unknown): error is CorrectionError {
  return error instanceof CorrectionError;
}

export function describeTransitionStep(from: CaseStatus, to: CaseStatus): string {
  return `"${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}"`;
}

function findTarget(history: EffectiveHistory, events: readonly RecordedEvent[], eventId: string) {
  const event = events.find((e) => e.id === eventId);
  if (!event || event.type !== 'transition' || !event.fromStatus || !event.toStatus) {
    throw new CorrectionError('conflict', 'Only a recorded status change can be corrected or reversed.');
  }
  const reversal = history.reversedBy.get(eventId);
  if (reversal) {
    throw new CorrectionError('conflict', `This step was already reversed on ${reversal.createdAt.slice(0, 10)}.`);
  }
  const index = history.transitions.findIndex((t) => t.eventId === eventId);
  return { event, index, transition: history.transitions[index] };
}

export interface ReversalCheck {
  events: readonly RecordedEvent[];
  eventId: string;
  actor: { id: string; roles: readonly Role[] };
  now: Date;
  timeZone: string;
  reason?: string | null;
}

/** The moment the recorder's undo window closes. */
export function undoDeadline(event: Pick<RecordedEvent, 'createdAt'>): Date {
  return new Date(Date.parse(event.createdAt) + UNDO_WINDOW_MS);
}

function assertLatest(history: EffectiveHistory, index: number, timeZone: string): void {
  const later = history.transitions[index + 1];
  if (later) {
    throw new CorrectionError(
      'rule',
      `A later step depends on this one: ${describeTransitionStep(later.from, later.to)} recorded on ${toLocalDate(later.occurredAt, timeZone)}. Reverse the latest step first.`,
    );
  }
}

/**
 * The recorder takes back their own latest step within the undo window; the step is reversed as
 * if never taken. Throws a CorrectionError naming the rule otherwise.
 */
export function assertMayUndo(check: ReversalCheck): EffectiveTransition {
  const history = computeEffectiveHistory(check.events);
  const { event, index, transition } = findTarget(history, check.events, check.eventId);
  if (event.actorId !== check.actor.id) {
    throw new CorrectionError(
      'forbidden',
      'Only the person who recorded a step may undo it; a manager can reverse it with a reason.',
    );
  }
  if (check.now.getTime() > undoDeadline(event).getTime()) {
    throw new CorrectionError(
      'rule',
      `A step can be undone only within ${UNDO_WINDOW_MINUTES} minutes of recording it; ask a manager to reverse it with a reason.`,
    );
  }
  assertLatest(history, index, check.timeZone);
  return transition;
}

function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function assertCorrector(actor: ReversalCheck['actor'], what: string): void {
  if (!actor.roles.some((role) => CORRECTORS.includes(role))) {
    throw new CorrectionError('forbidden', `Only a manager may ${what} a recorded step.`);
  }
}

/** A manager reverses the latest step with a reason; the original stays in the history. */
export function assertMayReverse(check: ReversalCheck): EffectiveTransition {
  assertCorrector(check.actor, 'reverse');
  const history = computeEffectiveHistory(check.events);
  const { index, transition } = findTarget(history, check.events, check.eventId);
  if (isBlank(check.reason)) {
    const reason = 'Say why the step is reversed (e.g. it was recorded on the wrong case).';
    throw new CorrectionError('rule', reason, [{ field: 'reason', reason }]);
  }
  assertLatest(history, index, check.timeZone);
  return transition;
}

export interface CorrectionCheck extends ReversalCheck {
  changes: EventChanges;
  snapshot: CaseSnapshot;
}

function describeDay(at: string, timeZone: string): string {
  return toLocalDate(at, timeZone);
}

/**
 * A manager's correction of a recorded step: what changes, checked by the rules a new step
 * meets (the date not before the event it answers nor in the future, and not after the step
 * that answers it; a valid CARC code on a denial). Returns the changes that differ, normalized.
 */
export function assertMayCorrect(check: CorrectionCheck): { transition: EffectiveTransition; changes: EventChanges } {
  assertCorrector(check.actor, 'correct');
  const history = computeEffectiveHistory(check.events);
  const { index, transition } = findTarget(history, check.events, check.eventId);
  const fields: FieldReason[] = [];
  if (isBlank(check.reason)) {
    fields.push({ field: 'reason', reason: 'Say why the step is corrected.' });
  }
  const changes: EventChanges = {};
  const { occurredAt, denialCode, denialText, note } = check.changes;
  if (occurredAt !== undefined && occurredAt !== null) {
    const at = parseInstant(occurredAt);
    const { steps } = replayTransitions(check.snapshot, history.transitions);
    const before = steps[index].before;
    fields.push(
      ...checkOccurredAt(
        { occurredAt },
        {
          now: check.now,
          appealLevel: before.appealLevel,
          answers: findAnsweredEvent(before),
          timeZone: check.timeZone,
        },
      ),
    );
    const next = history.transitions[index + 1];
    if (at && next && at.getTime() > Date.parse(next.occurredAt)) {
      fields.push({
        field: 'occurredAt',
        reason: `The event cannot be dated after the step that answers it, ${describeTransitionStep(next.from, next.to)} (${describeDay(next.occurredAt, check.timeZone)}).`,
      });
    }
    if (at && at.toISOString() !== new Date(transition.occurredAt).toISOString()) changes.occurredAt = at.toISOString();
  }
  if (denialCode !== undefined && denialCode !== null) {
    if (transition.to !== 'denied') {
      fields.push({ field: 'denialCode', reason: 'Only a denial has a denial code.' });
    } else {
      fields.push(...checkDenialCode({ denialCode }));
      const normalized = normalizeCarcCode(denialCode);
      if (isValidCarcCode(normalized) && normalized !== transition.input.denialCode) changes.denialCode = normalized;
    }
  }
  if (denialText !== undefined) {
    if (transition.to !== 'denied') fields.push({ field: 'denialText', reason: 'Only a denial has a denial text.' });
    else if ((denialText ?? null) !== (transition.input.denialText ?? null)) changes.denialText = denialText ?? null;
  }
  if (note !== undefined && (note ?? null) !== (transition.note ?? null)) changes.note = note ?? null;
  if (fields.length > 0) {
    throw new CorrectionError('rule', fields.map((f) => f.reason).join(' '), fields);
  }
  if (Object.keys(changes).length === 0) {
    throw new CorrectionError('rule', 'The correction changes nothing: give a new date, code or text.');
  }
  return { transition, changes };
}

/** What the person looking at a recorded step may do with it now. */
export interface EventAffordances {
  undoUntil: string | null;
  mayReverse: boolean;
  mayCorrect: boolean;
}

export function eventAffordances(
  history: EffectiveHistory,
  event: RecordedEvent,
  actor: { id: string; roles: readonly Role[] },
  now: Date,
): EventAffordances {
  const index = history.transitions.findIndex((t) => t.eventId === event.id);
  if (index < 0) return { undoUntil: null, mayReverse: false, mayCorrect: false };
  const latest = index === history.transitions.length - 1;
  const deadline = undoDeadline(event);
  const manager = actor.roles.some((role) => CORRECTORS.includes(role));
  return {
    undoUntil:
      latest && event.actorId === actor.id && now.getTime() <= deadline.getTime() ? deadline.toISOString() : null,
    mayReverse: latest && manager,
    mayCorrect: manager,
  };
}
