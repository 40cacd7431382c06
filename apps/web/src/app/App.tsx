import { RouterProvider } from 'react-router';
import { meQuery } from '../features/auth/api/useMe';
import { Providers } from './Providers';
import { createQueryClient, SIGN_IN_PATH } from './query-client';
import { router } from './router';

const queryClient = createQueryClient();
// A signed-in page first waits for its chunks, then asks who is signed in, then for its data:
// asking at once, while the chunks download, takes one round trip out of that chain.
if (window.location.pathname !== SIGN_IN_PATH) void queryClient.prefetchQuery(meQuery());

export function App() {
  return (
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
