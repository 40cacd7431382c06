import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { isIsoDate } from '@preauth/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { todayInClinic } from '../../../ui/format';
import { applyServerErrors } from '../../../ui/server-errors';
import { useCreatePatient, type Patient } from '../api/useCreatePatient';

// The API's CreatePatientDto rules.
export const newPatientSchema = z.object({
  mrn: z
    .string()
    .trim()
    .min(1, 'Enter the MRN.')
    .max(40, 'Keep the MRN under 40 characters.')
    .regex(/^[A-Za-z0-9-]+$/, 'The MRN may contain letters, digits and dashes only.'),
  firstName: z.string().trim().min(1, 'Enter the first name.').max(100, 'Keep it under 100 characters.'),
  lastName: z.string().trim().min(1, 'Enter the last name.').max(100, 'Keep it under 100 characters.'),
  dateOfBirth: z
    .string()
    .refine((value) => isIsoDate(value), 'Enter the date of birth.')
    .refine((value) => value <= todayInClinic(), 'The date of birth cannot be in the future.'),
  sex: z.enum(['female', 'male', 'other', 'unknown'], { error: 'Choose the sex recorded by the payer.' }),
  memberId: z.string().trim().max(60, 'Keep it under 60 characters.'),
});

type NewPatientValues = z.input<typeof newPatientSchema>;
const FIELDS = Object.keys(newPatientSchema.shape);

export function NewPatientForm({
  onCreated,
  onCancel,
  initialName = '',
}: {
  onCreated: (patient: Patient) => void;
  onCancel: () => void;
  initialName?: string;
}) {
  const createPatient = useCreatePatient();
  const [problems, setProblems] = useState<string[]>([]);
  const [first = '', ...rest] = initialName.trim().split(/\s+/);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<NewPatientValues>({
    resolver: zodResolver(newPatientSchema),
    mode: 'onTouched',
    defaultValues: {
      mrn: '',
      firstName: first,
      lastName: rest.join(' '),
      dateOfBirth: '',
      sex: undefined,
      memberId: '',
    },
  });

  const handleCreate = handleSubmit(async (values) => {
    setProblems([]);
    try {
      const patient = await createPatient.mutateAsync({
        mrn: values.mrn.trim(),
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        dateOfBirth: values.dateOfBirth,
        sex: values.sex,
        memberId: values.memberId?.trim() || null,
      });
      onCreated(patient);
    } catch (error) {
      setProblems(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    // A form inside the case form would nest <form>s; this one submits through its button.
    <Stack aria-label="New patient" role="group">
      {problems.length > 0 && (
        <Alert color="red" role="alert" title="The patient was not added">
          {problems.join(' ')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="First name" required {...register('firstName')} error={errors.firstName?.message} />
        <TextInput label="Last name" required {...register('lastName')} error={errors.lastName?.message} />
        <TextInput label="MRN" required {...register('mrn')} error={errors.mrn?.message} />
        <TextInput
          label="Date of birth"
          type="date"
          required
          {...register('dateOfBirth')}
          error={errors.dateOfBirth?.message}
        />
        <Controller
          control={control}
          name="sex"
          render={({ field, fieldState }) => (
            <Select
              label="Sex"
              required
              data={[
                { value: 'female', label: 'Female' },
                { value: 'male', label: 'Male' },
                { value: 'other', label: 'Other' },
                { value: 'unknown', label: 'Unknown' },
              ]}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? undefined)}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput label="Member ID" {...register('memberId')} error={errors.memberId?.message} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => void handleCreate()} loading={createPatient.isPending}>
          Add patient
        </Button>
      </Group>
    </Stack>
  );
}
