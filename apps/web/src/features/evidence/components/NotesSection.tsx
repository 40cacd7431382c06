import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { mayWriteNoteKind, NOTE_KIND_LABELS, type Role } from '@preauth/domain';
import { useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { isApiError } from '../../../ui/server-errors';
import type { Note } from '../api/types';
import { useCreateNote } from '../api/useCreateNote';
import { useEditNote } from '../api/useEditNote';
import { useNotes } from '../api/useNotes';
import { EVIDENCE_SECTION_IDS } from '../sections';
import { NoteForm } from './NoteForm';

interface NotesSectionProps {
  caseId: string;
  me: { id: string; roles: readonly Role[] } | undefined;
}

export function NotesSection({ caseId, me }: NotesSectionProps) {
  const { data: notes, isPending, error, refetch } = useNotes(caseId);
  const create = useCreateNote(caseId);
  const roles = me?.roles ?? [];

  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="notes-title"
      id={EVIDENCE_SECTION_IDS.notes}
      tabIndex={-1}
      data-testid="notes-section"
    >
      <Title order={3} size="h4" id="notes-title" mb="xs">
        Notes
      </Title>
      <Stack gap="md">
        <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the notes">
          {notes && notes.length === 0 && (
            <Text size="sm" c="dimmed">
              No notes yet.
            </Text>
          )}
          {notes && notes.length > 0 && (
            <Timeline bulletSize={14} lineWidth={2} data-testid="notes-timeline">
              {notes.map((note) => (
                <Timeline.Item key={note.id}>
                  <NoteEntry caseId={caseId} note={note} mayEdit={mayWriteNoteKind(roles, note.kind)} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </QueryState>
        {me && <NoteForm roles={roles} onSubmit={(values) => create.mutateAsync(values)} />}
      </Stack>
    </Card>
  );
}

function NoteEntry({ caseId, note, mayEdit }: { caseId: string; note: Note; mayEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Stack gap={4} data-testid="note" data-kind={note.kind}>
      <Group gap="xs">
        <Badge size="sm" variant="light" color={note.kind === 'clinical_note' ? 'blue' : 'gray'}>
          {NOTE_KIND_LABELS[note.kind]}
        </Badge>
        <Text size="sm" fw={600}>
          {note.author.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(note.createdAt)}
        </Text>
        {note.version > 1 && (
          <Text size="xs" c="dimmed" data-testid="note-edited">
            edited · version {note.version}
          </Text>
        )}
      </Group>
      {editing ? (
        <NoteEditor caseId={caseId} note={note} onDone={() => setEditing(false)} />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.text}
        </Text>
      )}
      {!editing && (
        <Group gap="md">
          {mayEdit && (
            <Anchor component="button" type="button" size="xs" onClick={() => setEditing(true)}>
              Edit
            </Anchor>
          )}
          {note.version > 1 && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setShowHistory((shown) => !shown)}
              aria-expanded={showHistory}
            >
              {showHistory ? 'Hide earlier versions' : 'Show earlier versions'}
            </Anchor>
          )}
        </Group>
      )}
      {showHistory && <NoteHistory caseId={caseId} note={note} />}
    </Stack>
  );
}

function NoteEditor({ caseId, note, onDone }: { caseId: string; note: Note; onDone: () => void }) {
  const edit = useEditNote(caseId);
  const [text, setText] = useState(note.text);
  const stale = isApiError(edit.error, 409);
  return (
    <Stack gap="xs">
      <Textarea
        label="Edit note"
        autosize
        minRows={3}
        maxRows={12}
        maxLength={20000}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {edit.error && (
        <Alert color="red" role="alert" p="xs">
          {stale
            ? 'Someone edited this note since you opened it. Cancel to see the latest version, then edit that.'
            : edit.error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          size="xs"
          loading={edit.isPending}
          disabled={!text.trim() || text === note.text}
          onClick={() => edit.mutate({ noteId: note.id, text }, { onSuccess: onDone })}
        >
          Save as new version
        </Button>
      </Group>
    </Stack>
  );
}

// Fetched only when asked for: most notes are never edited.
function NoteHistory({ caseId, note }: { caseId: string; note: Note }) {
  const { data, isPending, error } = useNotes(caseId, true);
  const earlier = (data ?? [])
    .filter((version) => version.rootId === note.rootId && version.version < note.version)
    .sort((a, b) => b.version - a.version);
  return (
    <QueryState isPending={isPending} error={error} what="the earlier versions">
      <Stack gap={4} pl="sm" data-testid="note-history">
        {earlier.map((version) => (
          <Paper key={version.id} withBorder p="xs" bg="var(--mantine-color-gray-light)">
            <Text size="xs" c="dimmed">
              Version {version.version} · {version.author.name} · {formatDateTime(version.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {version.text}
            </Text>
          </Paper>
        ))}
      </Stack>
    </QueryState>
  );
}
