import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import type { Letter, LetterSigner } from '../api/types';
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
  signatureMethod: null,
  signer: null,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};
const signed: Letter = {
  ...draft,
  status: 'signed',
  signedBy: { id: 'u1', name: 'Dana Whitfield, MD' },
  signedAt: '2026-11-21T15:30:00.000Z',
  textSha256: 'ab',
  signatureMethod: 'password',
  signer: { name: 'Dana Whitfield, MD', npi: '1234567893' },
};
const colleague: LetterSigner = {
  signer: { name: 'Pat Sanchez, DO', npi: '1987654320' },
  orderingPhysician: { name: 'Dana Whitfield, MD', npi: '1234567893' },
  differentFromOrdering: true,
  refusal: null,
  method: 'password',
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
        signer={colleague}
      />,
    );
    const signButtons = screen.getAllByRole('button', { name: 'Sign…' });
    await user.click(signButtons[signButtons.length - 1]);
    expect(await screen.findByText(/Signing freezes this version/)).toBeInTheDocument();
    // Before signing it says who signs and that the ordering physician is someone else.
    expect(screen.getByTestId('signer-statement')).toHaveTextContent('You sign as Pat Sanchez, DO, NPI 1987654320.');
    expect(screen.getByTestId('signer-differs')).toHaveTextContent(
      'Ordering physician: Dana Whitfield, MD; signed by Pat Sanchez, DO',
    );
    expect(screen.getByRole('button', { name: 'Sign letter' })).toBeDisabled();
    await user.type(screen.getByLabelText(/Your password/), 'preauth-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign letter' }));
    expect(onSign).toHaveBeenCalledWith({ password: 'preauth-demo-2026' });
  });

  it('asks for the authenticator code under two-factor sign-in, and keeps the dialog open on a wrong one', async () => {
    const user = userEvent.setup({ delay: null });
    const onSign = jest.fn().mockRejectedValue(new Error('The authenticator code is wrong. Nothing was signed.'));
    renderWithProviders(
      <LetterEditor
        letter={draft}
        mayEdit
        onSave={jest.fn()}
        onSign={onSign}
        signer={{ ...colleague, differentFromOrdering: false, method: 'totp' }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Sign…' }));
    expect(await screen.findByTestId('signer-statement')).toBeInTheDocument();
    expect(screen.queryByTestId('signer-differs')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/Authenticator code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign letter' }));
    expect(onSign).toHaveBeenCalledWith({ totp: '123456' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was signed.');
    expect(screen.getByRole('button', { name: 'Sign letter' })).toBeInTheDocument();
  });

  it('shows why an unlinked physician cannot sign', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(
      <LetterEditor
        letter={draft}
        mayEdit
        onSave={jest.fn()}
        onSign={jest.fn()}
        signer={{ ...colleague, signer: null, refusal: 'Your account is not linked to an active provider.' }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Sign…' }));
    expect(await screen.findByTestId('signer-refusal')).toHaveTextContent('not linked');
    expect(screen.getByRole('button', { name: 'Sign letter' })).toBeDisabled();
  });

  it('disables editing once the letter is signed and says who signed it when', () => {
    renderWithProviders(<LetterEditor letter={signed} mayEdit onSave={jest.fn()} onSign={jest.fn()} />);
    const text = screen.getByLabelText('Letter text');
    expect(text).toHaveAttribute('readonly');
    expect(text).toHaveAccessibleDescription('Signed: this text is frozen.');
    expect(screen.getByText('Signed')).toBeInTheDocument();
    expect(screen.getByTestId('letter-signature')).toHaveTextContent(
      /Signed by Dana Whitfield, MD, NPI 1234567893 on Nov 21, 2026.*\(confirmed by password\)/,
    );
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign/ })).not.toBeInTheDocument();
  });

  it('shows a draft read-only to someone who may not edit it', () => {
    renderWithProviders(<LetterEditor letter={draft} mayEdit={false} onSave={jest.fn()} onSign={jest.fn()} />);
    expect(screen.getByLabelText('Letter text')).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });
});
