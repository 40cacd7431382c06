import { Button, Checkbox, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEW_PATHS, savedViewQueryOf, type SavedViewPath } from '@preauth/domain';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { isApiError } from '../../../ui/server-errors';
import { useCreateSavedView } from '../api/useSavedViews';

/** Names the list's current filters and order (the page's URL query) as one of the user's views. */
export function SaveViewButton() {
  const location = useLocation();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [pinned, setPinned] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateSavedView();
  const path = location.pathname as SavedViewPath;
  if (!SAVED_VIEW_PATHS.includes(path)) return null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    create.mutate(
      { name, path, query: savedViewQueryOf(location.search), pinned },
      {
        onSuccess: (view) => {
          setOpened(false);
          setName('');
          notifications.show({ color: 'teal', message: `Saved “${view.name}”.` });
        },
        onError: (error) =>
          setProblem(
            isApiError(error, 409)
              ? 'You already have a view of that name.'
              : isApiError(error)
                ? (error.body.message ?? error.message)
                : 'The view could not be saved.',
          ),
      },
    );
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button variant="default" onClick={() => setOpened((o) => !o)} data-testid="save-view">
          Save view
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={handleSubmit} aria-label="Save this view">
          <Stack gap="xs" w={260}>
            <TextInput
              label="View name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={SAVED_VIEW_NAME_MAX}
              error={problem}
              required
              data-autofocus
            />
            <Checkbox
              label="Pin in the navigation"
              checked={pinned}
              onChange={(event) => setPinned(event.currentTarget.checked)}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Save
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
