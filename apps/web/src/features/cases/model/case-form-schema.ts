import { CLINICAL_FIELDS, normalizeCpt, normalizeIcd10 } from '@preauth/domain';
import type { z } from '../../../ui/zod';
import type { caseFormSchema } from './case-form-validation';
import type { CaseDetail, CreateCaseBody, UpdateCaseBody } from '../api/types';

export type CaseFormValues = z.infer<typeof caseFormSchema>;

// Spelled out rather than read from the schema, which would bring zod into every page that shows
// the form; `satisfies` keeps the list and the schema's fields the same.
const FIELDS = {
  patientId: true,
  payerId: true,
  providerId: true,
  urgency: true,
  procedureLines: true,
  plannedServiceDate: true,
  diagnoses: true,
  findings: true,
  failedTreatments: true,
  cosmeticOverrideJustification: true,
  payerReference: true,
} satisfies Record<keyof CaseFormValues, true>;
export const CASE_FORM_FIELDS = Object.keys(FIELDS) as (keyof CaseFormValues)[];
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
