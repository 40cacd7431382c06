import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { formatDateTime } from '../../../ui/format';
import type { CaseClock } from '../api/types';
import { ClockText } from './ClockText';

const clock: CaseClock = {
  kind: 'appeal_decision',
  label: 'Appeal decision',
  dueAt: '2026-11-22T04:59:59.999Z',
  dueDate: '2026-11-21',
  owner: 'payer',
  overdue: true,
  text: 'Appeal decision overdue by 14 d',
};
// jsdom lays nothing out, so floating-ui's hide middleware marks the tooltip hidden: found with
// `hidden: true`; a browser test sees it on screen.
const hint = `Appeal decision: due ${formatDateTime(clock.dueAt)}`;

describe('ClockText', () => {
  it('shows the due date and time on hover and on keyboard focus, and hides it after', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<ClockText clock={clock} />);
    const text = screen.getByTestId('clock-text');
    expect(text).toHaveTextContent('⚠ Appeal decision overdue by 14 d');
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();

    await user.hover(text);
    expect(await screen.findByRole('tooltip', { hidden: true })).toHaveTextContent(hint);
    await user.unhover(text);
    await waitFor(() => expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument());

    await user.tab();
    expect(text).toHaveFocus();
    expect(await screen.findByRole('tooltip', { hidden: true })).toHaveTextContent(hint);
    await user.tab();
    await waitFor(() => expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument());
  });

  it('says so when no clock runs, with nothing to hover', () => {
    renderWithProviders(<ClockText clock={null} />);
    expect(screen.getByTestId('clock-text')).toHaveTextContent('No running clock');
    expect(screen.getByTestId('clock-text')).not.toHaveAttribute('tabindex');
  });
});
