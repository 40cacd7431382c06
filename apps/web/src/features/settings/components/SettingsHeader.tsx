import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SettingsHeader({
  title,
  description,
  action,
}: {
  title: string;
  description: string;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      {action}
    </Group>
  );
}

/** Active records first, archived or inactive ones after, each group in the API's order. */
export function activeFirst<T extends { active: boolean }>(rows: readonly T[] | undefined): T[] {
  return [...(rows ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
}
