import { fillMonths } from './fill-months';

describe('fillMonths', () => {
  it('adds the months without activity as zeros, across a year end', () => {
    const rows = fillMonths(
      [{ month: '2026-01', submitted: 2, decisions: 1, approved: 1, denied: 0, medianHours: 30 }],
      { from: '2025-11-25', to: '2026-02-03' },
    );
    expect(rows.map((row) => row.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(rows[0]).toEqual({
      month: '2025-11',
      submitted: 0,
      decisions: 0,
      approved: 0,
      denied: 0,
      medianHours: null,
    });
    expect(rows[2].submitted).toBe(2);
  });
});
