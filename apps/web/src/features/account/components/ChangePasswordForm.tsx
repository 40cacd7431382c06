import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors, isApiError } from '../../../ui/server-errors';
import { useChangePassword } from '../api/useChangePassword';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export function ChangePasswordForm({ oneTime }: { oneTime: boolean }) {
  const change = useChangePassword();
  const [formError, setFormError] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    getValues,
    formState: { errors },
  } = useForm<PasswordValues>({
    mode: 'onTouched',
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });

  const handleChange = handleSubmit((values) => {
    setFormError([]);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          reset();
          notifications.show({ color: 'teal', message: 'Password changed; your other sessions were signed out.' });
        },
        onError: (error) => {
          if (isApiError(error, 422)) {
            setError('currentPassword', { type: 'server', message: 'This is not your current password.' });
          } else if (isApiError(error, 429)) {
            setFormError(['Too many wrong passwords. Wait a few minutes and try again.']);
          } else {
            setFormError(applyServerErrors(error, setError, ['newPassword']));
          }
        },
      },
    );
  });

  return (
    <form onSubmit={(event) => void handleChange(event)} noValidate aria-label="Change password">
      <Stack maw={420}>
        {formError.length > 0 && (
          <Alert color="red" role="alert" title="Password not changed">
            {formError.join(' ')}
          </Alert>
        )}
        <PasswordInput
          label={oneTime ? 'One-time password' : 'Current password'}
          autoComplete="current-password"
          required
          {...register('currentPassword', { required: 'Enter your current password.' })}
          error={errors.currentPassword?.message}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters; not a common password; not your email"
          autoComplete="new-password"
          required
          {...register('newPassword', {
            validate: (value) => [...value].length >= 12 || 'Use at least 12 characters.',
          })}
          error={errors.newPassword?.message}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          {...register('repeatPassword', {
            validate: (value) => value === getValues('newPassword') || 'The two new passwords differ.',
          })}
          error={errors.repeatPassword?.message}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {oneTime ? 'Set my password' : 'Change password'}
        </Button>
      </Stack>
    </form>
  );
}
