import {
  describeIcd10Release,
  findCpt,
  hasCompatibilityRule,
  icd10Problems,
  isDiagnosisCompatible,
  isValidCptFormat,
  isValidIcd10Format,
  normalizeCpt,
  normalizeIcd10,
  type CptEntry,
} from './codes';
import { isIsoDate } from './local-date';
import { documentedCriteria, type MedicalNecessityCriterion } from './medical-necessity';
import { payerRuleReadinessItems } from './payer-rules';
import type { CaseSnapshot, ProcedureLine } from './snapshot';

// The form section that fixes a failing item, so the dashboard can link to it.
export type ReadinessField =
  | 'findings'
  | 'diagnoses'
  | 'procedureLines'
  | 'cosmeticOverride'
  | 'failedTreatments'
  | 'photos'
  | 'notes';

export interface ReadinessItem {
  id: string;
  label: string;
  passed: boolean;
  reason?: string;
  field?: ReadinessField;
}

export interface ReadinessResult {
  ready: boolean;
  items: ReadinessItem[];
}

export interface ReadinessOptions {
  requireEvidence?: boolean;
}

export interface ReadinessRule {
  id: string;
  label: string | ((snapshot: CaseSnapshot) => string);
  field: ReadinessField;
  appliesTo?: (options: Required<ReadinessOptions>) => boolean;
  // Returns the failure reasons; an empty list means the item passes.
  check: (snapshot: CaseSnapshot) => string[];
}

function getDocumentedCriteria(snapshot: CaseSnapshot): MedicalNecessityCriterion[] {
  return [...documentedCriteria(snapshot.findings)];
}

interface CodedLine {
  line: ProcedureLine;
  code: string;
  entry: CptEntry | undefined;
}

function getWellFormedLines(snapshot: CaseSnapshot): CodedLine[] {
  return snapshot.procedureLines
    .map((line) => ({ line, code: normalizeCpt(line.cpt), entry: findCpt(line.cpt) }))
    .filter(({ code }) => isValidCptFormat(code));
}

function checkLineUnits({ line, code, entry }: CodedLine): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(line.units) || line.units < 1) {
    problems.push(`${code}: units must be a whole number of at least 1 (got ${line.units}).`);
  }
  if (!Number.isInteger(line.lesionCount) || line.lesionCount < 0) {
    problems.push(`${code}: lesion count must be a whole number (got ${line.lesionCount}).`);
  }
  if (!entry) return problems;
  if (entry.exactUnits !== undefined && line.units !== entry.exactUnits && line.units >= 1) {
    const hint = entry.unitsHint ? `: ${entry.unitsHint}` : '';
    problems.push(`${code} is reported with exactly ${entry.exactUnits} unit per session, not ${line.units}${hint}.`);
  }
  const range = entry.lesionCount;
  if (range && Number.isInteger(line.lesionCount)) {
    if (line.lesionCount < range.min || (range.max !== undefined && line.lesionCount > range.max)) {
      const expected = range.max === undefined ? `${range.min} or more` : `${range.min} to ${range.max}`;
      problems.push(`${code} covers ${expected} lesions, but the line has ${line.lesionCount}.`);
    }
  }
  return problems;
}

function checkAddOnsAndSessionGroups(lines: readonly CodedLine[]): string[] {
  const problems: string[] = [];
  const codes = new Set(lines.map(({ code }) => code));
  for (const { code, entry } of lines) {
    if (entry?.addOnTo && !entry.addOnTo.some((base) => codes.has(base))) {
      problems.push(`Add-on code +${code} needs its primary code on the request (${entry.addOnTo.join(', ')}).`);
    }
  }
  const groups = new Map<string, string[]>();
  for (const { code, entry } of lines) {
    if (entry?.onePerSessionGroup) {
      groups.set(entry.onePerSessionGroup, [...(groups.get(entry.onePerSessionGroup) ?? []), code]);
    }
  }
  for (const [group, groupCodes] of groups) {
    if (groupCodes.length > 1) {
      problems.push(
        `Only one primary ${group} code is reported per session (found ${groupCodes.join(', ')}); report the others with their add-on codes.`,
      );
    }
  }
  return problems;
}

