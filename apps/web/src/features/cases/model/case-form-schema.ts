import {
  CLINICAL_FIELDS,
  isValidCptFormat,
  isValidIcd10Format,
  isIsoDate,
  MEDICAL_NECESSITY_CRITERION_KEYS,
  normalizeCpt,
  normalizeIcd10,
  URGENCIES,
  type MedicalNecessityCriterion,
} from '@preauth/domain';
import { z } from 'zod';
import type { CaseDetail, CreateCaseBody, UpdateCaseBody } from '../api/types';

// The same limits as the API's DTOs (apps/api/src/modules/cases/dto/case-input.dto.ts), so a
// form that passes here only fails on the server for reasons the server alone can know.
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter the ${what} as a number.` })
    .int(`The ${what} must be a whole number.`)
    .min(min, `The ${what} must be at least ${min}.`)
    .max(max, `The ${what} must be at most ${max}.`);

const calendarDate = (what: string) => z.string().refine((value) => isIsoDate(value), `Enter the ${what} as a date.`);

export const procedureLineSchema = z.object({
  cpt: z
    .string()
    .trim()
    .min(1, 'Enter the CPT code.')
    .refine((value) => isValidCptFormat(normalizeCpt(value)), 'A CPT code is 5 characters, such as 17110 or 0479T.'),
  units: wholeNumber('units', 1, 99),
  bodySite: z.string().trim().min(1, 'Say where on the body.').max(120, 'Keep the body site under 120 characters.'),
  lesionCount: wholeNumber('lesion count', 0, 10000),
});

export const failedTreatmentSchema = z
  .object({
    therapy: z.string().trim().min(1, 'Name the treatment.').max(200, 'Keep it under 200 characters.'),
    startDate: calendarDate('start date'),
    endDate: z
      .string()
      .refine((value) => value === '' || isIsoDate(value), 'Enter the end date as a date, or leave it empty.'),
    outcome: z.string().trim().min(1, 'Say how it went.').max(2000, 'Keep it under 2000 characters.'),
  })
  .refine((value) => !value.endDate || !isIsoDate(value.startDate) || value.endDate >= value.startDate, {
    path: ['endDate'],
    message: 'The end date is before the start date.',
  });

export const findingsSchema = z.object({
  criteria: z.array(
    z.enum(MEDICAL_NECESSITY_CRITERION_KEYS as unknown as [MedicalNecessityCriterion, ...MedicalNecessityCriterion[]]),
  ),
  symptoms: z.string().max(5000, 'Keep the symptoms under 5000 characters.'),
  symptomDurationWeeks: z.union([wholeNumber('duration in weeks', 0, 5200), z.literal('')]),
  inflammation: z.boolean(),
  infection: z.boolean(),
  functionalImpairment: z.string().max(2000, 'Keep it under 2000 characters.'),
});

export const caseFormSchema = z.object({
  patientId: z.string(),
  payerId: z.string().min(1, 'Choose the payer.'),
  providerId: z.string().min(1, 'Choose the physician.'),
  urgency: z.enum(URGENCIES),
  procedureLines: z
    .array(procedureLineSchema)
    .min(1, 'Add at least one procedure.')
    .max(20, 'At most 20 procedure lines.'),
  plannedServiceDate: z
    .string()
    .refine((value) => value === '' || isIsoDate(value), 'Enter the date of service as a date, or leave it empty.'),
  diagnoses: z
    .array(z.string())
    .max(12, 'At most 12 diagnosis codes.')
    .superRefine((codes, ctx) => {
      const bad = codes.filter((code) => !isValidIcd10Format(normalizeIcd10(code)));
      if (bad.length)
        ctx.addIssue({ code: 'custom', message: `Not an ICD-10-CM code: ${bad.join(', ')} (e.g. L72.0).` });
    }),
  findings: findingsSchema,
  failedTreatments: z.array(failedTreatmentSchema).max(20, 'At most 20 treatments.'),
  cosmeticOverrideJustification: z.string().max(2000, 'Keep it under 2000 characters.'),
  payerReference: z.string().max(60, 'Keep it under 60 characters.'),
});

export type CaseFormValues = z.infer<typeof caseFormSchema>;

export const CASE_FORM_FIELDS = Object.keys(caseFormSchema.shape) as (keyof CaseFormValues)[];
export const CLINICAL_FORM_FIELDS: readonly (keyof CaseFormValues)[] = CLINICAL_FIELDS;

export function emptyProcedureLine(): CaseFormValues['procedureLines'][number] {
  return { cpt: '', units: 1, bodySite: '', lesionCount: 1 };
}

export function emptyFailedTreatment(): CaseFormValues['failedTreatments'][number] {
  return { therapy: '', startDate: '', endDate: '', outcome: '' };
}

export function emptyCaseForm(): CaseFormValues {
  return {
    patientId: '',
    payerId: '',
    providerId: '',
    urgency: 'standard',
    procedureLines: [emptyProcedureLine()],
    plannedServiceDate: '',
    diagnoses: [],
    findings: {
      criteria: [],
      symptoms: '',
      symptomDurationWeeks: '',
      inflammation: false,
      infection: false,
      functionalImpairment: '',
    },
    failedTreatments: [],
    cosmeticOverrideJustification: '',
    payerReference: '',
  };
}

export function caseToFormValues(detail: CaseDetail): CaseFormValues {
  return {
    patientId: detail.patient.id,
    payerId: detail.payer.id,
    providerId: detail.provider.id,
    urgency: detail.urgency,
    procedureLines: detail.procedureLines.map((line) => ({ ...line })),
    plannedServiceDate: detail.plannedServiceDate ?? '',
    diagnoses: [...detail.diagnoses],
    findings: {
      criteria: [...detail.findings.criteria],
      symptoms: detail.findings.symptoms ?? '',
      symptomDurationWeeks: detail.findings.symptomDurationWeeks ?? '',
      inflammation: detail.findings.inflammation ?? false,
      infection: detail.findings.infection ?? false,
      functionalImpairment: detail.findings.functionalImpairment ?? '',
    },
    failedTreatments: detail.failedTreatments.map((treatment) => ({ ...treatment, endDate: treatment.endDate ?? '' })),
    cosmeticOverrideJustification: detail.cosmeticOverrideJustification ?? '',
    payerReference: detail.payerReference ?? '',
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function toBodyField(values: CaseFormValues, field: keyof CaseFormValues): Partial<UpdateCaseBody> {
  switch (field) {
    case 'patientId':
      return {};
    case 'payerId':
    case 'providerId':
    case 'urgency':
      return { [field]: values[field] };
    case 'procedureLines':
      return {
        procedureLines: values.procedureLines.map((line) => ({
          ...line,
          cpt: normalizeCpt(line.cpt),
          bodySite: line.bodySite.trim(),
        })),
      };
    case 'plannedServiceDate':
      return { plannedServiceDate: values.plannedServiceDate || null };
    case 'diagnoses':
      return { diagnoses: values.diagnoses.map(normalizeIcd10) };
    case 'findings':
      return {
        findings: {
          criteria: values.findings.criteria,
          symptoms: blankToNull(values.findings.symptoms),
          symptomDurationWeeks:
            values.findings.symptomDurationWeeks === '' ? null : values.findings.symptomDurationWeeks,
          inflammation: values.findings.inflammation,
          infection: values.findings.infection,
          functionalImpairment: blankToNull(values.findings.functionalImpairment),
        },
      };
    case 'failedTreatments':
      return {
        failedTreatments: values.failedTreatments.map((treatment) => ({
          therapy: treatment.therapy.trim(),
          startDate: treatment.startDate,
          endDate: treatment.endDate || null,
          outcome: treatment.outcome.trim(),
        })),
      };
    case 'cosmeticOverrideJustification':
    case 'payerReference':
      return { [field]: blankToNull(values[field]) };
  }
}

// Only the fields this user may write: front desk never sends clinical findings (the API refuses them).
export function toCreateCaseBody(values: CaseFormValues, withClinical: boolean): CreateCaseBody {
  const fields = CASE_FORM_FIELDS.filter((field) => withClinical || !CLINICAL_FORM_FIELDS.includes(field));
  const body = Object.assign({}, ...fields.map((field) => toBodyField(values, field))) as Omit<
    CreateCaseBody,
    'patientId'
  >;
  return { ...body, patientId: values.patientId, payerId: values.payerId, providerId: values.providerId };
}

export function toUpdateCaseBody(values: CaseFormValues, fields: readonly string[]): UpdateCaseBody {
  return Object.assign(
    {},
    ...fields
      .filter((f): f is keyof CaseFormValues => (CASE_FORM_FIELDS as string[]).includes(f))
      .map((field) => toBodyField(values, field)),
  ) as UpdateCaseBody;
}
