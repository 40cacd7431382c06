import { CLOCK_KINDS, CLOCK_LABELS, CLOCK_OWNERS, toLocalDate, type Clock, type ClockKind } from '@preauth/domain';
import { storedClockDto, toClockDto } from './case-mapping';

const NOW = new Date('2026-03-10T15:00:00.000Z');
const TZ = 'America/New_York';

/** The clock the case page computes, for a kind and instant: what a list row must agree with. */
function pageClock(kind: ClockKind, dueAt: Date): Clock {
  return {
    kind,
    label: CLOCK_LABELS[kind],
    dueAt: dueAt.toISOString(),
    dueDate: toLocalDate(dueAt, TZ),
    owner: CLOCK_OWNERS[kind],
    overdue: dueAt.getTime() < NOW.getTime(),
    msRemaining: dueAt.getTime() - NOW.getTime(),
    startedAt: null,
    basis: '',
  };
}

describe('storedClockDto (list rows)', () => {
  it('is null without a stored kind or instant', () => {
    expect(storedClockDto(null, NOW, TZ, NOW)).toBeNull();
    expect(storedClockDto('payer_decision', null, TZ, NOW)).toBeNull();
  });

  // Minutes, hours and days either side of now, and now itself (due this instant is not overdue).
  const offsets = [-5 * 86_400_000, -3 * 3_600_000, -90_000, -1, 0, 30_000, 2 * 3_600_000 + 1, 3 * 86_400_000];
  it.each(CLOCK_KINDS.flatMap((kind) => offsets.map((offset) => [kind, offset] as const)))(
    '%s due %i ms from now reads as the case page does',
    (kind, offset) => {
      const dueAt = new Date(NOW.getTime() + offset);
      expect(storedClockDto(kind, dueAt, TZ, NOW)).toEqual(toClockDto(pageClock(kind, dueAt), NOW));
    },
  );

  it('dates the deadline in the clinic time zone', () => {
    // 02:30 UTC on 11 March is still 10 March in New York.
    const dto = storedClockDto('appeal_filing', new Date('2026-03-11T02:30:00.000Z'), TZ, NOW);
    expect(dto).toMatchObject({ dueDate: '2026-03-10', overdue: false, owner: CLOCK_OWNERS.appeal_filing });
    expect(dto?.text).toMatch(/11 h$/);
  });
});
