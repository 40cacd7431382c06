import { Card, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '@preauth/domain';
import { useMe } from '../features/auth/api/useMe';

export function AccountPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Stack maw={720}>
      <Title order={2}>Your account</Title>
      <Card withBorder>
        <Text fw={600}>{me.displayName}</Text>
        <Text size="sm">{me.email}</Text>
        <Text size="sm" c="dimmed">
          {me.roles.map((role) => ROLE_LABELS[role]).join(', ')} · two-factor sign-in {me.totpEnabled ? 'on' : 'off'}
        </Text>
      </Card>
      <Text size="sm" c="dimmed">
        Administrators manage users and settings; case records are only open to front desk, physicians and managers.
      </Text>
    </Stack>
  );
}