export const READINESS_RULES: readonly ReadinessRule[] = [
  {
    id: 'medical_necessity',
    label: 'At least one medical-necessity criterion is documented',
    field: 'findings',
    check: (snapshot) =>
      getDocumentedCriteria(snapshot).length > 0
        ? []
        : [
            'Document at least one medical-necessity criterion (e.g. itching, bleeding, inflammation); without one the payer treats removal as cosmetic.',
          ],
  },
  {
    id: 'diagnosis_present',
    label: 'At least one diagnosis (ICD-10-CM)',
    field: 'diagnoses',
    check: (snapshot) => (snapshot.diagnoses.length > 0 ? [] : ['Add at least one ICD-10-CM diagnosis.']),
  },
  {
    id: 'procedure_present',
    label: 'At least one procedure (CPT)',
    field: 'procedureLines',
    check: (snapshot) => (snapshot.procedureLines.length > 0 ? [] : ['Add at least one CPT procedure line.']),
  },
  {
    id: 'cpt_format',
    label: 'CPT codes are well-formed',
    field: 'procedureLines',
    check: (snapshot) =>
      snapshot.procedureLines
        .filter((line) => !isValidCptFormat(normalizeCpt(line.cpt)))
        .map((line) => `CPT code "${line.cpt}" is not well-formed (5 digits, or 4 digits and a letter).`),
  },
  {
    id: 'icd10_format',
    label: 'Diagnosis codes are well-formed',
    field: 'diagnoses',
    check: (snapshot) =>
      snapshot.diagnoses
        .filter((code) => !isValidIcd10Format(normalizeIcd10(code)))
        .map((code) => `Diagnosis "${code}" is not a well-formed ICD-10-CM code (e.g. L72.0).`),
  },
  {
    id: 'icd10_release',
    label: (snapshot) =>
      snapshot.icd10
        ? `Diagnoses are billable codes of ${describeIcd10Release(snapshot.icd10)}`
        : 'Diagnoses are billable ICD-10-CM codes',
    field: 'diagnoses',
    check: (snapshot) => {
      if (snapshot.icd10 === undefined) return [];
      if (snapshot.icd10 === null)
        return snapshot.diagnoses.length ? ['No ICD-10-CM release is loaded: run npm run codes:load.'] : [];
      return icd10Problems(snapshot.diagnoses, snapshot.icd10);
    },
  },
  {
    id: 'cosmetic_risk',
    label: 'No cosmetic-risk procedure without a written justification',
    field: 'cosmeticOverride',
    check: (snapshot) => {
      if (snapshot.cosmeticOverride?.justification?.trim()) return [];
      return getWellFormedLines(snapshot)
        .filter(({ entry }) => entry?.cosmeticRisk)
        .map(
          ({ code, entry }) =>
            `${code} (${entry?.description}) is usually treated as cosmetic: remove it or record why it is medically necessary.`,
        );
    },
  },
  {
    id: 'units_lesions',
    label: 'Units match the lesion count and add-on codes have their primary code',
    field: 'procedureLines',
    check: (snapshot) => {
      const lines = getWellFormedLines(snapshot);
      return [...lines.flatMap(checkLineUnits), ...checkAddOnsAndSessionGroups(lines)];
    },
  },
  {
    id: 'diagnosis_compatible',
    label: 'Each procedure has a diagnosis that supports it',
    field: 'diagnoses',
    check: (snapshot) => {
      const diagnoses = snapshot.diagnoses.map(normalizeIcd10).filter(isValidIcd10Format);
      if (diagnoses.length === 0) return [];
      return getWellFormedLines(snapshot)
        .filter(({ code }) => hasCompatibilityRule(code))
        .filter(({ code }) => !diagnoses.some((icd) => isDiagnosisCompatible(code, icd)))
        .map(
          ({ code }) =>
            `No diagnosis on the request supports ${code} (have ${diagnoses.join(', ')}); payers deny this as CO-11.`,
        );
    },
  },
  {
    id: 'treatment_dates',
    label: 'Failed treatments have valid dates',
    field: 'failedTreatments',
    check: (snapshot) =>
      snapshot.failedTreatments.flatMap((treatment, index) => {
        const name = treatment.therapy?.trim() || `Treatment ${index + 1}`;
        if (!isIsoDate(treatment.startDate)) return [`${name}: start date must be a YYYY-MM-DD date.`];
        if (treatment.endDate == null || treatment.endDate === '') return [];
        if (!isIsoDate(treatment.endDate)) return [`${name}: end date must be a YYYY-MM-DD date.`];
        return treatment.endDate < treatment.startDate ? [`${name}: end date is before the start date.`] : [];
      }),
  },
  {
    id: 'photos',
    label: 'At least one dated photo',
    field: 'photos',
    appliesTo: (options) => options.requireEvidence,
    check: (snapshot) =>
      snapshot.photoCount > 0 ? [] : ['Attach at least one dated photo showing the body site and the lesions.'],
  },
  {
    id: 'physician_note',
    label: 'At least one physician note',
    field: 'notes',
    appliesTo: (options) => options.requireEvidence,
    check: (snapshot) =>
      snapshot.physicianNoteCount > 0 ? [] : ['Add at least one physician note documenting the findings.'],
  },
];

export function computeReadiness(
  snapshot: CaseSnapshot,
  options: ReadinessOptions = {},
  rules: readonly ReadinessRule[] = READINESS_RULES,
): ReadinessResult {
  const resolved: Required<ReadinessOptions> = { requireEvidence: options.requireEvidence ?? true };
  const items = rules
    .filter((rule) => rule.appliesTo?.(resolved) ?? true)
    .map((rule): ReadinessItem => {
      const reasons = rule.check(snapshot);
      const label = typeof rule.label === 'function' ? rule.label(snapshot) : rule.label;
      const item: ReadinessItem = { id: rule.id, label, passed: reasons.length === 0, field: rule.field };
      if (reasons.length > 0) item.reason = reasons.join(' ');
      return item;
    })
    .concat(payerRuleReadinessItems(snapshot));
  return { ready: items.every((item) => item.passed), items };
}
