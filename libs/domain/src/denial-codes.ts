export interface CarcDenialCode {
  code: string;
  description: string;
}

// The Claim Adjustment Reason Codes (X12) a prior-authorization denial usually carries, in our
// own words; other valid codes are accepted too (see isValidCarcCode), this list only gives them a
// description. The first six are the ones a dermatology denial most often names, so the code
// picker offers them first.
export const CARC_DENIAL_CODES = [
  { code: 'CO-50', description: "Not medically necessary in the payer's judgement (treated as cosmetic)" },
  { code: 'CO-197', description: 'Precertification / authorization absent' },
  { code: 'CO-15', description: 'Authorization number missing, invalid or not for this service or provider' },
  { code: 'CO-198', description: 'Authorized units or visits exceeded' },
  { code: 'CO-11', description: 'Diagnosis inconsistent with the procedure' },
  { code: 'CO-16', description: 'Missing information or a billing error; the request must be completed' },
  { code: 'CO-4', description: 'Procedure code inconsistent with the modifier, or a required modifier missing' },
  { code: 'CO-96', description: 'Non-covered charge' },
  {
    code: 'CO-97',
    description: 'Included in the payment for another service or procedure already decided (bundled)',
  },
  { code: 'CO-109', description: 'Not covered by this payer; send it to the correct payer' },
  { code: 'CO-167', description: 'The diagnosis is not covered' },
  { code: 'CO-170', description: 'Not paid when performed or billed by this type of provider' },
  {
    code: 'CO-171',
    description: 'Not paid when performed or billed by this type of provider in this type of facility',
  },
  { code: 'CO-183', description: 'The referring provider may not refer this service' },
  { code: 'CO-184', description: 'The ordering or prescribing provider may not order this service' },
  { code: 'CO-185', description: 'The rendering provider may not perform this service' },
  { code: 'CO-204', description: "Not covered under the patient's current benefit plan" },
  { code: 'CO-242', description: 'Not provided by a network or primary care provider' },
  {
    code: 'CO-251',
    description: 'The documentation received lacks the content needed to decide the request',
  },
  { code: 'CO-252', description: 'Documentation (an attachment) is required to decide the request' },
] as const satisfies readonly CarcDenialCode[];

// What reports and the case page show for a code nobody has described yet: never the code again.
export const NO_CARC_DESCRIPTION = 'no description on file';

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

// A reason code means the same under any group code (CO, PR, OA, PI, CR), so PR-96 reads as CO-96.
export function carcReasonOf(code: string): string {
  const normalized = normalizeCarcCode(code);
  return normalized.slice(normalized.indexOf('-') + 1);
}

/** The description this library ships for the code's reason, if any. */
export function findBuiltInCarcDescription(code: string): string | undefined {
  const reason = carcReasonOf(code);
  return CARC_DENIAL_CODES.find((entry) => carcReasonOf(entry.code) === reason)?.description;
}

/**
 * The built-in description, else the one the clinic added (keyed by reason, see carcReasonOf),
 * else NO_CARC_DESCRIPTION: never the code itself.
 */
export function describeCarcCode(code: string, added?: ReadonlyMap<string, string>): string {
  return findBuiltInCarcDescription(code) ?? added?.get(carcReasonOf(code)) ?? NO_CARC_DESCRIPTION;
}

export const CARC_DESCRIPTION_MIN = 3;
export const CARC_DESCRIPTION_MAX = 200;

/**
 * What a manager's description of a code must be: for a well-formed code this library does not
 * describe, a description that says something and is not the code again.
 */
export function checkCarcDescription(
  code: string,
  description: string,
): { field: 'code' | 'description'; reason: string }[] {
  const normalized = normalizeCarcCode(code);
  if (!isValidCarcCode(normalized)) {
    return [
      { field: 'code', reason: `"${code}" is not a CARC reason code; use a group code and reason such as CO-96.` },
    ];
  }
  const builtIn = findBuiltInCarcDescription(normalized);
  if (builtIn) return [{ field: 'code', reason: `${normalized} is already described: "${builtIn}".` }];
  const text = description.trim();
  if (text.length < CARC_DESCRIPTION_MIN || text.length > CARC_DESCRIPTION_MAX) {
    return [
      {
        field: 'description',
        reason: `Describe the code in ${CARC_DESCRIPTION_MIN} to ${CARC_DESCRIPTION_MAX} characters, as the payer's notice words it.`,
      },
    ];
  }
  if (normalizeCarcCode(text) === normalized || carcReasonOf(text) === carcReasonOf(normalized)) {
    return [{ field: 'description', reason: 'Say what the code means, not the code again.' }];
  }
  return [];
}
