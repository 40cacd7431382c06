import { Alert, Button, Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { setClinicTimeZone } from '../../../app/clinic';
import { isApiError } from '../../../ui/server-errors';
import { useMe } from '../api/useMe';

export function RequireAuth() {
  const { data, error, isPending, refetch } = useMe();
  const location = useLocation();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (error && !isApiError(error, 401)) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="Preauth cannot reach the server" role="alert">
          {error.message}{' '}
          <Button size="xs" variant="light" color="red" onClick={() => void refetch()}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  if (!data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // Before any signed-in page formats a date: the zone is the server's, not the browser's.
  setClinicTimeZone(data.clinicTimeZone);
  return <Outlet />;
}
