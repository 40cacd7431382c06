import { Alert, Button, Center, Loader } from '@mantine/core';
import { useDeferredValue } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { setClinicTimeZone } from '../../../app/clinic';
import { isApiError } from '../../../ui/server-errors';
import { useMe } from '../api/useMe';

export function RequireAuth() {
  const { data, error, isPending, refetch } = useMe();
  const location = useLocation();
  // The session's answer would otherwise draw the whole signed-in page (shell, page, rows) in one
  // blocking task, since a query's update is urgent to React: deferred, that render yields to the
  // browser every few milliseconds (on a slow phone a 270 ms task became many short ones).
  const shownSession = useDeferredValue(data);
  if (isPending || (data && !shownSession)) {
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
