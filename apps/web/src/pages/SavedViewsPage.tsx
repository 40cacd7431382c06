import { Anchor, Button, Group, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { SAVED_VIEW_NAME_MAX, type SavedViewPath } from '@preauth/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  savedViewHref,
  useDeleteSavedView,
  useSavedViews,
  useUpdateSavedView,
  type SavedView,
} from '../features/views/api/useSavedViews';
import { QueryState } from '../ui/QueryState';
import { isApiError } from '../ui/server-errors';

const LIST_NAMES: Record<SavedViewPath, string> = {
  '/cases': 'All cases',
  '/worklist': 'Worklist',
  '/my-cases': 'My cases',
  '/board': 'Board',
};

function ViewRow({ view }: { view: SavedView }) {
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(view.name);
  const renameError =
    update.error && isApiError(update.error, 409)
      ? 'You already have a view of that name.'
      : update.error
        ? 'The view could not be renamed.'
        : null;

  return (
    <Table.Tr data-testid="saved-view-row">
      <Table.Td>
        {editing ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ id: view.id, name }, { onSuccess: () => setEditing(false) });
            }}
          >
            <Group gap="xs" wrap="nowrap">
              <TextInput
                aria-label="New name"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={SAVED_VIEW_NAME_MAX}
                error={renameError}
                autoFocus
              />
              <Button type="submit" size="xs" loading={update.isPending} disabled={!name.trim()}>
                Save
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </form>
        ) : (
          <Anchor component={Link} to={savedViewHref(view)}>
            {view.name}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>{LIST_NAMES[view.path]}</Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Pin ${view.name} in the navigation`}
          checked={view.pinned}
          onChange={(event) => update.mutate({ id: view.id, pinned: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {!editing && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              Rename
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(view.id)}
            aria-label={`Delete ${view.name}`}
          >
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The user's saved views: open, pin, rename or delete them. */
export function SavedViewsPage() {
  const { data, isPending, error, refetch } = useSavedViews();
  return (
    <Stack>
      <Title order={2}>Saved views</Title>
      <Text size="sm" c="dimmed">
        On All cases, the worklist, My cases or the board, set the filters and order you want, then choose “Save view”.
        Pinned views are listed in the navigation.
      </Text>
      <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="saved views">
        {data?.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">List</Table.Th>
                  <Table.Th scope="col">Pinned</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((view) => (
                  <ViewRow key={view.id} view={view} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text>No saved views yet.</Text>
        )}
      </QueryState>
    </Stack>
  );
}
