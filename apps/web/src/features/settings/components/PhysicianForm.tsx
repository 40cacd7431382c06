import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { isValidNpi } from '@preauth/domain';
import { Controller } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { FormProblems, FormActions } from '../../../ui/FormProblems';
import { useServerCheckedForm } from '../../../ui/useServerCheckedForm';
import type { CreateProviderBody, PhysicianUser, Provider } from '../api/types';

// The API's CreateProviderDto rules; the NPI check digit is the one of @preauth/domain.
export const physicianSchema = z.object({
  firstName: z.string().trim().min(1, 'Enter the first name.').max(100, 'Keep it under 100 characters.'),
  lastName: z.string().trim().min(1, 'Enter the last name.').max(100, 'Keep it under 100 characters.'),
  credentials: z.string().trim().max(20, 'Keep it under 20 characters.'),
  npi: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'Enter the 10-digit NPI.')
    .refine((value) => isValidNpi(value), 'This NPI’s check digit is wrong: check it for a typo.'),
  specialty: z.string().trim().max(100, 'Keep it under 100 characters.'),
  userId: z.string(),
  active: z.boolean(),
});

type PhysicianValues = z.input<typeof physicianSchema>;

export function PhysicianForm({
  provider,
  users,
  onSubmit,
  onCancel,
}: {
  provider?: Provider;
  users: readonly PhysicianUser[];
  onSubmit: (body: CreateProviderBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const {
    register,
    control,
    saveWith,
    problems,
    formState: { errors, isSubmitting },
  } = useServerCheckedForm<PhysicianValues>(physicianSchema, {
    firstName: provider?.firstName ?? '',
    lastName: provider?.lastName ?? '',
    credentials: provider?.credentials ?? '',
    npi: provider?.npi ?? '',
    specialty: provider?.specialty ?? '',
    userId: provider?.userId ?? '',
    active: provider?.active ?? true,
  });
  // An account already linked to another physician cannot be linked here too.
  const userOptions = users
    .filter((u) => !u.providerId || u.providerId === provider?.id)
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})${u.disabled ? ', disabled' : ''}` }));

  const handleSave = saveWith(async (values) => {
    await onSubmit({
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      credentials: values.credentials.trim() || null,
      npi: values.npi.trim(),
      specialty: values.specialty.trim() || null,
      userId: values.userId || null,
      active: values.active,
    });
  });

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate>
      <Stack>
        <FormProblems title="The physician was not saved" problems={problems} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First name"
            required
            data-autofocus
            {...register('firstName')}
            error={errors.firstName?.message}
          />
          <TextInput label="Last name" required {...register('lastName')} error={errors.lastName?.message} />
          <TextInput
            label="Credentials"
            placeholder="MD, DO, PA-C"
            {...register('credentials')}
            error={errors.credentials?.message}
          />
          <TextInput
            label="NPI"
            required
            inputMode="numeric"
            maxLength={10}
            {...register('npi')}
            error={errors.npi?.message}
          />
          <TextInput
            label="Specialty"
            placeholder="Dermatology"
            {...register('specialty')}
            error={errors.specialty?.message}
          />
          <Controller
            control={control}
            name="userId"
            render={({ field, fieldState }) => (
              <Select
                label="Linked user account"
                description="The physician signs in with it: My cases and signed letters follow this link."
                placeholder={userOptions.length ? 'No account' : 'No physician account is free'}
                clearable
                searchable
                data={userOptions}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Checkbox
              label="Active: offered as the ordering physician on new cases"
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
            />
          )}
        />
        <FormActions
          onCancel={onCancel}
          submitLabel={provider ? 'Save changes' : 'Add the physician'}
          submitting={isSubmitting}
        />
      </Stack>
    </form>
  );
}
