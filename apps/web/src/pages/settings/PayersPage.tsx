import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PLAN_TYPE_LABELS } from '@preauth/domain';
import { useState } from 'react';
import { usePayers } from '../../features/reference/api/usePayers';
import type { PayerListItem } from '../../features/settings/api/types';
import { useCreatePayer, useDeletePayer, useUpdatePayer } from '../../features/settings/api/usePayerMutations';
import { usePasEndpoint, useSavePasEndpoint } from '../../features/settings/api/usePasEndpoint';
import { PasEndpointEditor } from '../../features/settings/components/PasEndpointForm';
import { PayerForm } from '../../features/settings/components/PayerForm';
import { activeFirst, SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { QueryState } from '../../ui/QueryState';

type Editing = { mode: 'create' } | { mode: 'edit'; payer: PayerListItem } | null;

function PasEndpointDialog({ payer, onClose }: { payer: PayerListItem; onClose: () => void }) {
  const query = usePasEndpoint(payer.id);
  const save = useSavePasEndpoint(payer.id);
  return (
    <PasEndpointEditor
      settings={query.data}
      isPending={query.isPending}
      error={query.error}
      onCancel={onClose}
      onSubmit={async (body) => {
        await save.mutateAsync(body);
        notifications.show({ color: 'teal', message: `${payer.name}: electronic endpoint saved.` });
        onClose();
      }}
    />
  );
}

function PayerRow({ payer, onEdit, onEndpoint }: { payer: PayerListItem; onEdit: () => void; onEndpoint: () => void }) {
  const update = useUpdatePayer();
  const remove = useDeletePayer();
  const handleArchive = (active: boolean) =>
    update.mutate(
      { id: payer.id, body: { active } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: active
              ? `${payer.name} is offered for new cases again.`
              : `${payer.name} archived: its cases keep it; new cases cannot choose it.`,
          }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  const handleDelete = () => {
    if (!window.confirm(`Delete ${payer.name}? No case refers to it.`)) return;
    remove.mutate(payer.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: `${payer.name} deleted.` }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });
  };
  return (
    <Table.Tr data-testid="payer-row" c={payer.active ? undefined : 'dimmed'}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {payer.name}
        </Text>
        {!payer.active && (
          <Badge size="xs" color="gray" variant="light">
            Archived
          </Badge>
        )}
        {payer.notes && (
          <Text size="xs" c="dimmed" lineClamp={2} title={payer.notes}>
            {payer.notes}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{payer.payerCode}</Table.Td>
      <Table.Td>{PLAN_TYPE_LABELS[payer.planType]}</Table.Td>
      <Table.Td>
        <Text size="sm">{payer.phone ? `Phone ${payer.phone}` : '—'}</Text>
        {payer.fax && <Text size="sm">Fax {payer.fax}</Text>}
        {payer.portalUrl && (
          <Anchor href={payer.portalUrl} target="_blank" rel="noopener noreferrer" size="sm">
            Portal
          </Anchor>
        )}
      </Table.Td>
      <Table.Td ta="right">{payer.caseCount}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit ${payer.name}`}>
            Edit
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={onEndpoint}
            aria-label={`Electronic (PAS) endpoint of ${payer.name}`}
          >
            Electronic
          </Button>
          {payer.active ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => handleArchive(false)}
              loading={update.isPending}
              aria-label={`Archive ${payer.name}`}
            >
              Archive
            </Button>
          ) : (
            <Button
              size="xs"
              variant="default"
              onClick={() => handleArchive(true)}
              loading={update.isPending}
              aria-label={`Restore ${payer.name}`}
            >
              Restore
            </Button>
          )}
          {payer.caseCount === 0 && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={handleDelete}
              loading={remove.isPending}
              aria-label={`Delete ${payer.name}`}
            >
              Delete
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function PayersPage() {
  const query = usePayers();
  const create = useCreatePayer();
  const update = useUpdatePayer();
  const [editing, setEditing] = useState<Editing>(null);
  const [endpointOf, setEndpointOf] = useState<PayerListItem | null>(null);
  const payers = activeFirst(query.data);
  const close = () => setEditing(null);

  return (
    <Stack maw={1280} data-testid="payers-page">
      <SettingsHeader
        title="Payers"
        description="A payer cases refer to is archived, not deleted: its cases keep it, new cases cannot choose it."
        action={<Button onClick={() => setEditing({ mode: 'create' })}>Add a payer</Button>}
      />
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} what="payers">
        {payers.length === 0 ? (
          <Text c="dimmed" py="md">
            No payers yet. Add the plans your patients have before you open their first case.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>Payers, active first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Payer ID</Table.Th>
                  <Table.Th scope="col">Plan type</Table.Th>
                  <Table.Th scope="col">Utilization management</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Cases
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payers.map((payer) => (
                  <PayerRow
                    key={payer.id}
                    payer={payer}
                    onEdit={() => setEditing({ mode: 'edit', payer })}
                    onEndpoint={() => setEndpointOf(payer)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.mode === 'edit' ? `Edit ${editing.payer.name}` : 'Add a payer'}
        size="lg"
      >
        {editing && (
          <PayerForm
            payer={editing.mode === 'edit' ? editing.payer : undefined}
            submitLabel={editing.mode === 'edit' ? 'Save changes' : 'Add the payer'}
            onCancel={close}
            onSubmit={async (body) => {
              if (editing.mode === 'edit') await update.mutateAsync({ id: editing.payer.id, body });
              else await create.mutateAsync(body);
              notifications.show({ color: 'teal', message: `${body.name} saved.` });
              close();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={endpointOf !== null}
        onClose={() => setEndpointOf(null)}
        title={endpointOf ? `Electronic submission: ${endpointOf.name}` : ''}
        size="lg"
      >
        {endpointOf && <PasEndpointDialog payer={endpointOf} onClose={() => setEndpointOf(null)} />}
      </Modal>
    </Stack>
  );
}
