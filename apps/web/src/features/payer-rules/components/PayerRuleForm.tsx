import {
  Checkbox,
  Fieldset,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  MEDICAL_NECESSITY_CRITERIA,
  PAYER_RULE_DOCUMENT_LABELS,
  PAYER_RULE_DOCUMENTS,
  PLAN_TYPE_LABELS,
  PLAN_TYPES,
  PRIOR_AUTH_LABELS,
  PRIOR_AUTH_REQUIREMENTS,
  type MedicalNecessityCriterion,
  type PayerRuleDocument,
} from '@preauth/domain';
import { Controller } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { FormActions, FormProblems } from '../../../ui/FormProblems';
import { useServerCheckedForm } from '../../../ui/useServerCheckedForm';
import type { PayerListItem } from '../../settings/api/types';
import type { PayerRule, SavePayerRuleBody } from '../api/payer-rule-keys';

const text = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);
const url = text(500).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'Enter a web address (https://…).');
const count = z.number().int().min(1, 'At least 1, or leave it empty.').max(520).nullable();

// The shapes of SavePayerRuleDto; what the values mean (a policy to cite, …) the API checks.
const ruleSchema = z.object({
  payerId: z.string().min(1, 'Choose the payer.'),
  planType: z.string(),
  cptCode: z
    .string()
    .trim()
    .regex(/^(\d{5}|\d{4}[A-Za-z])$/, 'Enter a CPT code (5 digits, or 4 and a letter).'),
  priorAuth: z.enum(PRIOR_AUTH_REQUIREMENTS),
  criteria: z.array(z.string()),
  minSymptomWeeks: count,
  minFailedTreatments: count,
  photosRequired: z.boolean(),
  documents: z.array(z.string()),
  policyName: text(200),
  policyUrl: url,
  policyVersion: text(60),
  policyCheckedOn: z.string().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Enter a date.'),
  portalUrl: url,
  fax: text(40),
  phone: text(40),
  electronicEndpoint: url,
  appealAddress: text(1000),
  notes: text(2000),
});

type RuleValues = z.infer<typeof ruleSchema>;
const PLAN_OPTIONS = [
  { value: '', label: 'Every plan type' },
  ...PLAN_TYPES.map((value) => ({ value, label: PLAN_TYPE_LABELS[value] })),
];

function defaultsOf(rule?: PayerRule): RuleValues {
  return {
    payerId: rule?.payerId ?? '',
    planType: rule?.planType ?? '',
    cptCode: rule?.cptCode ?? '',
    priorAuth: rule?.priorAuth ?? 'unknown',
    criteria: rule?.criteria ?? [],
    minSymptomWeeks: rule?.minSymptomWeeks ?? null,
    minFailedTreatments: rule?.minFailedTreatments ?? null,
    photosRequired: rule?.photosRequired ?? false,
    documents: rule?.documents ?? [],
    policyName: rule?.policyName ?? '',
    policyUrl: rule?.policyUrl ?? '',
    policyVersion: rule?.policyVersion ?? '',
    policyCheckedOn: rule?.policyCheckedOn ?? '',
    portalUrl: rule?.portalUrl ?? '',
    fax: rule?.fax ?? '',
    phone: rule?.phone ?? '',
    electronicEndpoint: rule?.electronicEndpoint ?? '',
    appealAddress: rule?.appealAddress ?? '',
    notes: rule?.notes ?? '',
  };
}

const orNull = (value: string) => value.trim() || null;

