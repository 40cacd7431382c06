import type { Role } from './roles';

// What a payer sends back by letter or fax, as the case page files it.
export const PAYER_DOCUMENT_KINDS = ['approval', 'denial', 'information_request', 'appeal_decision', 'other'] as const;
export type PayerDocumentKind = (typeof PAYER_DOCUMENT_KINDS)[number];

export const PAYER_DOCUMENT_KIND_LABELS: Record<PayerDocumentKind, string> = {
  approval: 'Approval',
  denial: 'Denial',
  information_request: 'Information request',
  appeal_decision: 'Appeal decision',
  other: 'Other',
};

// The people who receive the payer's letters and faxes and record its answers.
export const PAYER_DOCUMENT_FILERS: readonly Role[] = ['front_desk', 'manager'];

export type PayerFileType = 'pdf' | 'tiff';

/**
 * What a payer file is by its bytes, whatever its name says: a PDF starts with "%PDF-" and ends
 * with "%%EOF" (a truncated download does not); a TIFF fax starts with "II*\0" or "MM\0*".
 */
export function sniffPayerFile(head: Uint8Array, tail: Uint8Array): PayerFileType | null {
  const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);
  if (text(head.subarray(0, 5)) === '%PDF-' && text(tail).includes('%%EOF')) return 'pdf';
  const magic = text(head.subarray(0, 4));
  if (magic === 'II*\u0000' || magic === 'MM\u0000*') return 'tiff';
  return null;
}
