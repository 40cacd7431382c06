import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Textarea, TextInput } from '@mantine/core';
import { isValidIcd10Format, normalizeIcd10 } from '@preauth/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { FormActions, FormProblems } from '../../../ui/FormProblems';
import { applyServerErrors } from '../../../ui/server-errors';
import type { LayTerm, LayTermBody } from '../api/useLayTerms';

// The API's CreateLayTermDto rules; whether the code is billable only the server knows.
export const layTermSchema = z.object({
  term: z.string().trim().min(2, 'Enter at least 2 characters.').max(120, 'Keep it under 120 characters.'),
  code: z
    .string()
    .trim()
    .refine((value) => isValidIcd10Format(normalizeIcd10(value)), 'Enter an ICD-10-CM code such as L72.0.'),
  note: z.string().trim().max(500, 'Keep it under 500 characters.'),
});

type LayTermValues = z.input<typeof layTermSchema>;
const FIELDS = Object.keys(layTermSchema.shape);

export function LayTermForm({
  term,
  onSubmit,
  onCancel,
}: {
  term?: LayTerm;
  onSubmit: (body: LayTermBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LayTermValues>({
    resolver: zodResolver(layTermSchema),
    mode: 'onTouched',
    defaultValues: { term: term?.term ?? '', code: term?.code ?? '', note: term?.note ?? '' },
  });

  const handleSave = handleSubmit(async (values) => {
    setProblems([]);
    try {
      await onSubmit({
        term: values.term.trim(),
        code: normalizeIcd10(values.code),
        note: values.note.trim() || null,
      });
    } catch (error) {
      setProblems(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate>
      <Stack>
        <FormProblems title="The term was not saved" problems={problems} />
        <TextInput
          label="Term"
          description="What people say or type: a lay word, a synonym, an abbreviation."
          required
          data-autofocus
          {...register('term')}
          error={errors.term?.message}
        />
        <TextInput
          label="ICD-10-CM code"
          description="A billable code of the newest loaded release."
          required
          {...register('code')}
          error={errors.code?.message}
        />
        <Textarea
          label="Note for the coder"
          description="Shown beside the match in the diagnosis picker."
          autosize
          minRows={2}
          {...register('note')}
          error={errors.note?.message}
        />
        <FormActions onCancel={onCancel} submitLabel="Save term" submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
