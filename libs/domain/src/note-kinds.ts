import type { Role } from './roles';

export const NOTE_KINDS = ['clinical_note', 'payer_call', 'letter_draft', 'other'] as const;

export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  clinical_note: 'Clinical note',
  payer_call: 'Payer call',
  letter_draft: 'Letter draft',
  other: 'Other',
};

export function isNoteKind(value: unknown): value is NoteKind {
  return typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
}

/**
 * Who may write (and add versions of) each kind of note. Clinical notes document findings, so
 * only physicians write them; payer calls and other notes are everyone's who works a case.
 */
export const NOTE_KIND_WRITERS: Record<NoteKind, readonly Role[]> = {
  clinical_note: ['physician'],
  payer_call: ['front_desk', 'physician', 'manager'],
  letter_draft: ['physician', 'manager'],
  other: ['front_desk', 'physician', 'manager'],
};

export function mayWriteNoteKind(roles: readonly Role[], kind: NoteKind): boolean {
  return roles.some((role) => NOTE_KIND_WRITERS[kind].includes(role));
}

/** Clinical photos are taken and uploaded by the physician examining the patient. */
export const PHOTO_UPLOADERS: readonly Role[] = ['physician'];
