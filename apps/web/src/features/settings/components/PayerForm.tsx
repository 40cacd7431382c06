import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { PLAN_TYPE_LABELS, PLAN_TYPES } from '@preauth/domain';
import { Controller } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { FormProblems, FormActions } from '../../../ui/FormProblems';
import { useServerCheckedForm } from '../../../ui/useServerCheckedForm';
import type { CreatePayerBody, PayerListItem } from '../api/types';

const optionalText = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);

// The API's CreatePayerDto rules.
export const payerSchema = z.object({
  name: z.string().trim().min(1, 'Enter the payer name.').max(200, 'Keep it under 200 characters.'),
  payerCode: z.string().trim().min(1, 'Enter the payer ID.').max(40, 'Keep it under 40 characters.'),
  planType: z.enum(PLAN_TYPES, { error: 'Choose the plan type: it decides the deadline rule.' }),
  phone: optionalText(40),
  fax: optionalText(40),
  portalUrl: z
    .string()
    .trim()
    .max(500, 'Keep it under 500 characters.')
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), 'Enter a web address (https://…).'),
  notes: optionalText(2000),
});

type PayerValues = z.input<typeof payerSchema>;
const PLAN_OPTIONS = PLAN_TYPES.map((value) => ({ value, label: PLAN_TYPE_LABELS[value] }));

export function PayerForm({
  payer,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  payer?: PayerListItem;
  onSubmit: (body: CreatePayerBody) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}) {
  const {
    register,
    control,
    saveWith,
    problems,
    formState: { errors, isSubmitting },
  } = useServerCheckedForm<PayerValues>(payerSchema, {
    name: payer?.name ?? '',
    payerCode: payer?.payerCode ?? '',
    planType: payer?.planType,
    phone: payer?.phone ?? '',
    fax: payer?.fax ?? '',
    portalUrl: payer?.portalUrl ?? '',
    notes: payer?.notes ?? '',
  });

  const handleSave = saveWith(async (values) => {
    await onSubmit({
      name: values.name.trim(),
      payerCode: values.payerCode.trim(),
      planType: values.planType,
      phone: values.phone.trim() || null,
      fax: values.fax.trim() || null,
      portalUrl: values.portalUrl.trim() || null,
      notes: values.notes.trim() || null,
    });
  });

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate>
      <Stack>
        <FormProblems title="The payer was not saved" problems={problems} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required data-autofocus {...register('name')} error={errors.name?.message} />
          <TextInput
            label="Payer ID"
            description="The payer's own identifier, as on claims"
            required
            {...register('payerCode')}
            error={errors.payerCode?.message}
          />
          <Controller
            control={control}
            name="planType"
            render={({ field, fieldState }) => (
              <Select
                label="Plan type"
                description="Decides which deadline rule its cases follow"
                required
                data={PLAN_OPTIONS}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? undefined)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput
            label="Portal URL"
            placeholder="https://"
            {...register('portalUrl')}
            error={errors.portalUrl?.message}
          />
          <TextInput label="Utilization-management phone" {...register('phone')} error={errors.phone?.message} />
          <TextInput label="Utilization-management fax" {...register('fax')} error={errors.fax?.message} />
        </SimpleGrid>
        <Textarea
          label="Notes"
          description="For the clinic's staff: how this payer wants requests sent. No patient data."
          autosize
          minRows={2}
          maxRows={8}
          {...register('notes')}
          error={errors.notes?.message}
        />
        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
