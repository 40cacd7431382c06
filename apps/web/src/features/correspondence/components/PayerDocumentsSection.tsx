import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  PAYER_DOCUMENT_FILERS,
  PAYER_DOCUMENT_KIND_LABELS,
  PAYER_DOCUMENT_KINDS,
  type PayerDocumentKind,
  type Role,
} from '@preauth/domain';
import { useState } from 'react';
import { formatCalendarDate, todayInClinic } from '../../../ui/format';
import { isApiError } from '../../../ui/server-errors';
import { useFilePayerDocument, usePayerDocuments } from '../api/payer-documents';

/** The payer's letters and faxes on a case: a list of downloads, and a form to file one. */
export function PayerDocumentsSection({ caseId, roles }: { caseId: string; roles: readonly Role[] }) {
  const documents = usePayerDocuments(caseId);
  const file = useFilePayerDocument(caseId);
  const mayFile = roles.some((role) => PAYER_DOCUMENT_FILERS.includes(role));
  const [kind, setKind] = useState<PayerDocumentKind>('denial');
  const [receivedOn, setReceivedOn] = useState(todayInClinic());
  const [dueOn, setDueOn] = useState('');
  const [chosen, setChosen] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const handleFile = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      setError('Choose the PDF or the TIFF fax to file.');
      return;
    }
    try {
      await file.mutateAsync({
        fields: { kind, receivedOn, dueOn: kind === 'information_request' && dueOn ? dueOn : undefined },
        file: chosen,
      });
      setChosen(null);
      setDueOn('');
    } catch (e) {
      setError(isApiError(e) ? (e.body.errors?.[0]?.reason ?? e.body.message ?? e.message) : 'The upload failed.');
    }
  };

  const rows = documents.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="payer-documents-title" data-testid="payer-documents">
      <Title order={3} size="h4" id="payer-documents-title" mb="sm">
        Payer letters and faxes
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None filed yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>Answer by</Table.Th>
                <Table.Th>File</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>{PAYER_DOCUMENT_KIND_LABELS[doc.kind]}</Table.Td>
                  <Table.Td>{formatCalendarDate(doc.receivedOn)}</Table.Td>
                  <Table.Td>{doc.dueOn ? formatCalendarDate(doc.dueOn) : '—'}</Table.Td>
                  <Table.Td>
                    {/* A download, never shown inside the app. */}
                    <Anchor href={doc.url} download={doc.fileName} size="sm">
                      {doc.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {doc.pageCount} page{doc.pageCount === 1 ? '' : 's'}
                      {doc.convertedFrom === 'tiff' ? ' · from a fax image' : ''}
                      {doc.uploadedBy ? ` · filed by ${doc.uploadedBy}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayFile && (
        <form onSubmit={(event) => void handleFile(event)} noValidate aria-label="File a payer document">
          <Stack gap="xs" mt="md">
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group grow align="flex-start">
              <Select
                label="Kind"
                data={PAYER_DOCUMENT_KINDS.map((value) => ({ value, label: PAYER_DOCUMENT_KIND_LABELS[value] }))}
                value={kind}
                allowDeselect={false}
                onChange={(value) => value && setKind(value)}
              />
              <TextInput
                label="Received on"
                type="date"
                max={todayInClinic()}
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.currentTarget.value)}
              />
              {kind === 'information_request' && (
                <TextInput
                  label="Answer by (if the letter says)"
                  type="date"
                  min={receivedOn}
                  value={dueOn}
                  onChange={(e) => setDueOn(e.currentTarget.value)}
                />
              )}
            </Group>
            <FileInput
              label="PDF or TIFF fax"
              accept="application/pdf,image/tiff,.pdf,.tif,.tiff"
              value={chosen}
              onChange={setChosen}
              clearable
            />
            <Group justify="flex-end">
              <Button type="submit" loading={file.isPending}>
                File document
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
