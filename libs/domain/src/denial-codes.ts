export interface CarcDenialCode {
  code: string;
  description: string;
}

// The remittance codes a dermatology prior-auth denial usually carries; other valid codes are
// accepted too (see isValidCarcCode), this list only gives them a description.
export const CARC_DENIAL_CODES = [
  { code: 'CO-50', description: 'Not medically necessary (treated as cosmetic)' },
  { code: 'CO-197', description: 'Precertification / authorization absent' },
  { code: 'CO-15', description: 'Authorization number missing or invalid' },
  { code: 'CO-198', description: 'Authorized units or visits exceeded' },
  { code: 'CO-11', description: 'Diagnosis inconsistent with the procedure' },
  { code: 'CO-16', description: 'Missing information' },
] as const satisfies readonly CarcDenialCode[];

// Claim adjustment group code (CO contractual, PR patient responsibility, OA other,
// PI payer initiated, CR correction/reversal), a dash, then the reason code.
const CARC_FORMAT = /^(CO|PR|OA|PI|CR)-[0-9A-Z]{1,3}$/;

export function normalizeCarcCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

export function isValidCarcCode(code: string | null | undefined): boolean {
  return typeof code === 'string' && CARC_FORMAT.test(code);
}

export function findCarcCode(code: string): CarcDenialCode | undefined {
  const normalized = normalizeCarcCode(code);
  return CARC_DENIAL_CODES.find((entry) => entry.code === normalized);
}
