import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import type { Letter } from '../api/types';
import { LetterEditor } from './LetterEditor';

const draft: Letter = {
  id: '00000000-0000-4000-8000-0000000000b1',
  caseId: '00000000-0000-4000-8000-0000000000aa',
  kind: 'medical_necessity',
  version: 1,
  status: 'draft',
  revision: 3,
  text: 'To whom it may concern,\n\nThe lesions itch and bleed.',
  facts: {},
  createdBy: { id: 'u1', name: 'Dana Whitfield, MD' },
  editedBy: null,
  signedBy: null,
  signedAt: null,
  textSha256: null,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};
const signed: Letter = {
  ...draft,
  status: 'signed',
  signedBy: { id: 'u1', name: 'Dana Whitfield, MD' },
  signedAt: '2026-11-21T15:30:00.000Z',
  textSha256: 'ab',
};

describe('LetterEditor', () => {
  it('lets the physician edit and save a draft, and sign only after saving, with a confirm', async () => {
    const user = userEvent.setup({ delay: null });
    const onSave = jest.fn().mockResolvedValue(undefined);
    const onSign = jest.fn().mockResolvedValue(undefined);
    renderWithProviders(<LetterEditor letter={draft} mayEdit onSave={onSave} onSign={onSign} />);
    const text = screen.getByLabelText('Letter text');
    expect(text).not.toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();

    await user.type(text, ' Photos attached.');
    expect(screen.getByRole('button', { name: 'Sign…' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSave).toHaveBeenCalledWith(`${draft.text} Photos attached.`);

    // Saved: the server's text comes back and the draft is clean again.
    renderWithProviders(
      <LetterEditor
        letter={{ ...draft, revision: 4, text: `${draft.text} Photos attached.` }}
        mayEdit
        onSave={onSave}
        onSign={onSign}
      />,
    );
    const signButtons = screen.getAllByRole('button', { name: 'Sign…' });
    await user.click(signButtons[signButtons.length - 1]);
    expect(await screen.findByText(/Signing freezes this version/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign letter' }));
    expect(onSign).toHaveBeenCalledTimes(1);
  });

  it('disables editing once the letter is signed and says who signed it when', () => {
    renderWithProviders(<LetterEditor letter={signed} mayEdit onSave={jest.fn()} onSign={jest.fn()} />);
    const text = screen.getByLabelText('Letter text');
    expect(text).toHaveAttribute('readonly');
    expect(text).toHaveAccessibleDescription('Signed: this text is frozen.');
    expect(screen.getByText('Signed')).toBeInTheDocument();
    expect(screen.getByTestId('letter-signature')).toHaveTextContent(/Signed by Dana Whitfield, MD on Nov 21, 2026/);
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign/ })).not.toBeInTheDocument();
  });

  it('shows a draft read-only to someone who may not edit it', () => {
    renderWithProviders(<LetterEditor letter={draft} mayEdit={false} onSave={jest.fn()} onSign={jest.fn()} />);
    expect(screen.getByLabelText('Letter text')).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });
});
