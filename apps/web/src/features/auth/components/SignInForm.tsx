import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../../../ui/server-errors';
import { useLogin } from '../api/useLogin';
import type { Me } from '../api/useMe';

// Every session starts on this form, so its three checks are plain functions rather than a zod
// schema and react-hook-form like the other forms': those would add ~40 KB gzipped of script to
// the first download (react-hook-form alone 15 KB). They behave as react-hook-form's "onTouched"
// mode did: a field is checked once left, then as it changes; every field once the form is sent.
// zod's own email pattern (z.email()), so an address passes here exactly when it would there.
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
// Six digits from the app, or a recovery code (ten letters and digits, the dash optional).
const TOTP_PATTERN = /^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})?$/;

interface SignInValues {
  email: string;
  password: string;
  totp: string;
}
type Field = keyof SignInValues;
const FIELDS: readonly Field[] = ['email', 'password', 'totp'];

const CHECKS: { [K in Field]: (value: string) => string | undefined } = {
  email: (value) => {
    const email = value.trim();
    if (!email) return 'Enter your email address.';
    return EMAIL_PATTERN.test(email) ? undefined : 'Enter a valid email address.';
  },
  password: (value) => (value ? undefined : 'Enter your password.'),
  totp: (value) =>
    TOTP_PATTERN.test(value.trim())
      ? undefined
      : 'Enter the 6 digits shown by your authenticator app, or one of your recovery codes.',
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
  const [values, setValues] = useState<SignInValues>({ email: '', password: '', totp: '' });
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const shownFields = FIELDS.filter((field) => field !== 'totp' || needsTotp);
  const errorOf = (field: Field) => (submitted || touched.has(field) ? CHECKS[field](values[field]) : undefined);
  const fieldProps = (field: Field) => ({
    name: field,
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
    },
    onBlur: () => setTouched((current) => (current.has(field) ? current : new Set([...current, field]))),
    error: errorOf(field),
  });

  const handleSignIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = shownFields.find((field) => CHECKS[field](values[field]));
    if (invalid) {
      const input = event.currentTarget.elements.namedItem(invalid);
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    const totp = values.totp.trim();
    login.mutate(
      { email: values.email.trim(), password: values.password, ...(totp ? { totp } : {}) },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const code = isApiError(error) ? (error.body as { code?: string }).code : undefined;
          if (code === 'totp_required' || code === 'totp_invalid') setNeedsTotp(true);
        },
      },
    );
  };

  return (
    <form onSubmit={handleSignIn} noValidate aria-label="Sign in">
      <Stack>
        {login.isError && (
          <Alert color="red" role="alert" title="Not signed in">
            {describeLoginError(login.error)}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" required {...fieldProps('email')} />
        <PasswordInput label="Password" autoComplete="current-password" required {...fieldProps('password')} />
        {needsTotp && (
          <TextInput
            label="Authenticator code"
            description="Lost your phone? Enter one of your recovery codes instead."
            inputMode="text"
            autoComplete="one-time-code"
            {...fieldProps('totp')}
          />
        )}
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
