export interface CodeEntry {
  code: string;
  description: string;
  cosmeticRisk: boolean;
  note?: string;
}

export interface CptEntry extends CodeEntry {
  // Codes the add-on may accompany; an add-on alone on a request is a coding error.
  addOnTo?: readonly string[];
  // Destruction codes are priced by lesion range per session, so one line, one unit.
  lesionCount?: { min: number; max?: number };
  exactUnits?: number;
  unitsHint?: string;
  // Only one primary code of a group may be reported per session (e.g. the first biopsy).
  onePerSessionGroup?: string;
}

const DESTRUCTION_UNITS_HINT = 'the lesion count, not the units, says how many lesions were treated';
const BIOPSY_UNITS_HINT = 'each further lesion is reported with an add-on code';

const UNVERIFIED_COSMETIC = 'Label unverified. Payers usually treat this code as cosmetic; warn before submission.';

// The labels are the project's own plain-language summaries: the AMA's CPT descriptors are
// licensed and may not be redistributed; a clinic loads its licensed file if it wants them.
export const CPT_CATALOG: readonly CptEntry[] = [
  {
    code: '10040',
    description: 'Extraction of acne lesions, including opening and removing multiple milia',
    cosmeticRisk: false,
  },
  {
    code: '17110',
    description: 'Destruction of benign lesions (not skin tags or vascular lesions), 1 to 14 lesions',
    cosmeticRisk: false,
    lesionCount: { min: 1, max: 14 },
    exactUnits: 1,
    unitsHint: DESTRUCTION_UNITS_HINT,
  },
  {
    code: '17111',
    description: 'Destruction of benign lesions (not skin tags or vascular lesions), 15 or more lesions',
    cosmeticRisk: false,
    lesionCount: { min: 15 },
    exactUnits: 1,
    unitsHint: DESTRUCTION_UNITS_HINT,
  },
  {
    code: '11102',
    description: 'Shave-type skin biopsy, first lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11103',
    description: 'Shave-type skin biopsy, each further lesion',
    cosmeticRisk: false,
    addOnTo: ['11102', '11104', '11106'],
  },
  {
    code: '11104',
    description: 'Punch skin biopsy, first lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11105',
    description: 'Punch skin biopsy, each further lesion',
    cosmeticRisk: false,
    addOnTo: ['11104', '11106'],
  },
  {
    code: '11106',
    description: 'Incisional skin biopsy, first lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11107',
    description: 'Incisional skin biopsy, each further lesion',
    cosmeticRisk: false,
    addOnTo: ['11106'],
  },
  {
    code: '67840',
    description: 'Removal of an eyelid lesion (not a chalazion)',
    cosmeticRisk: false,
  },
  {
    code: '67850',
    description: 'Destruction of an eyelid-margin lesion up to 1 cm',
    cosmeticRisk: false,
  },
  {
    code: '92285',
    description: 'Photography of the outer eye for the record',
    cosmeticRisk: false,
  },
  { code: '15780', description: 'Dermabrasion of the whole face', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  { code: '15781', description: 'Dermabrasion of part of the face', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  {
    code: '15782',
    description: 'Dermabrasion of an area other than the face',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '15783',
    description: 'Superficial dermabrasion, any area',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  { code: '15786', description: 'Abrasion of one lesion', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  {
    code: '15787',
    description: 'Abrasion of up to four more lesions',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
    addOnTo: ['15786'],
  },
  {
    code: '15788',
    description: 'Facial chemical peel, outer skin layer',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '15789',
    description: 'Facial chemical peel, deeper skin layer',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '17340',
    description: 'Cold treatment (cryotherapy) for acne',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '17360',
    description: 'Chemical skin peeling for acne',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
];

// Which diagnoses support each procedure. Entries are ICD-10-CM prefixes ('L72' covers L72.0,
// L72.11, …); 'any' means the procedure answers a question rather than treats a diagnosis
// (biopsy, documentation photography). Procedures missing here are not judged.
export const DIAGNOSIS_COMPATIBILITY: Readonly<Record<string, readonly string[] | 'any'>> = {
  '10040': ['L70', 'L72'],
  '17110': ['L72', 'L82', 'D23', 'B07'],
  '17111': ['L72', 'L82', 'D23', 'B07'],
  '11102': 'any',
  '11103': 'any',
  '11104': 'any',
  '11105': 'any',
  '11106': 'any',
  '11107': 'any',
  '67840': ['L72', 'L82', 'D23', 'D48.5'],
  '67850': ['L72', 'L82', 'D23'],
  '92285': 'any',
};

const CPT_FORMAT = /^(\d{5}|\d{4}[A-Z])$/;
const ICD10_FORMAT = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

// Coders write add-ons as "+11103"; the plus is typography, not part of the code.
export function normalizeCpt(code: string): string {
  return code.trim().toUpperCase().replace(/^\+/, '');
}

export function isValidCptFormat(code: string | null | undefined): boolean {
  return typeof code === 'string' && CPT_FORMAT.test(code);
}

export function normalizeIcd10(code: string): string {
  const compact = code.trim().toUpperCase().replace(/[\s.]/g, '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

export function isValidIcd10Format(code: string | null | undefined): boolean {
  return typeof code === 'string' && ICD10_FORMAT.test(code);
}

export function findCpt(code: string): CptEntry | undefined {
  const normalized = normalizeCpt(code);
  return CPT_CATALOG.find((entry) => entry.code === normalized);
}

export function isCosmeticRiskCpt(code: string): boolean {
  return findCpt(code)?.cosmeticRisk ?? false;
}

export function hasCompatibilityRule(cpt: string): boolean {
  return Object.hasOwn(DIAGNOSIS_COMPATIBILITY, normalizeCpt(cpt));
}

export function isDiagnosisCompatible(cpt: string, icd: string): boolean {
  const diagnosis = normalizeIcd10(icd);
  if (!isValidIcd10Format(diagnosis)) return false;
  if (!hasCompatibilityRule(cpt)) return false;
  const allowed = DIAGNOSIS_COMPATIBILITY[normalizeCpt(cpt)];
  if (allowed === 'any') return true;
  const bare = diagnosis.replace('.', '');
  return allowed.some((prefix) => bare.startsWith(prefix.replace('.', '')));
}

export interface Icd10Entry {
  code: string;
  description: string;
}

// What the release in effect says about one diagnosis on a request.
export type Icd10Lookup =
  | { kind: 'billable'; description: string }
  | { kind: 'category'; children: readonly Icd10Entry[]; childCount: number }
  | { kind: 'unknown' };

// The diagnoses of a request looked up in one ICD-10-CM release: the one in effect on the date
// of service, or the newest loaded when none covers that date (coversServiceDate false).
export interface Icd10ReleaseCheck {
  release: string;
  serviceDate: string;
  coversServiceDate: boolean;
  codes: Readonly<Record<string, Icd10Lookup>>;
}

const CATEGORY_CHILDREN_SHOWN = 8;

/**
 * ICD-10-CM lists only billable (leaf) codes; a code that is not listed but that listed codes
 * extend (L72.1 → L72.11, L72.12) is a category, which payers refuse as not specific enough.
 */
export function classifyIcd10(
  code: string,
  listed: Icd10Entry | undefined,
  extending: readonly Icd10Entry[],
  extendingCount?: number,
): Icd10Lookup {
  if (listed) return { kind: 'billable', description: listed.description };
  const normalized = normalizeIcd10(code);
  const children = extending.filter((entry) => entry.code !== normalized && entry.code.startsWith(normalized));
  if (children.length === 0) return { kind: 'unknown' };
  return {
    kind: 'category',
    children: children.slice(0, CATEGORY_CHILDREN_SHOWN),
    childCount: extendingCount ?? children.length,
  };
}

/** Why a diagnosis cannot go on a request under this release, or null when it can. */
export function describeIcd10Problem(code: string, lookup: Icd10Lookup | undefined, release: string): string | null {
  switch (lookup?.kind) {
    case 'billable':
      return null;
    case 'category': {
      const shown = lookup.children.map((child) => `${child.code} ${child.description}`).join(', ');
      const more =
        lookup.childCount > lookup.children.length ? `, and ${lookup.childCount - lookup.children.length} more` : '';
      return `${code} is a category; pick one of ${shown}${more}.`;
    }
    case 'unknown':
    case undefined:
      return `${code} is not an ICD-10-CM code (release ${release}).`;
  }
}

/** The release named, and why it was chosen when it does not cover the date of service. */
export function describeIcd10Release(check: Icd10ReleaseCheck): string {
  return check.coversServiceDate
    ? `ICD-10-CM ${check.release}, in effect on ${check.serviceDate}`
    : `ICD-10-CM ${check.release}, the newest loaded: no loaded release covers ${check.serviceDate}`;
}

export function icd10Problems(diagnoses: readonly string[], check: Icd10ReleaseCheck): string[] {
  return diagnoses
    .map(normalizeIcd10)
    .filter(isValidIcd10Format)
    .map((code) => describeIcd10Problem(code, check.codes[code], check.release))
    .filter((problem): problem is string => problem !== null);
}

/** code → description of the billable codes a check found, for letters and FHIR displays. */
export function icd10Descriptions(check: Icd10ReleaseCheck | null | undefined): Record<string, string> {
  const descriptions: Record<string, string> = {};
  for (const [code, lookup] of Object.entries(check?.codes ?? {})) {
    if (lookup.kind === 'billable') descriptions[code] = lookup.description;
  }
  return descriptions;
}
