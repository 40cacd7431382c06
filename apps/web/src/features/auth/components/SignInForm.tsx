import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, type RegisterOptions } from 'react-hook-form';
import { isApiError } from '../../../ui/server-errors';
import { useLogin } from '../api/useLogin';
import type { Me } from '../api/useMe';

// Every session starts on this form, so its three checks are react-hook-form rules rather than a
// zod schema like the other forms': zod would add ~50 KB of script to the first download.
// zod's own email pattern (z.email()), so an address passes here exactly when it would there.
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const trim = (value: string) => value.trim();

interface SignInValues {
  email: string;
  password: string;
  totp: string;
}

const RULES: { [K in keyof SignInValues]: RegisterOptions<SignInValues, K> } = {
  email: {
    setValueAs: trim,
    validate: (email) =>
      email ? EMAIL_PATTERN.test(email) || 'Enter a valid email address.' : 'Enter your email address.',
  },
  password: { required: 'Enter your password.' },
  totp: {
    setValueAs: trim,
    // Six digits from the app, or a recovery code (ten letters and digits, the dash optional).
    pattern: {
      value: /^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})?$/,
      message: 'Enter the 6 digits shown by your authenticator app, or one of your recovery codes.',
    },
  },
};

function describeLoginError(error: unknown): string {
  if (isApiError(error, 429)) return 'Too many failed sign-ins. Wait a few minutes and try again.';
  if (isApiError(error, 401)) {
    const code = (error.body as { code?: string }).code;
    if (code === 'totp_required') return 'Enter the 6-digit code from your authenticator app.';
    if (code === 'totp_invalid') return 'That authenticator code is not right. Try the current one.';
    return 'The email or password is not right.';
  }
  return 'Sign-in failed: the server could not be reached. Try again.';
}

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const login = useLogin();
  const [needsTotp, setNeedsTotp] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInValues>({ mode: 'onTouched', defaultValues: { email: '', password: '', totp: '' } });

  const handleSignIn = handleSubmit((values) => {
    login.mutate(
      { email: values.email, password: values.password, ...(values.totp ? { totp: values.totp } : {}) },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const code = isApiError(error) ? (error.body as { code?: string }).code : undefined;
          if (code === 'totp_required' || code === 'totp_invalid') setNeedsTotp(true);
        },
      },
    );
  });

  return (
    <form onSubmit={(event) => void handleSignIn(event)} noValidate aria-label="Sign in">
      <Stack>
        {login.isError && (
          <Alert color="red" role="alert" title="Not signed in">
            {describeLoginError(login.error)}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...register('email', RULES.email)}
          error={errors.email?.message}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...register('password', RULES.password)}
          error={errors.password?.message}
        />
        {needsTotp && (
          <TextInput
            label="Authenticator code"
            description="Lost your phone? Enter one of your recovery codes instead."
            inputMode="text"
            autoComplete="one-time-code"
            {...register('totp', RULES.totp)}
            error={errors.totp?.message}
          />
        )}
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
