import type { Role } from './roles';
import type { PacketPurpose } from './packet-purpose';

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

/**
 * The payer's own letters a packet encloses, by what the packet answers: a response encloses the
 * information request; an appeal the denial it appeals (a level-2 appeal also the level-1
 * decision); an external review both. A reviewer checks the clinic's answer against them.
 */
export const PACKET_DOCUMENT_KINDS: Record<PacketPurpose, readonly PayerDocumentKind[]> = {
  preauthorization_request: [],
  information_response: ['information_request'],
  appeal_level_1: ['denial'],
  appeal_level_2: ['denial', 'appeal_decision'],
  external_review_request: ['denial', 'appeal_decision'],
};

export interface FiledPayerDocument {
  kind: PayerDocumentKind;
  /** `YYYY-MM-DD`. */
  receivedOn: string;
  /** When it was filed (ISO), to order two received the same day. */
  createdAt: string;
}

/**
 * The documents a packet for this purpose encloses: of each relevant kind the latest received
 * (the one the packet answers; an earlier denial was answered by an earlier packet), oldest first.
 */
export function selectPacketDocuments<T extends FiledPayerDocument>(
  purpose: PacketPurpose,
  documents: readonly T[],
): T[] {
  const newest = (a: T, b: T) => b.receivedOn.localeCompare(a.receivedOn) || b.createdAt.localeCompare(a.createdAt);
  return PACKET_DOCUMENT_KINDS[purpose]
    .map((kind) => documents.filter((d) => d.kind === kind).sort(newest)[0])
    .filter((d): d is T => d !== undefined)
    .sort((a, b) => -newest(a, b));
}
