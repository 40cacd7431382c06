import { Alert, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, type NotificationKind } from '@preauth/domain';
import { formatHour } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { useEmailPreferences, useSetEmailPreferences } from '../api/useNotificationSettings';

/** Which notification kinds also go by email: each switch saves at once. */
export function EmailPreferencesSection() {
  const preferences = useEmailPreferences();
  const save = useSetEmailPreferences();
  const data = preferences.data;

  const handleChange = (kind: NotificationKind, email: boolean) => {
    save.mutate(
      { [kind]: email },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: `${NOTIFICATION_LABELS[kind]}: ${email ? 'by email too' : 'in Preauth only'}.`,
          }),
      },
    );
  };

  return (
    <QueryState
      isPending={preferences.isPending}
      error={preferences.error}
      onRetry={() => void preferences.refetch()}
      what="your email choices"
    >
      {data && (
        <Stack gap="sm">
          <Text size="sm">
            Every notification shows under the bell. Those switched on here also come by email: at once on expedited
            cases, otherwise in one daily digest at {formatHour(data.digestHour)} ({data.timeZone}). Emails name case
            numbers only, never patient details.
          </Text>
          {!data.emailEnabled && (
            <Alert color="yellow" title="This server sends no email">
              No mail server is configured (SMTP_URL), so notifications stay in Preauth. Your choices apply once it is.
            </Alert>
          )}
          {NOTIFICATION_KINDS.map((kind) => (
            <Switch
              key={kind}
              label={NOTIFICATION_LABELS[kind]}
              checked={data.email[kind]}
              disabled={save.isPending}
              onChange={(event) => handleChange(kind, event.currentTarget.checked)}
            />
          ))}
          {save.isError && (
            <Alert color="red" role="alert" title="Not saved">
              {save.error.message}
            </Alert>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
