import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';

interface QueryStateProps {
  isPending: boolean;
  error: Error | null;
  onRetry?: () => void;
  what: string;
  children: ReactNode;
}

// Loading and failure look the same on every page.
export function QueryState({ isPending, error, onRetry, what, children }: QueryStateProps) {
  if (isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" title={`Could not load ${what}`} role="alert">
        {error.message}{' '}
        {onRetry && (
          <Button size="xs" variant="light" color="red" ml="sm" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Alert>
    );
  }
  return <>{children}</>;
}
