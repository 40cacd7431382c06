import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { findCpt, isIsoDate, MEDICAL_NECESSITY_CRITERIA, URGENCY_LABELS } from '@preauth/domain';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { PatientPicker } from '../../patients/components/PatientPicker';
import { PriorAuthNotices } from '../../payer-rules/components/PriorAuthNotices';
import { usePayers } from '../../reference/api/usePayers';
import { useProviders } from '../../reference/api/useProviders';
import { applyServerErrors, isApiError, isStaleVersion } from '../../../ui/server-errors';
import {
  CASE_FORM_FIELDS,
  emptyFailedTreatment,
  emptyProcedureLine,
  type CaseFormValues,
} from '../model/case-form-schema';
import { CptCodePicker, Icd10CodePicker } from './CodePickers';
import { sectionId } from '../model/case-section-id';

// zod and the form's schema (~25 KB gzipped) load when the form is first used, not with the case
// page: the form asks for them on its first focus, and a check waits for them if need be.
const loadValidation = () => import('../model/case-form-validation');
const editResolver: Resolver<CaseFormValues> = async (...args) => (await loadValidation()).editCaseResolver(...args);
const createResolver: Resolver<CaseFormValues> = async (...args) =>
  (await loadValidation()).createCaseResolver(...args);

export interface CaseFormProps {
  mode: 'create' | 'edit';
  defaultValues: CaseFormValues;
  // Fields the user may change now (edit: the case's editableFields; create: all they may write).
  editableFields: readonly string[];
  // Clinical findings are shown read-only (or hidden on create) for users who may not write them.
  mayWriteClinical: boolean;
  onSubmit: (values: CaseFormValues, changedFields: string[]) => Promise<unknown>;
  // Fetches the latest version; the form takes its values except where the user typed something.
  onReload?: () => Promise<CaseFormValues | undefined>;
  submitLabel: string;
  // Once the payer has the request, show only what can still change (the page summarises the rest).
  hideLocked?: boolean;
}

function firstMessage(errors: FieldErrors | undefined): string | undefined {
  if (!errors) return undefined;
  const root =
    (errors as { message?: unknown; root?: { message?: string } }).message ??
    (errors as { root?: { message?: string } }).root?.message;
  return typeof root === 'string' ? root : undefined;
}

