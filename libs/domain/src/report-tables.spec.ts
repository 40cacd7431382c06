import { DECISION_TIME_COLUMNS, fillTrendMonths, sortOverturnRows, summaryFigures } from './report-columns';
import { formatReportValue, reportCsvRecords } from './report-tables';

const screen = { target: 'screen', timeZone: 'America/New_York' } as const;
const csv = { target: 'csv', timeZone: 'America/New_York' } as const;

describe('report figures', () => {
  it('writes shares as percentages and durations in the unit a reader expects, on screen and in CSV alike', () => {
    for (const format of [screen, csv]) {
      expect(formatReportValue('share', 0.4286, format)).toBe('42.9%');
      expect(formatReportValue('duration', 0.5, format)).toBe('30 min');
      expect(formatReportValue('duration', 56, format)).toBe('56 h');
      expect(formatReportValue('duration', 86.4, format)).toBe('3.6 d');
      expect(formatReportValue('days', 1.25, format)).toBe('1.3 d');
      expect(formatReportValue('month', '2026-03', format)).toBe('Mar 2026');
    }
  });

  it('groups thousands and dashes a missing figure on screen; a CSV keeps numbers plain and the cell empty', () => {
    expect(formatReportValue('count', 12345, screen)).toBe('12,345');
    expect(formatReportValue('count', 12345, csv)).toBe('12345');
    expect(formatReportValue('share', null, screen)).toBe('—');
    expect(formatReportValue('share', null, csv)).toBe('');
    expect(formatReportValue('duration', Number.NaN, csv)).toBe('');
  });

  it("writes an instant as the clinic's clocks read it, with a plain space before AM/PM", () => {
    expect(formatReportValue('datetime', '2026-03-25T03:59:59Z', csv)).toBe('Mar 24, 2026, 11:59 PM EDT');
    expect(formatReportValue('datetime', '2026-03-25T03:59:59Z', { ...csv, timeZone: 'Europe/Berlin' })).toBe(
      'Mar 25, 2026, 4:59 AM GMT+1',
    );
  });

  it('builds a CSV from the columns the screen shows, headers first', () => {
    expect(
      reportCsvRecords(
        DECISION_TIME_COLUMNS,
        [
          {
            urgency: 'expedited',
            decisions: 1200,
            meanHours: 84,
            medianHours: null,
            p90Hours: 2,
            late: 1,
            lateShare: 0.5,
          },
        ],
        'UTC',
      ),
    ).toEqual([
      ['Urgency', 'Decisions', 'Mean', 'Median', '90th percentile', 'After deadline', 'Share late'],
      ['Expedited', '1200', '3.5 d', '', '2 h', '1', '50%'],
    ]);
  });

  it('words the summary tiles, with the withdrawn share of what was submitted', () => {
    const figures = summaryFigures({
      submitted: 48,
      decisions: 42,
      approved: 30,
      partiallyApproved: 3,
      denied: 9,
      withdrawn: 2,
      completed: 5,
      approvalsUsedShare: 0.8333,
      approvedShare: 0.7143,
      partiallyApprovedShare: 0.0714,
      deniedShare: 0.2143,
      approvedAfterAppeal: 1,
      approvedAfterAppealShare: 0.0238,
      deniedThenAppealed: 6,
      appealRate: 0.6667,
      overturnRate: null,
      overturnByStage: [],
    });
    expect(figures.find((f) => f.key === 'withdrawn')).toMatchObject({
      value: '4.2%',
      detail: '2 withdrawn, of 48 submitted',
    });
    expect(figures.find((f) => f.key === 'approved-after-appeal')?.detail).toBe('1 approval on review');
    expect(figures.find((f) => f.key === 'overturn-rate')?.value).toBe('—');
    expect(figures.find((f) => f.key === 'completed')).toMatchObject({
      value: '83.3%',
      detail: '5 cases completed; the rest of the approvals that ended expired',
    });
  });

  it('orders overturn rows by appeals decided, then by name', () => {
    const row = (label: string, decided: number) => ({ key: label, label, decided, overturned: 0, overturnRate: 0 });
    expect(sortOverturnRows([row('B', 1), row('A', 1), row('C', 3)]).map((r) => r.label)).toEqual(['C', 'A', 'B']);
  });

  it('adds the months without activity as zeros, across a year end', () => {
    const rows = fillTrendMonths(
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
