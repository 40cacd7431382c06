import { Badge } from '@mantine/core';
import { useHealth } from '../api/useHealth';

// On a phone the header has room for the menu, the name and "Sign out" only: a healthy system
// needs no badge there, while a database that cannot be reached is shown at every width.
export function HealthBadge({ afterPageData = false }: { afterPageData?: boolean }) {
  const { data, isPending, isError } = useHealth({ afterPageData });
  if (isPending)
    return (
      <Badge color="gray" variant="light" visibleFrom="sm">
        Checking…
      </Badge>
    );
  const up = !isError && data?.database === 'up';
  return (
    <Badge color={up ? 'teal' : 'red'} variant="light" aria-live="polite" visibleFrom={up ? 'sm' : undefined}>
      {up ? 'System online' : 'Database unreachable'}
    </Badge>
  );
}
