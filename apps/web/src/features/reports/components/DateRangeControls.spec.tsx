import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { DateRangeControls } from './DateRangeControls';

const TODAY = '2026-11-24';

function setup(value = { from: '2025-11-25', to: TODAY }) {
  const onChange = jest.fn();
  renderWithProviders(<DateRangeControls value={value} onChange={onChange} today={TODAY} />);
  return { onChange, from: screen.getByLabelText('From'), to: screen.getByLabelText('To') };
}

describe('DateRangeControls', () => {
  it('marks the preset that matches the range (last 12 months by default)', () => {
    setup();
    expect(screen.getByRole('button', { name: 'Last 12 months' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'This year' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('applies a preset in the clinic calendar', async () => {
    const { onChange } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Last quarter' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-07-01', to: '2026-09-30' });
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-11-01', to: TODAY });
    await userEvent.click(screen.getByRole('button', { name: 'This year' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-01-01', to: TODAY });
  });

  it('applies a valid custom range', () => {
    const { onChange, from } = setup();
    fireEvent.change(from, { target: { value: '2026-03-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-03-01', to: TODAY });
  });

  it('refuses a start after the end: it says so and keeps the figures for the last valid range', () => {
    const { onChange, from, to } = setup();
    fireEvent.change(from, { target: { value: '2026-12-01' } });
    expect(screen.getByText('The end date must not be before the start date')).toBeInTheDocument();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(to, { target: { value: '2026-12-31' } });
    expect(screen.queryByText('The end date must not be before the start date')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('asks for both dates', () => {
    const { onChange, to } = setup();
    fireEvent.change(to, { target: { value: '' } });
    expect(screen.getByText('Enter an end date')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });
});
