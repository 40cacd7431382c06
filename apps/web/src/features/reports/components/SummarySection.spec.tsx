import { screen, within } from '@testing-library/react';
import { renderWithProviders, createTestClient } from '../../../test-utils';
import { reportKeys } from '../api/report-keys';
import type { SummaryReport } from '../api/types';
import { SummarySection } from './SummarySection';

const RANGE = { from: '2025-11-25', to: '2026-11-24' };

const SUMMARY: SummaryReport = {
  from: RANGE.from,
  to: RANGE.to,
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
  approvedAfterAppeal: 4,
  approvedAfterAppealShare: 0.0952,
  deniedThenAppealed: 6,
  appealRate: 0.6667,
  overturnRate: 0.5,
  overturnByStage: [
    { stage: 'appeal_1', decisions: 6, overturned: 3, overturnRate: 0.5 },
    { stage: 'external_review', decisions: 0, overturned: 0, overturnRate: null },
  ],
};

function renderSummary(summary: SummaryReport) {
  const client = createTestClient();
  client.setQueryData(reportKeys.summary(RANGE), summary);
  return renderWithProviders(<SummarySection range={RANGE} />, client);
}

const statValue = (testId: string) => screen.getByTestId(`${testId}-value`).textContent;

describe('SummarySection', () => {
  it('shows the figures it is given, shares as percentages', () => {
    renderSummary(SUMMARY);
    expect(statValue('stat-submitted')).toBe('48');
    expect(statValue('stat-approved')).toBe('71.4%');
    expect(statValue('stat-partially-approved')).toBe('7.1%');
    expect(statValue('stat-denied')).toBe('21.4%');
    expect(statValue('stat-withdrawn')).toBe('4.2%');
    expect(statValue('stat-completed')).toBe('83.3%');
    expect(statValue('stat-approved-after-appeal')).toBe('9.5%');
    expect(statValue('stat-appeal-rate')).toBe('66.7%');
    expect(statValue('stat-overturn-rate')).toBe('50%');
    expect(screen.getByTestId('stat-appeal-rate')).toHaveTextContent('6 of 9 denials appealed');

    // Levels without decisions are left out of the by-level table.
    const table = screen.getByRole('table', { name: 'Overturn rate by review level' });
    expect(within(table).getByRole('columnheader', { name: 'Overturn rate' })).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /First-level appeal/ });
    expect(row).toHaveTextContent('50%');
    expect(within(table).queryByText('External review')).not.toBeInTheDocument();

    // The export link carries the range.
    expect(screen.getByRole('link', { name: /Export CSV/ })).toHaveAttribute(
      'href',
      '/api/reports/export?table=summary&from=2025-11-25&to=2026-11-24',
    );
  });

  it('shows an empty state, not zeros divided by zero, for a range with no activity', () => {
    renderSummary({
      ...SUMMARY,
      submitted: 0,
      decisions: 0,
      approved: 0,
      partiallyApproved: 0,
      denied: 0,
      withdrawn: 0,
      completed: 0,
      approvalsUsedShare: null,
      approvedShare: null,
      partiallyApprovedShare: null,
      deniedShare: null,
      approvedAfterAppeal: 0,
      approvedAfterAppealShare: null,
      deniedThenAppealed: 0,
      appealRate: null,
      overturnRate: null,
      overturnByStage: [],
    });
    expect(screen.getByTestId('report-empty')).toHaveTextContent(
      'No requests were submitted, decided or withdrawn in this range.',
    );
    expect(screen.queryByTestId('stat-approved')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('shows a dash for a share the API could not compute', () => {
    renderSummary({ ...SUMMARY, denied: 0, deniedShare: 0, deniedThenAppealed: 0, appealRate: null });
    expect(statValue('stat-appeal-rate')).toBe('—');
    expect(document.body.textContent).not.toMatch(/NaN/);
  });
});
