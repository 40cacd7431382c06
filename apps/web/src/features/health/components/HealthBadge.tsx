import { Badge } from '@mantine/core';
import { useHealth } from '../api/useHealth';

export function HealthBadge() {
  const { data, isPending, isError } = useHealth();
  if (isPending)
    return (
      <Badge color="gray" variant="light">
        Checking…
      </Badge>
    );
  const up = !isError && data?.database === 'up';
  return (
    <Badge color={up ? 'teal' : 'red'} variant="light" aria-live="polite">
      {up ? 'System online' : 'Database unreachable'}
    </Badge>
  );
}
