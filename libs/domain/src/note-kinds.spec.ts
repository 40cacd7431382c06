import { mayWriteNoteKind, NOTE_KINDS, NOTE_KIND_WRITERS, PHOTO_UPLOADERS } from './note-kinds';
import { ROLES } from './roles';

describe('who may write which note kind', () => {
  const expected: Record<string, string[]> = {
    clinical_note: ['physician'],
    payer_call: ['front_desk', 'physician', 'manager'],
    letter_draft: ['physician', 'manager'],
    other: ['front_desk', 'physician', 'manager'],
  };

  it.each(NOTE_KINDS.flatMap((kind) => ROLES.map((role) => [kind, role] as const)))('%s by %s', (kind, role) => {
    expect(mayWriteNoteKind([role], kind)).toBe(expected[kind].includes(role));
  });

  it('covers every kind, never admins', () => {
    expect(Object.keys(NOTE_KIND_WRITERS).sort()).toEqual([...NOTE_KINDS].sort());
    for (const roles of Object.values(NOTE_KIND_WRITERS)) expect(roles).not.toContain('admin');
  });

  it('lets any one of several roles suffice', () => {
    expect(mayWriteNoteKind(['front_desk', 'physician'], 'clinical_note')).toBe(true);
    expect(mayWriteNoteKind([], 'other')).toBe(false);
  });

  it('lets only physicians upload photos', () => {
    expect(PHOTO_UPLOADERS).toEqual(['physician']);
  });
});
