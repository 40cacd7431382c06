import { screen, within } from '@testing-library/react';
import { renderWithProviders, createTestClient } from '../../../test-utils';
import { reportKeys } from '../api/report-keys';
import type { OverturnReport } from '../api/types';
import { OverturnByPayerSection, OverturnByReasonSection } from './OverturnSection';

const RANGE = { from: '2026-05-01', to: '2026-05-31' };
const PAYER = '6f1c9a52-2b1e-4c55-9a3e-0a8d4b1f2c3d';

function render(kind: 'payer' | 'reason', report: OverturnReport) {
  const client = createTestClient();
  client.setQueryData(
    kind === 'payer' ? reportKeys.overturnByPayer(RANGE) : reportKeys.overturnByReason(RANGE),
    report,
  );
  return renderWithProviders(
    kind === 'payer' ? <OverturnByPayerSection range={RANGE} /> : <OverturnByReasonSection range={RANGE} />,
    client,
  );
}

const params = (link: HTMLElement) =>
  Object.fromEntries(new URL(link.getAttribute('href') ?? '', 'http://x').searchParams);

describe('OverturnSection', () => {
  it('shows a payer row as the CSV has it, its counts opening the reviewed and the overturned cases', () => {
    render('payer', {
      rows: [{ key: PAYER, label: 'Alpha Health', described: true, decided: 1234, overturned: 617, overturnRate: 0.5 }],
    });
    const table = screen.getByRole('table', { name: 'Overturn rate by payer' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Payer', 'Appeals decided', 'Overturned', 'Overturn rate']);
    const row = within(table).getByRole('row', { name: /Alpha Health/ });
    expect(row).toHaveTextContent('1,234');
    expect(row).toHaveTextContent('50%');
    const review = { decidedFrom: RANGE.from, decidedTo: RANGE.to, decisionStage: 'review', payerId: PAYER };
    expect(params(screen.getByRole('link', { name: 'Appeals decided: Alpha Health, 1,234' }))).toEqual(review);
    expect(params(screen.getByRole('link', { name: 'Overturned: Alpha Health, 617' }))).toEqual({
      ...review,
      outcome: 'overturned',
    });
  });

  it('opens a reason row by the code of the denial reviewed', () => {
    render('reason', {
      rows: [
        {
          key: 'CO-50',
          label: 'Not medically necessary',
          described: true,
          decided: 4,
          overturned: 1,
          overturnRate: 0.25,
        },
      ],
    });
    expect(screen.getByRole('row', { name: /CO-50/ })).toHaveTextContent('25%');
    expect(params(screen.getByRole('link', { name: /^Overturned: Not medically necessary/ }))).toMatchObject({
      decisionStage: 'review',
      reviewedDenialCode: 'CO-50',
      outcome: 'overturned',
    });
  });
});
