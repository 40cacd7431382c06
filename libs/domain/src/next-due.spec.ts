import { computeDeadlines, DEFAULT_DEADLINE_RULES } from './deadlines';
import { compareStoredDue, computeStoredDue } from './next-due';
import { buildSnapshot, NOW, TIME_ZONE } from './testing/case-fixtures';

const RULE = DEFAULT_DEADLINE_RULES.commercial_erisa;

describe('computeStoredDue', () => {
  it('is empty while no clock runs', () => {
    expect(computeStoredDue(buildSnapshot(), RULE, TIME_ZONE, NOW)).toEqual({ at: null, kind: null });
  });

  it("is the payer's decision deadline while the payer has the request", () => {
    const submitted = buildSnapshot({ status: 'submitted', submittedAt: '2026-06-10T14:00:00.000Z' });
    const clock = computeDeadlines(submitted, RULE, { now: NOW, timeZone: TIME_ZONE }).clocks.find(
      (c) => c.kind === 'payer_decision',
    );
    expect(computeStoredDue(submitted, RULE, TIME_ZONE, NOW)).toEqual({
      at: new Date(clock!.dueAt),
      kind: 'payer_decision',
    });
  });

  it('lets the appeal window, not the earlier peer-to-peer window, bind a denied case', () => {
    const denied = buildSnapshot({
      status: 'denied',
      submittedAt: '2026-06-01T14:00:00.000Z',
      decidedAt: '2026-06-10T14:00:00.000Z',
      deniedAt: '2026-06-10T14:00:00.000Z',
      denialCode: 'CO-50',
    });
    const kinds = computeDeadlines(denied, RULE, { now: NOW, timeZone: TIME_ZONE }).clocks.map((c) => c.kind);
    expect(kinds).toContain('peer_to_peer_request');
    expect(computeStoredDue(denied, RULE, TIME_ZONE, NOW).kind).toBe('appeal_filing');
  });
});

describe('compareStoredDue', () => {
  const now = new Date('2026-06-20T12:00:00.000Z');
  const at = (iso: string) => ({ at: new Date(iso), kind: 'payer_decision' as const });

  it('sees no change when the date and kind stay', () => {
    expect(compareStoredDue(at('2026-06-25T00:00:00Z'), at('2026-06-25T00:00:00Z'), now)).toEqual({
      changed: false,
      becomesOverdue: false,
    });
  });

  it('flags a date moved into the past as becoming overdue', () => {
    expect(compareStoredDue(at('2026-06-25T00:00:00Z'), at('2026-06-19T00:00:00Z'), now)).toEqual({
      changed: true,
      becomesOverdue: true,
    });
  });

  it('does not count a case that was already overdue', () => {
    expect(compareStoredDue(at('2026-06-18T00:00:00Z'), at('2026-06-15T00:00:00Z'), now)).toEqual({
      changed: true,
      becomesOverdue: false,
    });
  });

  it('counts a clock that starts running as a change', () => {
    expect(compareStoredDue({ at: null, kind: null }, at('2026-06-30T00:00:00Z'), now).changed).toBe(true);
  });
});
