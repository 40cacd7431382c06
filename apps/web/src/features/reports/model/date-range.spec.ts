import { presetRange, validateRange } from './date-range';

describe('presetRange', () => {
  it.each([
    ['this_month', '2026-03-15', { from: '2026-03-01', to: '2026-03-15' }],
    ['last_quarter', '2026-02-10', { from: '2025-10-01', to: '2025-12-31' }],
    ['last_quarter', '2026-06-30', { from: '2026-01-01', to: '2026-03-31' }],
    ['this_year', '2026-11-24', { from: '2026-01-01', to: '2026-11-24' }],
    ['last_12_months', '2026-11-24', { from: '2025-11-25', to: '2026-11-24' }],
    ['last_12_months', '2026-12-31', { from: '2026-01-01', to: '2026-12-31' }],
  ] as const)('%s on %s', (preset, today, expected) => {
    expect(presetRange(preset, today)).toEqual(expected);
  });
});

describe('validateRange', () => {
  it('accepts a one-day range', () => expect(validateRange({ from: '2026-05-01', to: '2026-05-01' })).toEqual({}));
  it('refuses from after to', () =>
    expect(validateRange({ from: '2026-05-02', to: '2026-05-01' }).to).toMatch(/must not be before/));
  it('refuses a day that does not exist', () =>
    expect(validateRange({ from: '2026-02-30', to: '2026-05-01' }).from).toMatch(/YYYY-MM-DD/));
});
