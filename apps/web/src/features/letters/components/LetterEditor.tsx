import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import { isApiError } from '../../../ui/server-errors';
import type { Letter } from '../api/types';

export const LETTER_KIND_LABELS: Record<Letter['kind'], string> = {
  medical_necessity: 'Letter of medical necessity',
  appeal: 'Appeal letter',
};

interface LetterEditorProps {
  letter: Letter;
  // Physicians edit and sign drafts; everyone else reads.
  mayEdit: boolean;
  onSave: (text: string) => Promise<unknown>;
  onSign: () => Promise<unknown>;
}

export function LetterEditor({ letter, mayEdit, onSave, onSign }: LetterEditorProps) {
  const signed = letter.status === 'signed';
  const editable = mayEdit && !signed;
  const [text, setText] = useState(letter.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const dirty = text !== letter.text;
  const titleId = `letter-${letter.id}-title`;

  // A new revision from the server replaces the text unless the physician is mid-edit.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the editable copy follows the server only when a new revision arrives, which an effect on the revision expresses
    if (!dirty || signed) setText(letter.text);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- not `dirty`: typing must not pull the server's text back in
  }, [letter.text, letter.revision, signed]);

  const run = async (what: 'save' | 'sign', action: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(
        isApiError(caught, 409) && what === 'save'
          ? 'Someone changed this letter since you opened it. Copy your changes, reload the page and edit the latest text.'
          : caught instanceof Error
            ? caught.message
            : 'That did not work.',
      );
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack
      gap="xs"
      data-testid="letter"
      data-status={letter.status}
      data-kind={letter.kind}
      component="article"
      aria-labelledby={titleId}
    >
      <Group justify="space-between">
        <Text fw={600} id={titleId}>
          {LETTER_KIND_LABELS[letter.kind]} · version {letter.version}
        </Text>
        <Badge color={signed ? 'teal' : 'orange'} variant="light">
          {signed ? 'Signed' : 'Draft'}
        </Badge>
      </Group>
      {signed ? (
        <Text size="sm" c="dimmed" data-testid="letter-signature">
          Signed by {letter.signedBy?.name ?? 'the physician'} on {formatDateTime(letter.signedAt)}. Signed letters are
          frozen; start a new draft to change the wording.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          Drafted by {letter.createdBy.name}, {formatDateTime(letter.createdAt)}
          {letter.editedBy ? ` · last edited by ${letter.editedBy.name}, ${formatDateTime(letter.updatedAt)}` : ''}
        </Text>
      )}
      <Textarea
        label="Letter text"
        autosize
        minRows={8}
        maxRows={24}
        value={text}
        // Read-only rather than disabled: a signed letter must stay legible (and selectable).
        readOnly={!editable}
        variant={editable ? 'default' : 'filled'}
        description={
          signed ? 'Signed: this text is frozen.' : !editable ? 'Only a physician edits letters.' : undefined
        }
        onChange={(event) => setText(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.5 } }}
      />
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {editable && (
        <Group justify="flex-end" gap="xs">
          {dirty && (
            <Text size="xs" c="dimmed" mr="auto">
              Unsaved changes: save before signing.
            </Text>
          )}
          <Button
            variant="default"
            disabled={!dirty || !text.trim()}
            loading={busy === 'save'}
            onClick={() => void run('save', () => onSave(text))}
          >
            Save draft
          </Button>
          <Button disabled={dirty} onClick={() => setConfirming(true)}>
            Sign…
          </Button>
        </Group>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Sign the ${LETTER_KIND_LABELS[letter.kind].toLowerCase()}?`}
      >
        <Stack>
          <Text size="sm">
            Signing freezes this version: it carries your name and NPI and goes into the appeal packet as it is. Later
            changes need a new draft.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              loading={busy === 'sign'}
              onClick={() =>
                void run('sign', onSign).then(() => {
                  setConfirming(false);
                })
              }
            >
              Sign letter
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
