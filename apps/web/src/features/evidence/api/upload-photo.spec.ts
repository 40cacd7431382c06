import { toTakenAtInstant } from './upload-photo';

describe('toTakenAtInstant', () => {
  it.each([
    ['2026-11-23', '2026-11-23T17:00:00.000Z'], // EST
    ['2026-07-04', '2026-07-04T16:00:00.000Z'], // EDT
  ])('sends %s as noon in the clinic', (date, instant) => {
    expect(toTakenAtInstant(date)).toBe(instant);
  });

  it('passes a full date-time through', () => {
    expect(toTakenAtInstant('2026-11-23T09:30:00Z')).toBe('2026-11-23T09:30:00Z');
  });
});