/** A rule's fields; saving adds a version (the rule's key is fixed once it exists). */
export function PayerRuleForm({
  rule,
  payers,
  onSubmit,
  onCancel,
}: {
  rule?: PayerRule;
  payers: readonly PayerListItem[];
  onSubmit: (body: SavePayerRuleBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const {
    register,
    control,
    saveWith,
    problems,
    formState: { errors, isSubmitting },
  } = useServerCheckedForm<RuleValues>(ruleSchema, defaultsOf(rule));
  const editing = rule !== undefined;

  const handleSave = saveWith(async (v) => {
    await onSubmit({
      payerId: v.payerId,
      planType: (v.planType || null) as SavePayerRuleBody['planType'],
      cptCode: v.cptCode.trim().toUpperCase(),
      baseVersion: rule?.version ?? 0,
      priorAuth: v.priorAuth,
      criteria: v.criteria as MedicalNecessityCriterion[],
      minSymptomWeeks: v.minSymptomWeeks,
      minFailedTreatments: v.minFailedTreatments,
      photosRequired: v.photosRequired,
      documents: v.documents as PayerRuleDocument[],
      policyName: orNull(v.policyName),
      policyUrl: orNull(v.policyUrl),
      policyVersion: orNull(v.policyVersion),
      policyCheckedOn: orNull(v.policyCheckedOn),
      portalUrl: orNull(v.portalUrl),
      fax: orNull(v.fax),
      phone: orNull(v.phone),
      electronicEndpoint: orNull(v.electronicEndpoint),
      appealAddress: orNull(v.appealAddress),
      notes: orNull(v.notes),
    });
  });

  const countInput = (name: 'minSymptomWeeks' | 'minFailedTreatments', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description="Empty: the payer sets no minimum"
          min={1}
          max={520}
          allowDecimal={false}
          value={field.value ?? ''}
          onChange={(value) => field.onChange(value === '' ? null : Number(value))}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate>
      <Stack>
        <FormProblems title="The rule was not saved" problems={problems} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={control}
            name="payerId"
            render={({ field, fieldState }) => (
              <Select
                label="Payer"
                required
                searchable
                disabled={editing}
                data={payers.map((p) => ({ value: p.id, label: p.name }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="planType"
            render={({ field }) => (
              <Select
                label="Plan type"
                disabled={editing}
                data={PLAN_OPTIONS}
                value={field.value}
                onChange={(value) => field.onChange(value ?? '')}
                allowDeselect={false}
              />
            )}
          />
          <TextInput
            label="CPT code"
            required
            disabled={editing}
            {...register('cptCode')}
            error={errors.cptCode?.message}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="priorAuth"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="prior-auth-label">
                Prior authorization
              </Text>
              <SegmentedControl
                aria-labelledby="prior-auth-label"
                w="fit-content"
                data={PRIOR_AUTH_REQUIREMENTS.map((value) => ({ value, label: PRIOR_AUTH_LABELS[value] }))}
                value={field.value}
                onChange={field.onChange}
              />
            </Stack>
          )}
        />
        <Fieldset legend="Medical-necessity criteria the payer accepts (at least one must be documented)">
          <Controller
            control={control}
            name="criteria"
            render={({ field }) => (
              <Checkbox.Group value={field.value} onChange={field.onChange}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                  {MEDICAL_NECESSITY_CRITERIA.map((c) => (
                    <Checkbox key={c.key} value={c.key} label={c.label} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            {countInput('minSymptomWeeks', 'Symptoms for at least (weeks)')}
            {countInput('minFailedTreatments', 'Failed less costly treatments, at least')}
          </SimpleGrid>
          <Checkbox mt="sm" label="Dated photos required" {...register('photosRequired')} />
        </Fieldset>
        <Fieldset legend="Documents the payer wants">
          <Controller
            control={control}
            name="documents"
            render={({ field }) => (
              <Checkbox.Group value={field.value} onChange={field.onChange}>
                <Stack gap={6}>
                  {PAYER_RULE_DOCUMENTS.map((d) => (
                    <Checkbox key={d} value={d} label={PAYER_RULE_DOCUMENT_LABELS[d]} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
        </Fieldset>
        <Fieldset legend="Policy">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Policy name"
              description="The checklist cites it, e.g. Aetna CPB 0633"
              {...register('policyName')}
              error={errors.policyName?.message}
            />
            <TextInput
              label="Policy URL"
              placeholder="https://"
              {...register('policyUrl')}
              error={errors.policyUrl?.message}
            />
            <TextInput label="Policy version" {...register('policyVersion')} error={errors.policyVersion?.message} />
            <TextInput
              label="Last checked"
              type="date"
              {...register('policyCheckedOn')}
              error={errors.policyCheckedOn?.message}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Where requests and appeals go">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Portal URL"
              placeholder="https://"
              {...register('portalUrl')}
              error={errors.portalUrl?.message}
            />
            <TextInput
              label="Electronic endpoint"
              placeholder="https://"
              {...register('electronicEndpoint')}
              error={errors.electronicEndpoint?.message}
            />
            <TextInput label="Fax" {...register('fax')} error={errors.fax?.message} />
            <TextInput label="Phone" {...register('phone')} error={errors.phone?.message} />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label="Appeal address"
            autosize
            minRows={2}
            {...register('appealAddress')}
            error={errors.appealAddress?.message}
          />
        </Fieldset>
        <Textarea
          label="Notes"
          description="No patient data."
          autosize
          minRows={2}
          {...register('notes')}
          error={errors.notes?.message}
        />
        <FormActions
          onCancel={onCancel}
          submitLabel={editing ? 'Save as a new version' : 'Add the rule'}
          submitting={isSubmitting}
        />
      </Stack>
    </form>
  );
}
