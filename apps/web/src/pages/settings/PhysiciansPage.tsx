import { Badge, Button, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useProviders } from '../../features/reference/api/useProviders';
import type { Provider } from '../../features/settings/api/types';
import { usePhysicianUsers, useSaveProvider } from '../../features/settings/api/useProviderMutations';
import { PhysicianForm } from '../../features/settings/components/PhysicianForm';
import { activeFirst, SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { QueryState } from '../../ui/QueryState';

type Editing = { provider?: Provider } | null;

export function PhysiciansPage() {
  const query = useProviders();
  const users = usePhysicianUsers();
  const save = useSaveProvider();
  const [editing, setEditing] = useState<Editing>(null);
  const userById = new Map((users.data ?? []).map((u) => [u.id, u]));
  const providers = activeFirst(query.data);
  const close = () => setEditing(null);

  return (
    <Stack maw={1280} data-testid="physicians-page">
      <SettingsHeader
        title="Physicians"
        description="The ordering physicians on cases and letters. Link each to the user account they sign in with."
        action={<Button onClick={() => setEditing({})}>Add a physician</Button>}
      />
      {users.isError && (
        <Text size="sm" c="red" role="alert">
          The user accounts could not be loaded: links are shown as ids.
        </Text>
      )}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="physicians"
      >
        {providers.length === 0 ? (
          <Text c="dimmed" py="md">
            No physicians yet. Add the clinic&apos;s physicians before the first case is opened.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>Physicians, active first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">NPI</Table.Th>
                  <Table.Th scope="col">Specialty</Table.Th>
                  <Table.Th scope="col">Linked user account</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {providers.map((p) => {
                  const user = p.userId ? userById.get(p.userId) : undefined;
                  return (
                    <Table.Tr key={p.id} data-testid="physician-row" c={p.active ? undefined : 'dimmed'}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {p.displayName}
                        </Text>
                        {!p.active && (
                          <Badge size="xs" color="gray" variant="light">
                            Inactive
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{p.npi}</Table.Td>
                      <Table.Td>{p.specialty ?? '—'}</Table.Td>
                      <Table.Td>
                        {p.userId ? (
                          <Text size="sm">{user ? `${user.displayName} (${user.email})` : p.userId}</Text>
                        ) : (
                          <Text size="sm">
                            <Text span fw={700}>
                              Not linked:
                            </Text>{' '}
                            this physician cannot sign letters or see My cases
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ provider: p })}
                          aria-label={`Edit ${p.displayName}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.provider ? `Edit ${editing.provider.displayName}` : 'Add a physician'}
        size="lg"
      >
        {editing && (
          <PhysicianForm
            provider={editing.provider}
            users={users.data ?? []}
            onCancel={close}
            onSubmit={async (body) => {
              const saved = await save.mutateAsync({ id: editing.provider?.id, body });
              notifications.show({ color: 'teal', message: `${saved.displayName} saved.` });
              close();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
