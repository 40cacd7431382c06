import { zodResolver } from '@hookform/resolvers/zod';
import {
  isValidCptFormat,
  isValidIcd10Format,
  isIsoDate,
  MEDICAL_NECESSITY_CRITERION_KEYS,
  normalizeCpt,
  normalizeIcd10,
  URGENCIES,
  type MedicalNecessityCriterion,
} from '@preauth/domain';
import { z } from '../../../ui/zod';

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

// A new case needs its patient; an existing one has it already.
const createCaseSchema = caseFormSchema.refine((values) => values.patientId !== '', {
  path: ['patientId'],
  message: 'Choose the patient or add a new one.',
});

export const editCaseResolver = zodResolver(caseFormSchema);
export const createCaseResolver = zodResolver(createCaseSchema);
