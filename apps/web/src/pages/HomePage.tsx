import { Card, Stack, Text, Title } from '@mantine/core';
import { useHealth } from '../features/health/api/useHealth';

export function HomePage() {
  const { data, isError } = useHealth();
  return (
    <Stack maw={720}>
      <Title order={2}>Welcome to Preauth</Title>
      <Card withBorder>
        <Text fw={600}>Service status</Text>
        <Text data-testid="health-status">
          {isError ? 'The API cannot be reached.' : data ? `API ${data.status}, database ${data.database}` : 'Checking…'}
        </Text>
      </Card>
    </Stack>
  );
}
