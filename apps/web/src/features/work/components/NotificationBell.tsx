import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { useMarkRead, useNotifications } from '../api/useNotifications';

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/** The header's bell: unread count, the latest notifications, mark read. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  const handleOpen = (id: string, caseId: string | null, read: boolean) => {
    if (!read) markRead.mutate(id);
    setOpened(false);
    if (caseId) void navigate(`/cases/${caseId}`);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md">
      {/* The target is the button itself: the popover's ARIA attributes belong on it, not on the badge. */}
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4} data-testid="bell-count">
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
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
