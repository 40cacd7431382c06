import type { Role } from '@preauth/domain';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { NoteForm } from './NoteForm';

function kindOptions(): string[] {
  return within(screen.getByLabelText('Kind of note'))
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
}

describe('NoteForm', () => {
  it.each<[string, Role[], string[]]>([
    ['front desk', ['front_desk'], ['Payer call', 'Other']],
    ['physician', ['physician'], ['Clinical note', 'Payer call', 'Letter draft', 'Other']],
    ['manager', ['manager'], ['Payer call', 'Letter draft', 'Other']],
    [
      'front desk who is also a physician',
      ['front_desk', 'physician'],
      ['Clinical note', 'Payer call', 'Letter draft', 'Other'],
    ],
  ])('offers a %s only the kinds of note the role may write', (_who, roles, expected) => {
    renderWithProviders(<NoteForm roles={roles} onSubmit={jest.fn()} />);
    expect(kindOptions()).toEqual(expected);
  });

  it('offers no form to a role that may write no note', () => {
    renderWithProviders(<NoteForm roles={['admin']} onSubmit={jest.fn()} />);
    expect(screen.queryByTestId('note-form')).not.toBeInTheDocument();
  });

  it('sends the chosen kind and text, then clears the text', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    renderWithProviders(<NoteForm roles={['physician']} onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Kind of note'), 'Payer call');
    await user.type(screen.getByLabelText('Note'), 'Called Aetna, ref 123.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'payer_call', text: 'Called Aetna, ref 123.' });
    expect(screen.getByLabelText('Note')).toHaveValue('');
  });

  it('shows the API’s refusal and keeps the text', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(
      <NoteForm
        roles={['physician']}
        onSubmit={jest.fn().mockRejectedValue(new Error('Clinical note notes may only be written by: physician.'))}
      />,
    );
    await user.type(screen.getByLabelText('Note'), 'Findings');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('may only be written by');
    expect(screen.getByLabelText('Note')).toHaveValue('Findings');
  });
});
