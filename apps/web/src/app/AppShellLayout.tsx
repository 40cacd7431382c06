import { AppShell, Group, Text, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { HealthBadge } from '../features/health/components/HealthBadge';

export function AppShellLayout() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h3">
              Preauth
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              Pre-authorizations and appeals
            </Text>
          </Group>
          <HealthBadge />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
