// Criteria payers accept for removing benign lesions (Aetna CPB 0633, Anthem ANC.00007, BCBS MS);
// a request documenting none of them is treated as cosmetic.
export const MEDICAL_NECESSITY_CRITERIA = [
  { key: 'bleeding', label: 'Bleeding' },
  { key: 'itching', label: 'Intense itching' },
  { key: 'burning', label: 'Burning' },
  { key: 'pain', label: 'Pain' },
  { key: 'irritation', label: 'Irritation' },
  { key: 'inflammation', label: 'Inflammation (erythema, edema, purulence, oozing)' },
  { key: 'infection', label: 'Infection' },
  { key: 'recurrent_trauma', label: 'Recurrent trauma from location (clothing, glasses, shaving, rubbing)' },
  { key: 'vision_obstruction', label: 'Restricts vision or obstructs an orifice' },
  { key: 'suspected_malignancy', label: 'Uncertain diagnosis / suspected malignancy' },
] as const;

export type MedicalNecessityCriterion = (typeof MEDICAL_NECESSITY_CRITERIA)[number]['key'];

export const MEDICAL_NECESSITY_CRITERION_KEYS: readonly MedicalNecessityCriterion[] = MEDICAL_NECESSITY_CRITERIA.map(
  (criterion) => criterion.key,
);

export const MEDICAL_NECESSITY_CRITERION_LABELS = Object.fromEntries(
  MEDICAL_NECESSITY_CRITERIA.map((criterion) => [criterion.key, criterion.label]),
) as Record<MedicalNecessityCriterion, string>;

export function isMedicalNecessityCriterion(value: unknown): value is MedicalNecessityCriterion {
  return typeof value === 'string' && (MEDICAL_NECESSITY_CRITERION_KEYS as readonly string[]).includes(value);
}

/** The criteria a case documents; the exam checkboxes count even when the criteria list lags behind. */
export function documentedCriteria(findings: {
  criteria: readonly unknown[];
  inflammation?: boolean;
  infection?: boolean;
}): Set<MedicalNecessityCriterion> {
  const found = new Set(findings.criteria.filter(isMedicalNecessityCriterion));
  if (findings.inflammation) found.add('inflammation');
  if (findings.infection) found.add('infection');
  return found;
}