export function CaseForm({
  mode,
  defaultValues,
  editableFields,
  mayWriteClinical,
  onSubmit,
  onReload,
  submitLabel,
  hideLocked = false,
}: CaseFormProps) {
  const payers = usePayers();
  const providers = useProviders();
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    reset,
    getValues,
    formState: { errors, isSubmitting, dirtyFields, isDirty },
  } = useForm<CaseFormValues>({
    resolver: mode === 'create' ? createResolver : editResolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues,
  });
  // The save button sits at the bottom of a long form: bring what went wrong into view.
  const alertsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict || problems.length) alertsRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [conflict, problems]);
  const lines = useFieldArray({ control, name: 'procedureLines' });
  const treatments = useFieldArray({ control, name: 'failedTreatments' });
  const can = (field: string) => editableFields.includes(field);
  const showClinical = mode === 'edit' || mayWriteClinical;
  const plannedServiceDate = watch('plannedServiceDate');
  const procedureLines = watch('procedureLines');
  const payerId = watch('payerId');
  const cosmeticCodes = procedureLines
    .map((line) => findCpt(line.cpt))
    .filter((entry) => entry?.cosmeticRisk)
    .map((entry) => entry!.code);

  const handleSave = handleSubmit(async (values) => {
    setProblems([]);
    setConflict(false);
    setSaved(false);
    const changed = mode === 'create' ? [...CASE_FORM_FIELDS] : Object.keys(dirtyFields).filter(can);
    if (mode === 'edit' && changed.length === 0) {
      setProblems(['Nothing has changed.']);
      return;
    }
    try {
      await onSubmit(values, changed);
      if (mode === 'edit') {
        // The saved values become the new baseline, so the next save sends only new changes.
        reset(getValues());
        setSaved(true);
      }
    } catch (error) {
      if (isStaleVersion(error)) {
        setConflict(true);
        return;
      }
      if (isApiError(error, 403)) {
        setProblems([error.body.message ?? 'You may not change these fields.']);
        return;
      }
      setProblems(applyServerErrors(error, setError, CASE_FORM_FIELDS));
    }
  });

  const section = (field: string, legend: string, children: ReactNode, disabled = !can(field)) =>
    hideLocked && disabled ? null : (
      <Fieldset legend={legend} id={sectionId(field)} disabled={disabled} style={{ scrollMarginTop: 72 }}>
        {children}
      </Fieldset>
    );

  return (
    <form
      onSubmit={(event) => void handleSave(event)}
      onFocus={() => void loadValidation()}
      noValidate
      aria-label={mode === 'create' ? 'New case' : 'Edit case'}
    >
      <Stack>
        <div ref={alertsRef} />
        {conflict && (
          <Alert color="yellow" role="alert" title="Someone changed this case — reload" data-testid="conflict-alert">
            <Text size="sm">
              Your changes are still in the form. Reload to get the latest version, check it, then save again.
            </Text>
            {onReload && (
              <Button
                size="xs"
                mt="xs"
                variant="light"
                color="yellow"
                onClick={() =>
                  // onReload resolves with undefined when the refetch fails (react-query keeps the
                  // error in the query); it does not reject.
                  void onReload().then((latest) => {
                    if (latest) reset(latest, { keepDirtyValues: true });
                    setConflict(false);
                  })
                }
              >
                Reload the case
              </Button>
            )}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert color="red" role="alert" title="Not saved">
            {problems.map((problem) => (
              <Text key={problem} size="sm">
                {problem}
              </Text>
            ))}
          </Alert>
        )}
        {saved && !isDirty && (
          <Alert color="teal" role="status">
            Saved.
          </Alert>
        )}

        {mode === 'create' && (
          <Controller
            control={control}
            name="patientId"
            render={({ field, fieldState }) => (
              <PatientPicker
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        )}

        {section(
          'payerId',
          'Payer and physician',
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Controller
              control={control}
              name="payerId"
              render={({ field, fieldState }) => (
                <Select
                  label="Payer"
                  required
                  searchable
                  data={(payers.data ?? [])
                    .filter((payer) => payer.active || payer.id === field.value)
                    .map((payer) => ({ value: payer.id, label: payer.name }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  disabled={!can('payerId')}
                />
              )}
            />
            <Controller
              control={control}
              name="providerId"
              render={({ field, fieldState }) => (
                <Select
                  label="Physician"
                  required
                  searchable
                  data={(providers.data ?? [])
                    .filter((provider) => provider.active || provider.id === field.value)
                    .map((provider) => ({ value: provider.id, label: provider.displayName }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  disabled={!can('providerId')}
                />
              )}
            />
            <Controller
              control={control}
              name="urgency"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="urgency-label">
                    Urgency
                  </Text>
                  <SegmentedControl
                    aria-labelledby="urgency-label"
                    data={[
                      { value: 'standard', label: URGENCY_LABELS.standard },
                      { value: 'expedited', label: URGENCY_LABELS.expedited },
                    ]}
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                    disabled={!can('urgency')}
                  />
                </Stack>
              )}
            />
          </SimpleGrid>,
          !can('payerId') && !can('providerId') && !can('urgency'),
        )}

        {section(
          'procedureLines',
          'Procedures (CPT)',
          <Stack gap="sm">
            {lines.fields.map((line, index) => (
              <Group key={line.id} align="flex-start" gap="xs" wrap="wrap" data-testid="procedure-line">
                <Controller
                  control={control}
                  name={`procedureLines.${index}.cpt`}
                  render={({ field, fieldState }) => (
                    <CptCodePicker
                      label="CPT code"
                      required
                      w={{ base: '100%', sm: 300 }}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`procedureLines.${index}.units`}
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label="Units"
                      required
                      w={90}
                      min={1}
                      max={99}
                      allowDecimal={false}
                      value={field.value}
                      onChange={(value) =>
                        field.onChange(typeof value === 'number' ? value : value === '' ? undefined : Number(value))
                      }
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`procedureLines.${index}.lesionCount`}
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label="Lesions"
                      required
                      w={100}
                      min={0}
                      allowDecimal={false}
                      value={field.value}
                      onChange={(value) =>
                        field.onChange(typeof value === 'number' ? value : value === '' ? undefined : Number(value))
                      }
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <TextInput
                  label="Body site"
                  required
                  style={{ flex: 1, minWidth: 200 }}
                  {...register(`procedureLines.${index}.bodySite`)}
                  error={errors.procedureLines?.[index]?.bodySite?.message}
                />
                {lines.fields.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    aria-label={`Remove procedure line ${index + 1}`}
                    onClick={() => lines.remove(index)}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {firstMessage(errors.procedureLines as FieldErrors | undefined) && (
              <Text c="red" size="sm" role="alert">
                {firstMessage(errors.procedureLines as FieldErrors | undefined)}
              </Text>
            )}
            {cosmeticCodes.length > 0 && (
              <Alert color="orange" title="Cosmetic-risk code" id={sectionId('cosmeticOverride')}>
                Payers usually treat {cosmeticCodes.join(', ')} as cosmetic. The physician should document the medical
                necessity and, if needed, a justification below.
              </Alert>
            )}
            {mode === 'create' && (
              <PriorAuthNotices payerId={payerId} cptCodes={procedureLines.map((line) => line.cpt)} />
            )}
            {can('procedureLines') && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => lines.append(emptyProcedureLine())}
                disabled={lines.fields.length >= 20}
                w="fit-content"
              >
                + Add a procedure line
              </Button>
            )}
          </Stack>,
        )}

        {section(
          'diagnoses',
          'Diagnoses (ICD-10-CM)',
          <Stack gap="sm">
            <TextInput
              label="Planned date of service"
              description="Codes are checked against the ICD-10-CM release in effect on this date (today's if empty)."
              type="date"
              w="fit-content"
              disabled={!can('plannedServiceDate')}
              {...register('plannedServiceDate')}
              error={errors.plannedServiceDate?.message}
            />
            <Controller
              control={control}
              name="diagnoses"
              render={({ field, fieldState }) => (
                <Icd10CodePicker
                  label="Diagnosis codes"
                  description="Type a code, words of its description or a term such as milia; Enter adds the highlighted code."
                  placeholder="e.g. L72.0 or milia"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  disabled={!can('diagnoses')}
                  serviceDate={isIsoDate(plannedServiceDate) ? plannedServiceDate : null}
                />
              )}
            />
          </Stack>,
        )}

        {showClinical ? (
          <>
            {!mayWriteClinical && !hideLocked && (
              <Alert color="gray" title="Clinical findings are read-only for front desk">
                Only a physician or a manager may record clinical findings and failed treatments.
              </Alert>
            )}
            {section(
              'findings',
              'Medical necessity findings',
              <Stack gap="sm">
                <Controller
                  control={control}
                  name="findings.criteria"
                  render={({ field }) => (
                    <Checkbox.Group
                      label="Documented criteria"
                      description="At least one must be documented for payers to treat removal as medically necessary."
                      value={field.value}
                      onChange={field.onChange}
                    >
                      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
                        {MEDICAL_NECESSITY_CRITERIA.map((criterion) => (
                          <Checkbox key={criterion.key} value={criterion.key} label={criterion.label} />
                        ))}
                      </SimpleGrid>
                    </Checkbox.Group>
                  )}
                />
                <Textarea
                  label="Symptoms"
                  autosize
                  minRows={2}
                  {...register('findings.symptoms')}
                  error={errors.findings?.symptoms?.message}
                />
                <Group align="flex-start">
                  <Controller
                    control={control}
                    name="findings.symptomDurationWeeks"
                    render={({ field, fieldState }) => (
                      <NumberInput
                        label="Duration (weeks)"
                        w={160}
                        min={0}
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
                  <Checkbox mt={30} label="Inflammation on exam" {...register('findings.inflammation')} />
                  <Checkbox mt={30} label="Infection on exam" {...register('findings.infection')} />
                </Group>
                <Textarea
                  label="Functional impairment"
                  autosize
                  minRows={2}
                  {...register('findings.functionalImpairment')}
                  error={errors.findings?.functionalImpairment?.message}
                />
                <Textarea
                  label="Cosmetic-risk justification"
                  description="Why a code payers treat as cosmetic is medically necessary here."
                  autosize
                  minRows={2}
                  {...register('cosmeticOverrideJustification')}
                  error={errors.cosmeticOverrideJustification?.message}
                  disabled={!can('cosmeticOverrideJustification')}
                />
              </Stack>,
            )}
            {section(
              'failedTreatments',
              'Failed treatments',
              <Stack gap="sm">
                {treatments.fields.length === 0 && (
                  <Text size="sm" c="dimmed">
                    None recorded.
                  </Text>
                )}
                {treatments.fields.map((treatment, index) => (
                  <Stack key={treatment.id} gap={6} data-testid="failed-treatment">
                    <Group align="flex-start" gap="xs" wrap="wrap">
                      <TextInput
                        label="Treatment"
                        required
                        style={{ flex: 1, minWidth: 200 }}
                        {...register(`failedTreatments.${index}.therapy`)}
                        error={errors.failedTreatments?.[index]?.therapy?.message}
                      />
                      <TextInput
                        label="Started"
                        type="date"
                        required
                        {...register(`failedTreatments.${index}.startDate`)}
                        error={errors.failedTreatments?.[index]?.startDate?.message}
                      />
                      <TextInput
                        label="Ended"
                        type="date"
                        {...register(`failedTreatments.${index}.endDate`)}
                        error={errors.failedTreatments?.[index]?.endDate?.message}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={28}
                        aria-label={`Remove treatment ${index + 1}`}
                        onClick={() => treatments.remove(index)}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                    <Textarea
                      label="Outcome"
                      required
                      autosize
                      minRows={1}
                      {...register(`failedTreatments.${index}.outcome`)}
                      error={errors.failedTreatments?.[index]?.outcome?.message}
                    />
                  </Stack>
                ))}
                {can('failedTreatments') && (
                  <Button
                    variant="subtle"
                    size="xs"
                    w="fit-content"
                    onClick={() => treatments.append(emptyFailedTreatment())}
                  >
                    + Add a failed treatment
                  </Button>
                )}
              </Stack>,
            )}
          </>
        ) : (
          <Alert color="gray" title="Clinical findings: for the physician" data-testid="clinical-hidden">
            Front desk cannot record clinical findings or failed treatments (the server refuses them). Create the case
            with the codes; the physician adds the findings before it is submitted.
          </Alert>
        )}

        {mode === 'edit' &&
          section(
            'payerReference',
            "Payer's reference",
            <TextInput
              label="Payer tracking number"
              description="The number the payer gave the request."
              {...register('payerReference')}
              error={errors.payerReference?.message}
            />,
          )}

        {editableFields.length > 0 && (
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
