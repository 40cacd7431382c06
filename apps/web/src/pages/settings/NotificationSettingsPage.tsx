import { Card, Stack } from '@mantine/core';
import { SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { useNotificationSettings } from '../../features/work/api/useNotificationSettings';
import { NotificationSettingsForm } from '../../features/work/components/NotificationSettingsForm';
import { QueryState } from '../../ui/QueryState';

export function NotificationSettingsPage() {
  const settings = useNotificationSettings();
  return (
    <Stack maw={760}>
      <SettingsHeader
        title="Notifications"
        description="When case owners are warned that a clock is running out, and when the daily email digest goes out. Each person chooses which notifications they get by email on their Account page."
      />
      <QueryState
        isPending={settings.isPending}
        error={settings.error}
        onRetry={() => void settings.refetch()}
        what="the notification settings"
      >
        {settings.data && (
          <Card withBorder>
            <NotificationSettingsForm settings={settings.data} />
          </Card>
        )}
      </QueryState>
    </Stack>
  );
}
