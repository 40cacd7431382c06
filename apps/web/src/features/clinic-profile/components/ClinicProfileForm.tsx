import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { clinicProfileProblems, type ClinicProfileFields } from '@preauth/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { applyServerErrors } from '../../../ui/server-errors';
import { useSaveClinicProfile, type ClinicProfile } from '../api/clinic-profile';

const text = z.string();
// The field rules are the API's, from @preauth/domain: the form shows the same words as a 400.
const schema = z
  .object({
    practiceName: text,
    addressLine1: text,
    addressLine2: text,
    city: text,
    state: text,
    postalCode: text,
    phone: text,
    fax: text,
    groupNpi: text,
    taxId: text,
  })
  .superRefine((values, ctx) => {
    for (const problem of clinicProfileProblems(toFields(values))) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: capitalize(problem.reason) });
    }
  });

type Values = z.infer<typeof schema>;
const FIELDS = Object.keys(schema.shape);

function capitalize(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1) + '.';
}

function toFields(v: Values): ClinicProfileFields {
  return {
    practiceName: v.practiceName.trim(),
    addressLine1: v.addressLine1.trim(),
    addressLine2: v.addressLine2.trim() || null,
    city: v.city.trim(),
    state: v.state.trim().toUpperCase(),
    postalCode: v.postalCode.trim(),
    phone: v.phone.trim(),
    fax: v.fax.trim(),
    groupNpi: v.groupNpi.trim() || null,
    taxId: v.taxId.trim() || null,
  };
}

export function ClinicProfileForm({ profile, readOnly }: { profile: ClinicProfile; readOnly: boolean }) {
  const save = useSaveClinicProfile();
  const [problems, setProblems] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      practiceName: profile.practiceName,
      addressLine1: profile.addressLine1,
      addressLine2: profile.addressLine2 ?? '',
      city: profile.city,
      state: profile.state,
      postalCode: profile.postalCode,
      phone: profile.phone,
      fax: profile.fax,
      groupNpi: profile.groupNpi ?? '',
      taxId: profile.taxId ?? '',
    },
  });

  const handleSave = handleSubmit(async (values) => {
    setProblems([]);
    try {
      await save.mutateAsync(toFields(values));
      reset(values);
      notifications.show({ color: 'green', message: 'Clinic profile saved: the next letter and packet use it.' });
    } catch (error) {
      setProblems(applyServerErrors(error, setError, FIELDS));
    }
  });

  const field = (name: keyof Values, label: string, extra: { required?: boolean; description?: string } = {}) => (
    <TextInput label={label} readOnly={readOnly} {...extra} {...register(name)} error={errors[name]?.message} />
  );

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate aria-label="Clinic profile">
      <Stack>
        {problems.length > 0 && (
          <Alert color="red" role="alert" title="The profile was not saved">
            {problems.join(' ')}
          </Alert>
        )}
        {field('practiceName', 'Practice name', { required: true })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('addressLine1', 'Street address', { required: true })}
          {field('addressLine2', 'Suite, floor (optional)')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field('city', 'City', { required: true })}
          {field('state', 'State', { required: true, description: 'Two letters, e.g. ME' })}
          {field('postalCode', 'ZIP code', { required: true })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('phone', 'Phone', { required: true })}
          {field('fax', 'Fax', { required: true, description: 'Printed on the fax cover sheet for payers to answer' })}
          {field('groupNpi', 'Group NPI (optional)', { description: 'Type 2 NPI; the check digit is verified' })}
          {field('taxId', 'Tax ID (optional)', { description: 'Employer identification number, 12-3456789' })}
        </SimpleGrid>
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!isDirty && profile.configured}>
              Save profile
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
