// X12 codes a Da Vinci PAS (prior authorization over FHIR) answer carries, with what each means
// for the person at the desk. The code lists belong to X12; the labels and hints here are ours.

/** X12 306 (HCR01) review actions, the outcome of each item of a PAS ClaimResponse. */
export const X12_REVIEW_ACTIONS = {
  A1: 'Certified in total',
  A2: 'Certified, partial',
  A3: 'Not certified',
  A4: 'Pended',
  A6: 'Modified',
  C: 'Cancelled',
  CT: 'Contact payer',
  NA: 'No action required',
} as const;

export type X12ReviewAction = keyof typeof X12_REVIEW_ACTIONS;

export function isX12ReviewAction(code: unknown): code is X12ReviewAction {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(X12_REVIEW_ACTIONS, code);
}

/** X12 889 follow-up actions: what the payer allows after it rejected a request. */
export const X12_FOLLOW_UP_ACTIONS: Record<string, string> = {
  C: 'Correct the request and send it again.',
  N: 'The payer will not accept the request again.',
  P: 'Send the original request again.',
  R: 'The request may be sent again.',
  S: 'Do not send again: the payer asked a third party.',
  W: 'Wait 30 days, then send again.',
  X: 'Wait 10 days, then send again.',
  Y: 'Do not send again: the payer will respond by other means.',
};

/**
 * X12 901 (AAA03) reject reasons a PAS error response uses, each with what to correct in
 * Preauth before sending again. Codes not listed are kept and shown as the payer sent them.
 */
export const X12_REJECT_REASONS: Record<string, { label: string; fix: string }> = {
  '04': { label: 'Authorized quantity exceeded', fix: 'Lower the units on the procedure lines.' },
  '15': { label: 'Required application data missing', fix: 'Complete the case and send it again.' },
  '33': { label: 'Input errors', fix: 'Check the case details the payer names and send it again.' },
  '41': { label: 'Authorization/access restrictions', fix: 'Ask the payer to enable electronic requests.' },
  '42': { label: 'Unable to respond at current time', fix: 'Send the request again later.' },
  '43': { label: 'Invalid or missing provider identification', fix: "Check the provider's NPI." },
  '44': { label: 'Invalid or missing provider name', fix: "Check the provider's name." },
  '45': { label: 'Invalid or missing provider specialty', fix: "Check the provider's specialty." },
  '51': { label: 'Provider not on file', fix: 'Confirm the provider is enrolled with this payer.' },
  '52': { label: 'Service dates not within provider plan enrollment', fix: 'Check the dates of service.' },
  '57': { label: 'Invalid or missing dates of service', fix: 'Check the dates of service.' },
  '58': { label: 'Invalid or missing date of birth', fix: "Check the patient's date of birth." },
  '64': { label: 'Invalid or missing patient ID', fix: "Check the patient's member ID." },
  '65': { label: 'Invalid or missing patient name', fix: "Check the patient's name as on the insurance card." },
  '66': { label: 'Invalid or missing patient gender', fix: "Check the patient's sex." },
  '67': { label: 'Patient not found', fix: "Check the patient's member ID, name and date of birth." },
  '68': { label: 'Duplicate patient ID', fix: "Check the patient's member ID." },
  '71': { label: 'Date of birth does not match', fix: "Check the patient's date of birth." },
  '72': { label: 'Invalid or missing subscriber ID', fix: "Check the patient's member ID." },
  '73': { label: 'Invalid or missing subscriber name', fix: "Check the patient's name as on the insurance card." },
  '75': { label: 'Subscriber not found', fix: "Check the patient's member ID and the payer." },
  '76': { label: 'Duplicate subscriber ID', fix: "Check the patient's member ID." },
  '79': { label: 'Invalid participant identification', fix: 'Check the payer and provider identifiers.' },
  AA: { label: 'Authorization number not found', fix: 'Check the authorization number on the case.' },
  AF: { label: 'Invalid or missing diagnosis code', fix: 'Check the ICD-10 diagnosis codes.' },
  AG: { label: 'Invalid or missing procedure code', fix: 'Check the CPT codes on the procedure lines.' },
  T4: { label: 'Payer name or identifier missing', fix: "Check the payer's name and payer code." },
};

/** What to tell the desk about one payer error: its label and what to correct. */
export function describeX12Reject(code: string, followUp?: string | null): string {
  const known = X12_REJECT_REASONS[code];
  const followUpText = followUp ? X12_FOLLOW_UP_ACTIONS[followUp] : undefined;
  return [
    known ? `${code} ${known.label}: ${known.fix}` : `Payer error ${code}.`,
    followUpText ?? (followUp ? `Follow-up action ${followUp}.` : null),
  ]
    .filter(Boolean)
    .join(' ');
}

/** X12 1322 (UM02) certification types a PAS request item carries. */
export const X12_CERTIFICATION_TYPES = {
  '1': 'Appeal - Immediate',
  '2': 'Appeal - Standard',
  '3': 'Cancel',
  '4': 'Extension',
  I: 'Initial',
} as const;

export type X12CertificationType = keyof typeof X12_CERTIFICATION_TYPES;

/**
 * X12 1365 (UM03) service type of a CPT code: the Surgery section (10004–69990) is surgical
 * care, everything else a dermatology clinic requests is medical care.
 */
export function x12ServiceTypeForCpt(cpt: string): { code: '1' | '2'; display: string } {
  const n = /^\d{5}$/.test(cpt) ? Number(cpt) : NaN;
  return n >= 10004 && n <= 69990 ? { code: '2', display: 'Surgical' } : { code: '1', display: 'Medical Care' };
}
