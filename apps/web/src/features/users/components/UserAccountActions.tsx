import { Alert, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../../../ui/server-errors';
import { useEndUserSessions } from '../api/useEndUserSessions';
import { useResetPassword } from '../api/useResetPassword';
import { useUpdateUser } from '../api/useUpdateUser';
import type { User } from '../api/useUsers';
import { ConfirmButton } from './ConfirmButton';
import { OneTimePasswordNotice } from './OneTimePasswordNotice';

function messageOf(error: unknown): string {
  if (isApiError(error)) return error.body.message ?? error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

// The account-level acts on one user: each asks first, and says what it did.
export function UserAccountActions({ user, disableLocked }: { user: User; disableLocked: string | null }) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const endSessions = useEndUserSessions();
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (promise: Promise<unknown>, done: string) => {
    setError(null);
    promise.then(
      () => notifications.show({ color: 'teal', message: done }),
      (failure: unknown) => setError(messageOf(failure)),
    );
  };

  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" role="alert" title="Not done">
          {error}
        </Alert>
      )}
      {oneTimePassword && <OneTimePasswordNotice email={user.email} password={oneTimePassword} />}
      <Group gap="sm">
        <ConfirmButton
          label="Reset password"
          question={`End ${user.displayName}’s sessions and make a new one-time password?`}
          loading={reset.isPending}
          onConfirm={() => {
            setError(null);
            reset.mutateAsync(user.id).then(
              (result) => setOneTimePassword(result.oneTimePassword),
              (failure: unknown) => setError(messageOf(failure)),
            );
          }}
        />
        <ConfirmButton
          label="Reset two-factor"
          question="They will sign in with their password alone until they enrol again."
          disabled={!user.totpEnabled}
          loading={update.isPending}
          onConfirm={() =>
            run(
              update.mutateAsync({ id: user.id, body: { resetTotp: true } }),
              `Two-factor sign-in reset for ${user.displayName}.`,
            )
          }
        />
        <ConfirmButton
          label="End all sessions"
          question={`Sign ${user.displayName} out on every device?`}
          loading={endSessions.isPending}
          onConfirm={() => run(endSessions.mutateAsync(user.id), `${user.displayName} is signed out everywhere.`)}
        />
        {user.disabled ? (
          <ConfirmButton
            label="Enable account"
            question={`Let ${user.displayName} sign in again?`}
            color="teal"
            loading={update.isPending}
            onConfirm={() =>
              run(
                update.mutateAsync({ id: user.id, body: { disabled: false } }),
                `${user.displayName} can sign in again.`,
              )
            }
          />
        ) : (
          <ConfirmButton
            label="Disable account"
            question={`Sign ${user.displayName} out now and refuse their sign-ins?`}
            disabled={!!disableLocked}
            loading={update.isPending}
            onConfirm={() =>
              run(update.mutateAsync({ id: user.id, body: { disabled: true } }), `${user.displayName} is disabled.`)
            }
          />
        )}
      </Group>
      {disableLocked && !user.disabled && (
        <Text size="sm" c="dimmed">
          Cannot be disabled: {disableLocked}
        </Text>
      )}
    </Stack>
  );
}
