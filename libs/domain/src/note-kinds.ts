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
