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

const UNVERIFIED_COSMETIC =
  'Descriptor unverified. Payers usually treat this code as cosmetic; warn before submission.';

export const CPT_CATALOG: readonly CptEntry[] = [
  {
    code: '10040',
    description: 'Acne surgery (marsupialization, opening or removal of multiple milia, comedones, cysts, pustules)',
    cosmeticRisk: false,
  },
  {
    code: '17110',
    description:
      'Destruction of benign lesions other than skin tags or cutaneous vascular proliferative lesions; up to 14 lesions',
    cosmeticRisk: false,
    lesionCount: { min: 1, max: 14 },
    exactUnits: 1,
    unitsHint: DESTRUCTION_UNITS_HINT,
  },
  {
    code: '17111',
    description:
      'Destruction of benign lesions other than skin tags or cutaneous vascular proliferative lesions; 15 or more lesions',
    cosmeticRisk: false,
    lesionCount: { min: 15 },
    exactUnits: 1,
    unitsHint: DESTRUCTION_UNITS_HINT,
  },
  {
    code: '11102',
    description: 'Tangential biopsy of skin (e.g. shave, scoop, saucerize, curette); single lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11103',
    description: 'Tangential biopsy of skin; each separate/additional lesion (add-on)',
    cosmeticRisk: false,
    addOnTo: ['11102', '11104', '11106'],
  },
  {
    code: '11104',
    description: 'Punch biopsy of skin (including simple closure, when performed); single lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11105',
    description: 'Punch biopsy of skin; each separate/additional lesion (add-on)',
    cosmeticRisk: false,
    addOnTo: ['11104', '11106'],
  },
  {
    code: '11106',
    description: 'Incisional biopsy of skin (e.g. wedge) (including simple closure, when performed); single lesion',
    cosmeticRisk: false,
    exactUnits: 1,
    unitsHint: BIOPSY_UNITS_HINT,
    onePerSessionGroup: 'biopsy',
  },
  {
    code: '11107',
    description: 'Incisional biopsy of skin; each separate/additional lesion (add-on)',
    cosmeticRisk: false,
    addOnTo: ['11106'],
  },
  {
    code: '67840',
    description: 'Excision of lesion of eyelid (except chalazion)',
    cosmeticRisk: false,
  },
  {
    code: '67850',
    description: 'Destruction of lesion of lid margin (up to 1 cm)',
    cosmeticRisk: false,
  },
  {
    code: '92285',
    description: 'External ocular photography for documentation of medical progress',
    cosmeticRisk: false,
  },
  { code: '15780', description: 'Dermabrasion; total face', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  { code: '15781', description: 'Dermabrasion; segmental, face', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  {
    code: '15782',
    description: 'Dermabrasion; regional, other than face',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '15783',
    description: 'Dermabrasion; superficial, any site',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  { code: '15786', description: 'Abrasion; single lesion', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  {
    code: '15787',
    description: 'Abrasion; each additional four lesions or less (add-on)',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
    addOnTo: ['15786'],
  },
  { code: '15788', description: 'Chemical peel, facial; epidermal', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  { code: '15789', description: 'Chemical peel, facial; dermal', cosmeticRisk: true, note: UNVERIFIED_COSMETIC },
  {
    code: '17340',
    description: 'Cryotherapy (CO2 slush, liquid nitrogen) for acne',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
  {
    code: '17360',
    description: 'Chemical exfoliation for acne',
    cosmeticRisk: true,
    note: UNVERIFIED_COSMETIC,
  },
];

export const ICD10_CATALOG: readonly CodeEntry[] = [
  {
    code: 'L72.0',
    description: 'Epidermal cyst',
    cosmeticRisk: false,
    note: 'Commonly used for milia; index entry unverified.',
  },
  { code: 'L72.3', description: 'Sebaceous cyst', cosmeticRisk: false },
  { code: 'L72.8', description: 'Other follicular cysts of the skin and subcutaneous tissue', cosmeticRisk: false },
  {
    code: 'L72.9',
    description: 'Follicular cyst of the skin and subcutaneous tissue, unspecified',
    cosmeticRisk: false,
  },
  { code: 'L70.0', description: 'Acne vulgaris', cosmeticRisk: false },
  { code: 'L82.0', description: 'Inflamed seborrheic keratosis', cosmeticRisk: false },
  { code: 'L82.1', description: 'Other seborrheic keratosis', cosmeticRisk: false },
  { code: 'D23.9', description: 'Other benign neoplasm of skin, unspecified', cosmeticRisk: false },
  { code: 'D48.5', description: 'Neoplasm of uncertain behavior of skin', cosmeticRisk: false },
  { code: 'L29.9', description: 'Pruritus, unspecified', cosmeticRisk: false },
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

export function findIcd10(code: string): CodeEntry | undefined {
  const normalized = normalizeIcd10(code);
  return ICD10_CATALOG.find((entry) => entry.code === normalized);
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
