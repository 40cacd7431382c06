import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '@preauth/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { applyServerErrors } from '../../../ui/server-errors';
import { useProviders } from '../../reference/api/useProviders';

export interface UserFormValues {
  email: string;
  displayName: string;
  roles: Role[];
  providerId: string | null;
  /** On creation: an invitation link instead of a one-time password. */
  invite?: boolean;
}

interface UserFormProps {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  userId?: string;
  /** Why a role cannot be taken away here (self or last admin), if so. */
  adminRoleLocked?: string | null;
  submitLabel: string;
  onSubmit: (values: UserFormValues) => Promise<unknown>;
  onCancel: () => void;
}

const ROLE_HELP: Record<Role, string> = {
  front_desk: 'creates cases and records payer answers',
  physician: 'documents, signs letters; sees “My cases”',
  manager: 'works cases, reports, reference data, audit log',
  admin: 'users and security settings; no patient data',
};

export function UserForm({ mode, initial, userId, adminRoleLocked, submitLabel, onSubmit, onCancel }: UserFormProps) {
  const providers = useProviders();
  const [formError, setFormError] = useState<string[]>([]);
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues>({ defaultValues: initial, mode: 'onTouched' });
  const roles = watch('roles');
  const isPhysician = roles.includes('physician');

  const providerOptions = (providers.data ?? [])
    .filter((provider) => provider.active || provider.userId === userId)
    .map((provider) => ({
      value: provider.id,
      label: `${provider.displayName} · NPI ${provider.npi}`,
      disabled: provider.userId !== null && provider.userId !== userId,
    }));

  const handleSave = handleSubmit(async (values) => {
    setFormError([]);
    try {
      await onSubmit({ ...values, providerId: values.roles.includes('physician') ? values.providerId : null });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['email', 'displayName', 'roles', 'providerId']));
    }
  });

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate aria-label={submitLabel}>
      <Stack>
        {formError.length > 0 && (
          <Alert color="red" role="alert" title="Not saved">
            {formError.join(' ')}
          </Alert>
        )}
        {mode === 'create' && (
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            {...register('email', {
              setValueAs: (value: string) => value.trim(),
              validate: (value) => /^[^\s@]+@[^\s@]+$/.test(value) || 'Enter a valid email address.',
            })}
            error={errors.email?.message}
          />
        )}
        {mode === 'create' && (
          <Controller
            control={control}
            name="invite"
            render={({ field }) => (
              <Radio.Group
                label="How they get in"
                value={field.value ? 'invite' : 'password'}
                onChange={(value) => field.onChange(value === 'invite')}
              >
                <Stack gap={6} mt={6}>
                  <Radio
                    value="password"
                    label="One-time password: you hand it over; they replace it at first sign-in"
                  />
                  <Radio
                    value="invite"
                    label="Invitation link: you send it; they choose their own password (72 hours)"
                  />
                </Stack>
              </Radio.Group>
            )}
          />
        )}
        <TextInput
          label="Name"
          required
          {...register('displayName', {
            setValueAs: (value: string) => value.trim(),
            validate: (value) => value.length > 0 || 'Enter the person’s name.',
          })}
          error={errors.displayName?.message}
        />
        <Controller
          control={control}
          name="roles"
          rules={{ validate: (value) => value.length > 0 || 'Choose at least one role.' }}
          render={({ field }) => (
            <Checkbox.Group
              label="Roles"
              required
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors.roles?.message}
            >
              <Stack gap={6} mt={6}>
                {ROLES.map((role) => (
                  <Checkbox
                    key={role}
                    value={role}
                    label={`${ROLE_LABELS[role]} — ${ROLE_HELP[role]}`}
                    disabled={role === 'admin' && !!adminRoleLocked && initial.roles.includes('admin')}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {adminRoleLocked && (
          <Text size="sm" c="dimmed">
            The admin role stays: {adminRoleLocked}
          </Text>
        )}
        {isPhysician && (
          <Controller
            control={control}
            name="providerId"
            render={({ field }) => (
              <Select
                label="Physician record"
                description="The provider (NPI) this person is: “My cases” and signed letters follow this link"
                placeholder={providers.isPending ? 'Loading physicians…' : 'Not linked'}
                data={providerOptions}
                value={field.value}
                onChange={field.onChange}
                clearable
                searchable
                nothingFoundMessage="No such physician record"
                error={errors.providerId?.message ?? (providers.error ? 'Could not load the physicians.' : undefined)}
              />
            )}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
