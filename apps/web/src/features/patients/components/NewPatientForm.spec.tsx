import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { NewPatientForm } from './NewPatientForm';

const post = jest.fn();
jest.mock('../../../app/api', () => ({ api: { POST: (...args: unknown[]) => post(...args) } }));

jest.setTimeout(20_000);

function input(name: RegExp): HTMLInputElement {
  const found = screen.getAllByLabelText(name).find((element) => element.tagName === 'INPUT');
  if (!found) throw new Error(`No input labelled ${name}`);
  return found as HTMLInputElement;
}

describe('NewPatientForm', () => {
  beforeEach(() => post.mockReset());

  it('splits the searched name and checks the MRN as the server does', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<NewPatientForm initialName="Ada Lovelace King" onCreated={jest.fn()} onCancel={jest.fn()} />);
    expect(input(/First name/)).toHaveValue('Ada');
    expect(input(/Last name/)).toHaveValue('Lovelace King');
    await user.type(input(/MRN/), 'MRN 12/3');
    await user.tab();
    expect(await screen.findByText('The MRN may contain letters, digits and dashes only.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add patient' }));
    expect(await screen.findByText('Enter the date of birth.')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('shows a server refusal next to the field', async () => {
    const user = userEvent.setup({ delay: null });
    post.mockResolvedValue({
      error: {
        statusCode: 400,
        errors: [{ field: 'memberId', reason: 'must be shorter than or equal to 60 characters' }],
      },
      response: { ok: false, status: 400 },
    });
    renderWithProviders(<NewPatientForm initialName="Ada Lovelace" onCreated={jest.fn()} onCancel={jest.fn()} />);
    await user.type(input(/MRN/), 'MRN-1');
    await user.type(input(/Date of birth/), '1980-02-03');
    await user.click(input(/Sex/));
    await user.click(await screen.findByRole('option', { name: 'Female', hidden: true }));
    await user.type(input(/Member ID/), 'W123');
    await user.click(screen.getByRole('button', { name: 'Add patient' }));
    expect(await screen.findByText('Must be shorter than or equal to 60 characters')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/api/patients', {
      body: {
        mrn: 'MRN-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        dateOfBirth: '1980-02-03',
        sex: 'female',
        memberId: 'W123',
      },
    });
  });
});
