import { Alert, Badge, Button, Group, Modal, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import { isApiError } from '../../../ui/server-errors';
import type { Letter, LetterSigner, SignProof } from '../api/types';

export const LETTER_KIND_LABELS: Record<Letter['kind'], string> = {
  medical_necessity: 'Letter of medical necessity',
  appeal: 'Appeal letter',
};

interface LetterEditorProps {
  letter: Letter;
  // Physicians edit and sign drafts; everyone else reads.
  mayEdit: boolean;
  onSave: (text: string) => Promise<unknown>;
  onSign: (proof: SignProof) => Promise<unknown>;
  /** Who would sign, from the server; undefined while it loads. */
  signer?: LetterSigner;
}

export function LetterEditor({ letter, mayEdit, onSave, onSign, signer }: LetterEditorProps) {
  const signed = letter.status === 'signed';
  const editable = mayEdit && !signed;
  const [text, setText] = useState(letter.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState('');
  const usesCode = signer?.method === 'totp';
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
          Signed by{' '}
          {letter.signer
            ? `${letter.signer.name}, NPI ${letter.signer.npi}`
            : (letter.signedBy?.name ?? 'the physician')}{' '}
          on {formatDateTime(letter.signedAt)}
          {letter.signatureMethod
            ? ` (confirmed by ${letter.signatureMethod === 'totp' ? 'authenticator code' : 'password'})`
            : ''}
          . Signed letters are frozen; start a new draft to change the wording.
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
      {error && !confirming && (
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
        onClose={() => {
          setConfirming(false);
          setSecret('');
        }}
        title={`Sign the ${LETTER_KIND_LABELS[letter.kind].toLowerCase()}?`}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!signer?.signer || !secret) return;
            void run('sign', () => onSign(usesCode ? { totp: secret.trim() } : { password: secret })).then((ok) => {
              if (!ok) return;
              setConfirming(false);
              setSecret('');
            });
          }}
        >
          <Stack>
            <Text size="sm">
              Signing freezes this version: the signature block carries your name and NPI, and the letter goes into the
              packet as it is. Later changes need a new draft.
            </Text>
            {!signer ? (
              <Text size="sm" c="dimmed">
                Checking who signs…
              </Text>
            ) : !signer.signer ? (
              <Alert color="red" p="xs" data-testid="signer-refusal">
                {signer.refusal ?? 'You cannot sign this letter.'}
              </Alert>
            ) : (
              <>
                <Text size="sm" data-testid="signer-statement">
                  You sign as <strong>{signer.signer.name}</strong>, NPI {signer.signer.npi}.
                </Text>
                {signer.differentFromOrdering && (
                  <Alert color="orange" p="xs" data-testid="signer-differs">
                    The ordering physician of this case is {signer.orderingPhysician.name} (NPI{' '}
                    {signer.orderingPhysician.npi}). The letter will name both: &quot;Ordering physician:{' '}
                    {signer.orderingPhysician.name}; signed by {signer.signer.name}&quot;.
                  </Alert>
                )}
                {usesCode ? (
                  <TextInput
                    label="Authenticator code"
                    description="Signing asks for the 6-digit code from your authenticator app."
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={secret}
                    onChange={(event) => setSecret(event.currentTarget.value)}
                    data-autofocus
                  />
                ) : (
                  <PasswordInput
                    label="Your password"
                    description="Signing asks for your password again."
                    autoComplete="current-password"
                    value={secret}
                    onChange={(event) => setSecret(event.currentTarget.value)}
                    data-autofocus
                  />
                )}
              </>
            )}
            {error && confirming && (
              <Alert color="red" role="alert" p="xs">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  setConfirming(false);
                  setSecret('');
                }}
              >
                Cancel
              </Button>
              <Button type="submit" loading={busy === 'sign'} disabled={!signer?.signer || !secret}>
                Sign letter
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
