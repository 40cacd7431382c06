import {
  assertMayCorrect,
  assertMayReverse,
  assertMayUndo,
  computeEffectiveHistory,
  CorrectionError,
  eventAffordances,
  replayTransitions,
  UNDO_WINDOW_MS,
  type RecordedEvent,
} from './corrections';
import { buildSnapshot, TIME_ZONE } from './testing/case-fixtures';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const DESK = { id: 'desk', roles: ['front_desk'] as const };
const OTHER_DESK = { id: 'other', roles: ['front_desk'] as const };
const MANAGER = { id: 'boss', roles: ['manager'] as const };

function step(
  id: string,
  from: string,
  to: string,
  occurredAt: string,
  data: Record<string, unknown> = {},
): RecordedEvent {
  return {
    id,
    type: 'transition',
    fromStatus: from as RecordedEvent['fromStatus'],
    toStatus: to as RecordedEvent['toStatus'],
    actorId: 'desk',
    note: null,
    data,
    occurredAt,
    createdAt: id === '3' ? new Date(NOW.getTime() - 60_000).toISOString() : occurredAt,
    correctsEventId: null,
  };
}

const SUBMIT = step('2', 'documented', 'submitted', '2026-06-01T14:00:00.000Z');
const DENY = step('3', 'submitted', 'denied', '2026-06-05T15:00:00.000Z', { denialCode: 'CO-50' });
const HISTORY = [SUBMIT, DENY];
const base = buildSnapshot({ status: 'denied' });

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CorrectionError ? `${error.code}: ${error.message}` : String(error);
  }
  return undefined;
}

describe('effective history', () => {
  it('replays the steps that count, with corrected values, and leaves reversed ones out', () => {
    const correction: RecordedEvent = {
      ...DENY,
      id: '4',
      type: 'correction',
      data: { changes: { occurredAt: '2026-06-06T15:00:00.000Z', denialCode: 'CO-96' } },
      correctsEventId: '3',
    };
    const history = computeEffectiveHistory([correction, ...HISTORY]);
    const { final } = replayTransitions(base, history.transitions);
    expect(final).toMatchObject({
      status: 'denied',
      deniedAt: '2026-06-06T15:00:00.000Z',
      denialCode: 'CO-96',
      submittedAt: SUBMIT.occurredAt,
    });
    const reversal: RecordedEvent = { ...DENY, id: '5', type: 'reversal', data: {}, correctsEventId: '3' };
    const reversed = replayTransitions(base, computeEffectiveHistory([...HISTORY, correction, reversal]).transitions);
    expect(reversed.final).toMatchObject({ status: 'submitted', deniedAt: null, denialCode: null, decidedAt: null });
  });
});

describe('undo', () => {
  const check = { events: HISTORY, eventId: '3', actor: DESK, now: NOW, timeZone: TIME_ZONE };

  it(`is the recorder's, on the latest step, within ${UNDO_WINDOW_MS / 60_000} minutes`, () => {
    expect(code(() => assertMayUndo(check))).toBeUndefined();
    expect(code(() => assertMayUndo({ ...check, actor: OTHER_DESK }))).toMatch(/^forbidden: Only the person/);
    const late = new Date(Date.parse(DENY.createdAt) + UNDO_WINDOW_MS + 1);
    expect(code(() => assertMayUndo({ ...check, now: late }))).toMatch(/^rule: A step can be undone only within 15/);
    expect(code(() => assertMayUndo({ ...check, eventId: '2', now: new Date(SUBMIT.createdAt) }))).toMatch(
      /^rule: A later step depends on this one/,
    );
  });

  it('offers the undo to the recorder only, until the window closes', () => {
    const history = computeEffectiveHistory(HISTORY);
    expect(eventAffordances(history, DENY, DESK, NOW).undoUntil).toBe(
      new Date(Date.parse(DENY.createdAt) + UNDO_WINDOW_MS).toISOString(),
    );
    expect(eventAffordances(history, DENY, OTHER_DESK, NOW)).toEqual({
      undoUntil: null,
      mayReverse: false,
      mayCorrect: false,
    });
    expect(eventAffordances(history, SUBMIT, MANAGER, NOW)).toEqual({
      undoUntil: null,
      mayReverse: false,
      mayCorrect: true,
    });
  });
});

describe('reversal and correction', () => {
  const check = { events: HISTORY, eventId: '3', actor: MANAGER, now: NOW, timeZone: TIME_ZONE, reason: 'Wrong case' };

  it('are a manager’s, with a reason', () => {
    expect(code(() => assertMayReverse(check))).toBeUndefined();
    expect(code(() => assertMayReverse({ ...check, actor: DESK }))).toMatch(/^forbidden: Only a manager/);
    expect(code(() => assertMayReverse({ ...check, reason: ' ' }))).toMatch(/^rule: Say why/);
  });

  it('keeps a corrected date between the event it answers and the step that answers it', () => {
    const correct = (eventId: string, occurredAt: string) =>
      code(() => assertMayCorrect({ ...check, eventId, snapshot: base, changes: { occurredAt } }));
    expect(correct('3', '2026-05-30T00:00:00.000Z')).toMatch(/before the submission it answers \(2026-06-01\)/);
    expect(correct('2', '2026-06-07T00:00:00.000Z')).toMatch(/after the step that answers it/);
    expect(correct('3', '2026-06-12T00:00:00.000Z')).toMatch(/cannot be in the future/);
    expect(correct('3', '2026-06-06T00:00:00.000Z')).toBeUndefined();
    expect(correct('3', DENY.occurredAt)).toMatch(/changes nothing/);
  });
});
