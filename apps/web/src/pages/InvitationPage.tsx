import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useAcceptInvitation, useInvitation } from '../features/users/api/useInvitation';
import { applyServerErrors } from '../ui/server-errors';

interface Values {
  password: string;
  repeat: string;
}

// Read once: the token lives in the fragment, which the browser never sends to the server, and
// is taken out of the address bar so it stays out of the history.
function takeToken(): string {
  const token = window.location.hash.replace(/^#/, '');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

/** Where an invited user chooses their password, before they can sign in. */
export function InvitationPage() {
  const [token] = useState(takeToken);
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const [formError, setFormError] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ defaultValues: { password: '', repeat: '' } });

  const handleSave = handleSubmit(async ({ password }) => {
    setFormError([]);
    try {
      await accept.mutateAsync({ token, password });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['password']));
    }
  });

  let content;
  if (!token) {
    content = (
      <Alert color="red" role="alert" title="No invitation">
        This page opens from the invitation link an administrator sent you; open the whole link.
      </Alert>
    );
  } else if (invitation.isPending) {
    content = <Loader aria-label="Checking the invitation" />;
  } else if (invitation.error) {
    content = (
      <Alert color="red" role="alert" title="This link cannot be used">
        {invitation.error.message}
      </Alert>
    );
  } else if (accept.isSuccess) {
    content = (
      <Alert color="teal" role="status" title="Your password is set">
        <Text size="sm">
          Sign in with {invitation.data.email} and the password you chose.{' '}
          <Anchor component={Link} to="/sign-in">
            Go to sign-in
          </Anchor>
        </Text>
      </Alert>
    );
  } else {
    content = (
      <Paper withBorder p="lg" shadow="xs">
        <form onSubmit={(event) => void handleSave(event)} noValidate aria-label="Choose your password">
          <Stack>
            <Text size="sm">
              Welcome, {invitation.data.displayName}. Choose the password you will sign in with as{' '}
              <strong>{invitation.data.email}</strong>: at least 12 characters, not a common password, and not
              containing your email address.
            </Text>
            {formError.length > 0 && (
              <Alert color="red" role="alert" title="Not saved">
                {formError.join(' ')}
              </Alert>
            )}
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              {...register('password', { validate: (v) => [...v].length >= 12 || 'Use at least 12 characters.' })}
              error={errors.password?.message}
            />
            <PasswordInput
              label="Repeat the password"
              autoComplete="new-password"
              required
              {...register('repeat', {
                validate: (v, all) => v === all.password || 'The two passwords differ.',
              })}
              error={errors.repeat?.message}
            />
            <Button type="submit" loading={isSubmitting}>
              Set my password
            </Button>
          </Stack>
        </form>
      </Paper>
    );
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={440}>
        <Title order={1} size="h2">
          Preauth
        </Title>
        <Text c="dimmed">You were invited to the clinic’s pre-authorization tracker.</Text>
        {content}
      </Stack>
    </Center>
  );
}
