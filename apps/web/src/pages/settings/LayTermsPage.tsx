import { Button, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMe } from '../../features/auth/api/useMe';
import { managesClinicData } from '../../features/auth/roles';
import { useDeleteLayTerm, useLayTerms, useSaveLayTerm, type LayTerm } from '../../features/settings/api/useLayTerms';
import { LayTermForm } from '../../features/settings/components/LayTermForm';
import { SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';

type Editing = { term?: LayTerm } | null;

function matches(term: LayTerm, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return !needle || term.term.toLowerCase().includes(needle) || term.code.toLowerCase().includes(needle);
}

export function LayTermsPage() {
  const { data: me } = useMe();
  if (me && !managesClinicData(me.roles)) {
    return (
      <Text c="dimmed" py="md" data-testid="lay-terms-forbidden">
        Managers and admins edit the diagnosis search terms.
      </Text>
    );
  }
  return <LayTermsEditor />;
}

function LayTermsEditor() {
  const query = useLayTerms();
  const save = useSaveLayTerm();
  const remove = useDeleteLayTerm();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<LayTerm | null>(null);
  const [filter, setFilter] = useState('');
  const terms = (query.data ?? []).filter((t) => matches(t, filter));
  const close = () => setEditing(null);

  return (
    <Stack maw={1280} data-testid="lay-terms-page">
      <SettingsHeader
        title="Diagnosis search terms"
        description="Words the clinic uses for a diagnosis (“milia”, “whitehead”): the diagnosis picker finds the code when someone types them."
        action={<Button onClick={() => setEditing({})}>Add a term</Button>}
      />
      <TextInput
        label="Filter"
        placeholder="Term or code"
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={320}
      />
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} what="terms">
        {terms.length === 0 ? (
          <Text c="dimmed" py="md">
            {filter.trim() ? 'No term matches the filter.' : 'No terms yet: add the words the clinic uses.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>Diagnosis search terms, A to Z</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Term</Table.Th>
                  <Table.Th scope="col">Code</Table.Th>
                  <Table.Th scope="col">Note for the coder</Table.Th>
                  <Table.Th scope="col">Changed</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {terms.map((t) => (
                  <Table.Tr key={t.id} data-testid="lay-term-row">
                    <Table.Td fw={600}>{t.term}</Table.Td>
                    <Table.Td>{t.code}</Table.Td>
                    <Table.Td>{t.note ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(t.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ term: t })}
                          aria-label={`Edit ${t.term}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(t)}
                          aria-label={`Delete ${t.term}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.term ? `Edit “${editing.term.term}”` : 'Add a term'}
      >
        {editing && (
          <LayTermForm
            term={editing.term}
            onCancel={close}
            onSubmit={async (body) => {
              const saved = await save.mutateAsync({ id: editing.term?.id, body });
              notifications.show({ color: 'teal', message: `“${saved.term}” → ${saved.code} saved.` });
              close();
            }}
          />
        )}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this term?">
        {deleting && (
          <Stack>
            <Text size="sm">
              Typing “{deleting.term}” in the diagnosis picker will no longer find {deleting.code}. Cases keep their
              codes.
            </Text>
            {remove.error && (
              <Text size="sm" c="red" role="alert">
                {remove.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  void remove.mutateAsync(deleting.id).then(() => {
                    notifications.show({ color: 'teal', message: `“${deleting.term}” deleted.` });
                    setDeleting(null);
                  })
                }
              >
                Delete
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
