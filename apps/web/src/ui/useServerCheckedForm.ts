import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from './zod';
import { applyServerErrors } from './server-errors';

/**
 * A form checked by its schema in the browser and by the API on save: the API's reasons land beside
 * the fields they name, the rest in `problems` (for FormProblems above the form).
 */
export function useServerCheckedForm<Values extends FieldValues>(
  schema: z.ZodObject,
  defaultValues: DefaultValues<Values>,
) {
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<Values>({
    // The caller names the schema's input type as Values; zodResolver cannot infer it through a
    // generic parameter, so the resolver is typed by useForm's Values.
    resolver: zodResolver(schema as never),
    mode: 'onTouched',
    defaultValues,
  });
  const fields = Object.keys(schema.shape);
  /** The submit handler: sends the checked values, and on refusal shows the API's reasons. */
  const saveWith = (send: (values: Values) => Promise<unknown>) =>
    form.handleSubmit(async (values) => {
      setProblems([]);
      try {
        await send(values);
      } catch (error) {
        setProblems(applyServerErrors(error, form.setError, fields));
      }
    });
  return { ...form, problems, saveWith };
}
