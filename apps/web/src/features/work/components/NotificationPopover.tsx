import { Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { useMarkRead, useNotifications } from '../api/useNotifications';
import { BellButton } from './BellButton';

/**
 * The bell with its popover: the latest notifications, mark read. Mounted by NotificationBell at
 * the first press, open, in place of the bell without a popover, so the pressed button keeps the
 * focus it had.
 */
export function NotificationPopover() {
  const [opened, setOpened] = useState(true);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => buttonRef.current?.focus(), []);

  const handleOpen = (id: string, caseId: string | null, read: boolean) => {
    if (!read) markRead.mutate(id);
    setOpened(false);
    if (caseId) void navigate(`/cases/${caseId}`);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md">
      <BellButton
        unread={unread}
        onClick={() => setOpened((o) => !o)}
        buttonRef={buttonRef}
        target={(button) => <Popover.Target>{button}</Popover.Target>}
      />
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => markRead.mutate(undefined)}>
              Mark all read
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing yet.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4} role="list" aria-label="Notifications">
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  role="listitem"
                  onClick={() => handleOpen(n.id, n.caseId, n.readAt !== null)}
                  p={6}
                  style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' }}
                  data-testid="notification"
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
