import { Navigate } from 'react-router';
import { useMe } from '../features/auth/api/useMe';
import { homePathFor } from '../features/auth/roles';

export function HomeRedirect() {
  const { data } = useMe();
  return data ? <Navigate to={homePathFor(data.roles)} replace /> : null;
}
