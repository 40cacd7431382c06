import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseStatus, Role } from '@preauth/domain';
import { notifications } from '@mantine/notifications';
import { QueryState } from '../../../ui/QueryState';
import type { Letter, LetterKind } from '../api/types';
import { useCreateLetter } from '../api/useCreateLetter';
import { useLetters } from '../api/useLetters';
import { useLetterSigner } from '../api/useLetterSigner';
import { useSignLetter } from '../api/useSignLetter';
import { useUpdateLetter } from '../api/useUpdateLetter';
import { LETTER_KIND_LABELS, LetterEditor } from './LetterEditor';

interface LettersSectionProps {
  caseId: string;
  status: CaseStatus;
  roles: readonly Role[];
}

export function LettersSection({ caseId, status, roles }: LettersSectionProps) {
  const { data: letters, isPending, error, refetch } = useLetters(caseId);
  const create = useCreateLetter(caseId);
  const update = useUpdateLetter(caseId);
  const sign = useSignLetter(caseId);
  const isPhysician = roles.includes('physician');
  const signer = useLetterSigner(caseId, isPhysician);

  // The newest version of each kind is the one being worked on; older ones are history.
  const latest = new Map<LetterKind, Letter>();
  for (const letter of letters ?? []) {
    const current = latest.get(letter.kind);
    if (!current || letter.version > current.version) latest.set(letter.kind, letter);
  }
  const older = (letters ?? []).filter((letter) => latest.get(letter.kind)?.id !== letter.id);

  const draft = (kind: LetterKind) =>
    create.mutate(kind, {
      onSuccess: (letter) =>
        notifications.show({
          color: 'teal',
          message: `${LETTER_KIND_LABELS[letter.kind]} drafted from the case (version ${letter.version}).`,
        }),
    });

  return (
    <Card withBorder component="section" aria-labelledby="letters-title" data-testid="letters-section">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4" id="letters-title">
          Letters
        </Title>
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/cases/${caseId}/packet`}
            download
            variant="light"
            size="xs"
            data-testid="download-packet"
          >
            Download packet to fax or upload (PDF)
          </Button>
          <Anchor
            href={`/api/cases/${caseId}/fhir`}
            download={`case-${caseId}-fhir.json`}
            size="xs"
            data-testid="export-fhir"
          >
            Export FHIR bundle (Da Vinci PAS)
          </Anchor>
        </Group>
      </Group>
      <Stack gap="md">
        {isPhysician && (
          <Group gap="xs">
            <Button
              size="sm"
              variant="default"
              loading={create.isPending && create.variables === 'medical_necessity'}
              onClick={() => draft('medical_necessity')}
            >
              Draft letter of medical necessity
            </Button>
            {status === 'denied' && (
              <Button
                size="sm"
                variant="default"
                loading={create.isPending && create.variables === 'appeal'}
                onClick={() => draft('appeal')}
              >
                Draft appeal letter
              </Button>
            )}
          </Group>
        )}
        {create.error && (
          <Alert color="red" role="alert" p="xs">
            {create.error.message}
          </Alert>
        )}
        <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the letters">
          {latest.size === 0 && (
            <Text size="sm" c="dimmed">
              No letters yet.
              {isPhysician
                ? ' A draft is filled in from the case; edit it, then sign.'
                : ' The physician drafts and signs them.'}
            </Text>
          )}
          {[...latest.values()].map((letter) => (
            <LetterEditor
              key={`${letter.id}-${letter.status}`}
              letter={letter}
              mayEdit={isPhysician}
              onSave={(text) => update.mutateAsync({ letterId: letter.id, revision: letter.revision, text })}
              signer={signer.data}
              onSign={async (proof) => {
                await sign.mutateAsync({ letterId: letter.id, proof });
                notifications.show({ color: 'teal', message: `${LETTER_KIND_LABELS[letter.kind]} signed.` });
              }}
            />
          ))}
          {older.length > 0 && (
            <Text size="xs" c="dimmed">
              Earlier versions:{' '}
              {older
                .map(
                  (letter) =>
                    `${LETTER_KIND_LABELS[letter.kind]} v${letter.version} (${letter.status === 'signed' ? `signed by ${letter.signedBy?.name ?? '—'}` : 'draft'})`,
                )
                .join('; ')}
            </Text>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
