import { isValidNpi } from './npi';

// The practice's own details, printed as the letterhead of every letter and packet and on the
// fax cover sheet. The same checks run in the settings form and in the API.

export interface ClinicProfileFields {
  practiceName: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  fax: string;
  groupNpi: string | null;
  taxId: string | null;
}

export const CLINIC_PROFILE_MAX_LENGTHS = {
  practiceName: 200,
  addressLine1: 200,
  addressLine2: 200,
  city: 100,
  state: 2,
  postalCode: 10,
  phone: 40,
  fax: 40,
  groupNpi: 10,
  taxId: 10,
} as const satisfies Record<keyof ClinicProfileFields, number>;

/** A North American number: 10 digits (an optional leading 1), however it is punctuated. */
export function isValidPhoneNumber(value: string): boolean {
  if (!/^[0-9()+.\-\s]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
}

/** An employer identification number as the IRS prints it: 12-3456789. */
export function isValidTaxId(value: string): boolean {
  return /^\d{2}-\d{7}$/.test(value);
}

export function isValidPostalCode(value: string): boolean {
  return /^\d{5}(-\d{4})?$/.test(value);
}

export function isValidStateCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value);
}

export interface FieldProblem<F extends string = string> {
  field: F;
  reason: string;
}

const REQUIRED: (keyof ClinicProfileFields)[] = [
  'practiceName',
  'addressLine1',
  'city',
  'state',
  'postalCode',
  'phone',
  'fax',
];

/** Every problem of a profile, each naming its field; empty when it can be saved. */
export function clinicProfileProblems(p: ClinicProfileFields): FieldProblem<keyof ClinicProfileFields>[] {
  const problems: FieldProblem<keyof ClinicProfileFields>[] = [];
  for (const field of REQUIRED) {
    if (!(p[field] ?? '').trim()) problems.push({ field, reason: 'is required' });
  }
  // Fields with a fixed format get that format's message alone, not also a length one.
  const formatted = new Set<keyof ClinicProfileFields>(['state', 'postalCode', 'groupNpi', 'taxId']);
  for (const [field, max] of Object.entries(CLINIC_PROFILE_MAX_LENGTHS) as [keyof ClinicProfileFields, number][]) {
    const value = p[field];
    if (formatted.has(field)) continue;
    if (value && value.length > max) problems.push({ field, reason: `must be at most ${max} characters` });
  }
  const check = (field: keyof ClinicProfileFields, ok: (v: string) => boolean, reason: string) => {
    const value = p[field]?.trim();
    if (value && !ok(value)) problems.push({ field, reason });
  };
  check('state', isValidStateCode, 'must be a two-letter state code such as ME');
  check('postalCode', isValidPostalCode, 'must be a ZIP code: 5 digits, or 5+4 (04101-1234)');
  check('phone', isValidPhoneNumber, 'must be a 10-digit phone number such as (207) 555-0100');
  check('fax', isValidPhoneNumber, 'must be a 10-digit fax number such as (207) 555-0101');
  check('groupNpi', isValidNpi, 'must be a 10-digit NPI with a valid check digit');
  check('taxId', isValidTaxId, 'must be an employer identification number written 12-3456789');
  return problems;
}

/** The address as printed under the practice name: street lines, then "City, ST 04101". */
export function clinicAddressLines(
  p: Pick<ClinicProfileFields, 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode'>,
): string[] {
  return [p.addressLine1, p.addressLine2 ?? '', `${p.city}, ${p.state} ${p.postalCode}`]
    .map((line) => line.trim())
    .filter((line) => line && line !== ',');
}
