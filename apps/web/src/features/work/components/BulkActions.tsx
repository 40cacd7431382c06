import { Alert, Button, Group, List, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BULK_CASES_MAX, OWNER_ROLES } from '@preauth/domain';
import { useState } from 'react';
import { isApiError } from '../../../ui/server-errors';
import { TagInput } from '../../cases/components/TagInput';
import { useBulkChange } from '../api/useWorkMutations';
import { useStaff } from '../api/useStaff';

interface Refused {
  caseId: string;
  caseNumber: string | null;
  reason: string;
}

/**
 * Changes for the rows selected in a list: assign an owner, set a follow-up day, add a tag. The
 * server checks each case as it would alone and changes all of them or none; what it refused is
 * listed.
 */
export function BulkActions({ caseIds, onDone }: { caseIds: string[]; onDone: () => void }) {
  const staff = useStaff();
  const change = useBulkChange();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState('');
  const candidates = (staff.data ?? []).filter((u) => u.roles.some((r) => OWNER_ROLES.includes(r)));
  const refused: Refused[] =
    change.error && isApiError(change.error, 422) ? ((change.error.body as { refused?: Refused[] }).refused ?? []) : [];

  const tooMany = caseIds.length > BULK_CASES_MAX;
  const run = (body: Parameters<typeof change.mutate>[0], done: string) =>
    change.mutate(body, {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', message: `${done}: ${result.changed.length} changed.` });
        onDone();
      },
    });
  // The tag box keeps its text until the change is made (the bar closes then).
  const addTag = (tag: string) =>
    change.mutateAsync({ tag: { caseIds, tag } }).then((result) => {
      notifications.show({ color: 'teal', message: `Tag “${tag}” added: ${result.changed.length} changed.` });
      onDone();
    });

  return (
    <Paper withBorder p="sm" data-testid="bulk-actions" aria-label="Change the selected cases" component="section">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text fw={600} size="sm" mb={8} data-testid="selected-count">
          {caseIds.length} selected{tooMany ? ` (at most ${BULK_CASES_MAX} at once)` : ''}
        </Text>
        <Select
          label="Assign to"
          placeholder="Choose a colleague"
          data={candidates.map((u) => ({ value: u.id, label: u.displayName }))}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          w={200}
        />
        <Button
          variant="default"
          disabled={!ownerId || tooMany}
          loading={change.isPending}
          onClick={() => ownerId && run({ owner: { caseIds, ownerId } }, 'Owner assigned')}
        >
          Assign
        </Button>
        <TextInput
          label="Follow up on"
          type="date"
          value={followUp}
          onChange={(e) => setFollowUp(e.currentTarget.value)}
        />
        <Button
          variant="default"
          disabled={!followUp || tooMany}
          loading={change.isPending}
          onClick={() => run({ followUp: { caseIds, date: followUp } }, 'Follow-up set')}
        >
          Set follow-up
        </Button>
        <TagInput
          label="Tag"
          buttonLabel="Add tag"
          onAdd={addTag}
          loading={change.isPending}
          disabled={tooMany}
          testId="bulk-tag"
        />
        <Button variant="subtle" onClick={onDone}>
          Clear selection
        </Button>
      </Group>
      {change.error && (
        <Alert color="red" mt="sm" role="alert" title="Nothing was changed" data-testid="bulk-refused">
          {refused.length ? (
            <List size="sm">
              {refused.map((r) => (
                <List.Item key={r.caseId}>
                  {r.caseNumber ?? r.caseId}: {r.reason}
                </List.Item>
              ))}
            </List>
          ) : isApiError(change.error) ? (
            (change.error.body.message ?? change.error.message)
          ) : (
            'The change could not be made.'
          )}
        </Alert>
      )}
    </Paper>
  );
}
