import { createHash } from 'node:crypto';

// The identity a case's PAS requests keep across exports, so a payer's answer can be matched to
// the request it answers (by ClaimResponse.request.reference or .identifier).

/**
 * The guide asks Claim.identifier.system to be 'urn:trnorg:<TRN03>', TRN03 being the
 * originating company's identifier in the X12 278 trace number; this names Preauth as that
 * originator. The value is the case number (plus the update's suffix).
 */
export const PAS_TRN_SYSTEM = 'urn:trnorg:PREAUTHAPP';
/** The identifier system exports used before PAS identity; answers naming it are still matched. */
export const LEGACY_CASE_NUMBER_SYSTEM = 'urn:preauth:case-number';

/** A UUID derived from a name (RFC 4122 version 5 layout over SHA-256), so re-exports reuse ids. */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The Claim id of a case's initial request (revision null) or of one of its updates. */
export const claimIdFor = (caseId: string, revision: string | null = null) =>
  nameBasedUuid(`preauth:claim:${caseId}${revision ? `:${revision}` : ''}`);

const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The UUID a reference ends in ('urn:uuid:…', 'Claim/…', 'https://…/Claim/…'), if any. */
export function uuidOf(reference: string): string | null {
  return UUID.exec(reference)?.[1]?.toLowerCase() ?? null;
}
