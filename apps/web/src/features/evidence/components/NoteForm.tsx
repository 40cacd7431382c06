import { Alert, Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { mayWriteNoteKind, NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind, type Role } from '@preauth/domain';
import { useState } from 'react';

// The kinds a user may write: the API refuses the others (403), so they are not offered.
export function writableNoteKinds(roles: readonly Role[]): NoteKind[] {
  return NOTE_KINDS.filter((kind) => mayWriteNoteKind(roles, kind));
}

interface NoteFormProps {
  roles: readonly Role[];
  onSubmit: (values: { kind: NoteKind; text: string }) => Promise<unknown>;
}

export function NoteForm({ roles, onSubmit }: NoteFormProps) {
  const kinds = writableNoteKinds(roles);
  const [kind, setKind] = useState<NoteKind | undefined>(kinds[0]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!kind) return null;

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the note first.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ kind, text });
      setText('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The note was not saved.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} aria-label="Add a note" data-testid="note-form">
      <Stack gap="xs">
        <NativeSelect
          label="Kind of note"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as NoteKind)}
          data={kinds.map((value) => ({ value, label: NOTE_KIND_LABELS[value] }))}
        />
        <Textarea
          label="Note"
          autosize
          minRows={3}
          maxRows={12}
          maxLength={20000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Add note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
