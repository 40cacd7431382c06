import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { SignInForm } from './SignInForm';

const post = jest.fn();
jest.mock('../../../app/api', () => ({ api: { POST: (...args: unknown[]) => post(...args) } }));

jest.setTimeout(20_000);

describe('SignInForm', () => {
  beforeEach(() => post.mockReset());

  it('checks the fields before asking the server', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<SignInForm onSignedIn={jest.fn()} />);
    await user.type(screen.getByLabelText(/Email/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('asks for an empty email and sends a padded one trimmed', async () => {
    const user = userEvent.setup({ delay: null });
    post.mockResolvedValue({
      error: { statusCode: 401, code: 'invalid_credentials', message: 'no' },
      response: { ok: false, status: 401 },
    });
    renderWithProviders(<SignInForm onSignedIn={jest.fn()} />);
    await user.type(screen.getByLabelText(/Email/), '   ');
    await user.type(screen.getByLabelText(/Password/), ' secret ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText(/Email/), 'frontdesk@demo.clinic ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith('/api/auth/login', {
        body: { email: 'frontdesk@demo.clinic', password: ' secret ' },
      }),
    );
  });

  it('says the credentials are wrong on a 401', async () => {
    const user = userEvent.setup({ delay: null });
    post.mockResolvedValue({
      error: { statusCode: 401, code: 'invalid_credentials', message: 'no' },
      response: { ok: false, status: 401 },
    });
    const onSignedIn = jest.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText(/Email/), 'frontdesk@demo.clinic');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The email or password is not right.')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/api/auth/login', {
      body: { email: 'frontdesk@demo.clinic', password: 'wrong' },
    });
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('hands the signed-in user over on success', async () => {
    const user = userEvent.setup({ delay: null });
    const me = {
      id: 'u',
      email: 'manager@demo.clinic',
      displayName: 'Manager',
      roles: ['manager'],
      totpEnabled: false,
      totpEnrollmentRequired: false,
      clinicTimeZone: 'America/New_York',
      csrfToken: 't',
    };
    post.mockResolvedValue({ data: me, response: { ok: true, status: 200 } });
    const onSignedIn = jest.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText(/Email/), 'manager@demo.clinic');
    await user.type(screen.getByLabelText(/Password/), 'preauth-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(onSignedIn.mock.calls[0][0]).toEqual(me);
  });
});
