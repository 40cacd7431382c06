import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { todayInClinic } from '../../../ui/format';
import { RefusalReasons } from '../../../ui/RefusalReasons';
import { applyServerErrors, isApiError, isStaleVersion } from '../../../ui/server-errors';
import type { AnsweredEvent } from '@preauth/domain';
import type { CaseAction } from '../api/types';
import {
  asksWhenItHappened,
  createTransitionFormSchema,
  earliestOccurredOn,
  emptyTransitionForm,
  FORM_FIELD_OF,
  TRANSITION_FORM_FIELDS,
  type TransitionFormValues,
} from '../model/transition-schema';
import { CarcCodePicker } from './CodePickers';

interface TransitionFormProps {
  action: CaseAction;
  currentAppealLevel: number;
  // The event the new one answers, which bounds its date.
  answers?: AnsweredEvent | null;
  onSubmit: (values: TransitionFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
  // The payer's letters and faxes filed on the case, one of which may be the step's evidence.
  documents?: readonly { id: string; label: string }[];
}

export function TransitionForm({
  action,
  currentAppealLevel,
  answers = null,
  onSubmit,
  onCancel,
  onReload,
  documents = [],
}: TransitionFormProps) {
  const [reasons, setReasons] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  // Keyed by value: the page builds `answers` afresh on every render.
  const answeredLabel = answers?.label;
  const answeredAt = answers?.at;
  const schema = useMemo(
    () =>
      createTransitionFormSchema(
        action,
        currentAppealLevel,
        answeredLabel && answeredAt ? { label: answeredLabel, at: answeredAt } : null,
      ),
    [action, currentAppealLevel, answeredLabel, answeredAt],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<TransitionFormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: emptyTransitionForm(action, currentAppealLevel),
  });
  const kind = watch('kind');

  const handleSend = handleSubmit(async (values) => {
    setReasons([]);
    setConflict(false);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isStaleVersion(error)) setConflict(true);
      else if (isApiError(error, 422))
        setReasons(error.body.reasons ?? [error.body.message ?? 'The case cannot take this step yet.']);
      else setReasons(applyServerErrors(error, setError, TRANSITION_FORM_FIELDS, FORM_FIELD_OF));
    }
  });

  return (
    <form onSubmit={(event) => void handleSend(event)} noValidate aria-label={action.label}>
      <Stack>
        {conflict && (
          <Alert color="yellow" role="alert" title="Someone changed this case — reload" data-testid="conflict-alert">
            <Text size="sm">What you entered is kept. Reload the case, check the new state, then send again.</Text>
            {onReload && (
              <Button size="xs" mt="xs" variant="light" color="yellow" onClick={onReload}>
                Reload the case
              </Button>
            )}
          </Alert>
        )}
        <RefusalReasons reasons={reasons} />

        {(kind === 'approval' || kind === 'partial') && (
          <>
            <TextInput
              label="Authorization number"
              required
              {...register('authorizationNumber')}
              error={errors.authorizationNumber?.message}
            />
            <SimpleGrid cols={2}>
              <TextInput
                label="Valid from"
                type="date"
                required
                {...register('validFrom')}
                error={errors.validFrom?.message}
              />
              <TextInput
                label="Valid to"
                type="date"
                required
                {...register('validTo')}
                error={errors.validTo?.message}
              />
            </SimpleGrid>
          </>
        )}
        {kind === 'partial' && (
          <Controller
            control={control}
            name="approvedUnits"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Approved units"
                description="Fewer than requested; the rest can be appealed."
                required
                min={1}
                allowDecimal={false}
                value={field.value}
                onChange={(value) =>
                  field.onChange(typeof value === 'number' ? value : value === '' ? '' : Number(value))
                }
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        )}
        {kind === 'denial' && (
          <>
            <Controller
              control={control}
              name="denialCode"
              render={({ field, fieldState }) => (
                <CarcCodePicker
                  label="Denial reason (CARC code)"
                  description="From the payer's notice, e.g. CO-50 (not medically necessary)."
                  required
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Textarea
              label="Denial wording"
              description="What the notice says, for the appeal letter."
              autosize
              minRows={2}
              {...register('denialText')}
              error={errors.denialText?.message}
            />
          </>
        )}
        {kind === 'appeal' && (
          <>
            <Controller
              control={control}
              name="appealLevel"
              render={({ field, fieldState }) => (
                <Select
                  label="Appeal level"
                  required
                  data={[
                    { value: '1', label: 'Level 1 (first internal appeal)' },
                    { value: '2', label: 'Level 2 (second internal appeal)' },
                  ]}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Stack gap={6}>
              <Checkbox label="Letter of medical necessity attached" {...register('letterAttached')} />
              <Checkbox label="New documentation attached" {...register('newDocumentation')} />
              {errors.letterAttached?.message && (
                <Text size="sm" c="red" role="alert">
                  {errors.letterAttached.message}
                </Text>
              )}
            </Stack>
          </>
        )}
        {kind === 'self_pay' && (
          <>
            <Textarea
              label="The decision"
              description="Why the payer is not asked (again), and who agreed with the patient."
              required
              autosize
              minRows={2}
              {...register('reason')}
              error={errors.reason?.message}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Estimate (USD)"
                description="What the patient will pay."
                required
                inputMode="decimal"
                leftSection="$"
                placeholder="450.00"
                {...register('estimateAmount')}
                error={errors.estimateAmount?.message}
              />
              <TextInput
                label="What the estimate covers"
                description="Printed on the waiver the patient signs."
                required
                style={{ gridColumn: 'span 2' }}
                {...register('estimateDescription')}
                error={errors.estimateDescription?.message}
              />
            </SimpleGrid>
            {action.action === 'accept_denial' && (
              <Checkbox
                label="The patient declines to appeal (needed while an appeal or external review is still possible)"
                {...register('appealsDeclined')}
              />
            )}
          </>
        )}
        {kind === 'withdraw' ? (
          <Textarea
            label="Reason for withdrawing"
            required
            autosize
            minRows={2}
            {...register('reason')}
            error={errors.reason?.message}
          />
        ) : (
          <Textarea
            label={kind === 'info_request' ? 'What the payer asked for' : 'Note'}
            required={kind === 'info_request'}
            autosize
            minRows={2}
            {...register('note')}
            error={errors.note?.message}
          />
        )}
        {asksWhenItHappened(kind) && (
          <TextInput
            label="Date it happened"
            description="Leave empty for today; use the date on the payer's notice when recording it later."
            type="date"
            min={earliestOccurredOn(answers)}
            max={todayInClinic()}
            {...register('occurredOn')}
            error={errors.occurredOn?.message}
          />
        )}
        {documents.length > 0 && (
          <Controller
            control={control}
            name="documentId"
            render={({ field }) => (
              <Select
                label="Payer's letter or fax (evidence)"
                description="An information request's own answer-by date, if earlier, becomes the clock."
                clearable
                data={documents.map((d) => ({ value: d.id, label: d.label }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
              />
            )}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} color={kind === 'withdraw' ? 'red' : undefined}>
            {action.label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
