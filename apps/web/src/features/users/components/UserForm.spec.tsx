import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, PROVIDER_ID, renderWithProviders } from '../../../test-utils';
import { referenceKeys } from '../../reference/api/reference-keys';
import { UserForm, type UserFormValues } from './UserForm';

jest.setTimeout(20_000);

const OTHER_PROVIDER_ID = '00000000-0000-4000-8000-000000000009';

function clientWithLinkedProvider() {
  const client = createTestClient();
  const providers = client.getQueryData<object[]>(referenceKeys.providers()) ?? [];
  client.setQueryData(referenceKeys.providers(), [
    ...providers,
    {
      id: OTHER_PROVIDER_ID,
      firstName: 'Rui',
      lastName: 'Okafor',
      credentials: 'MD',
      npi: '1245319599',
      specialty: null,
      userId: 'someone-else',
      active: true,
      displayName: 'Rui Okafor, MD',
    },
  ]);
  return client;
}

const EMPTY: UserFormValues = { email: '', displayName: '', roles: [], providerId: null };

describe('UserForm', () => {
  it('asks for a role and a valid email before saving', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    renderWithProviders(
      <UserForm mode="create" initial={EMPTY} submitLabel="Create user" onSubmit={onSubmit} onCancel={jest.fn()} />,
    );
    await user.type(screen.getByLabelText(/^Email/), 'nope');
    await user.type(screen.getByLabelText(/^Name/), 'Nell');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one role.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers the physician record only to physicians, and not one linked to someone else', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    renderWithProviders(
      <UserForm mode="create" initial={EMPTY} submitLabel="Create user" onSubmit={onSubmit} onCancel={jest.fn()} />,
      clientWithLinkedProvider(),
    );
    expect(screen.queryByLabelText(/Physician record/, { selector: 'input' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /^Physician/ }));
    await user.click(screen.getByLabelText(/Physician record/, { selector: 'input' }));
    const taken = await screen.findByRole('option', { name: /Rui Okafor/, hidden: true });
    expect(taken).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('option', { name: /Dana Whitfield/, hidden: true }));
    await user.type(screen.getByLabelText(/^Email/), 'dr.dana@clinic.example');
    await user.type(screen.getByLabelText(/^Name/), 'Dr. Dana');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        email: 'dr.dana@clinic.example',
        displayName: 'Dr. Dana',
        roles: ['physician'],
        providerId: PROVIDER_ID,
      }),
    );
  });

  it('keeps the admin role of the last admin, and says why', () => {
    renderWithProviders(
      <UserForm
        mode="edit"
        userId="u1"
        initial={{ email: 'a@clinic.example', displayName: 'Ann', roles: ['admin'], providerId: null }}
        adminRoleLocked="This is the last active admin: make another user an admin first."
        submitLabel="Save changes"
        onSubmit={jest.fn()}
        onCancel={jest.fn()}
      />,
    );
    expect(screen.getByRole('checkbox', { name: /^Admin/ })).toBeDisabled();
    expect(screen.getByText(/The admin role stays: This is the last active admin/)).toBeInTheDocument();
  });
});
