import { RouterProvider } from 'react-router';
import { meQuery } from '../features/auth/api/useMe';
import { caseQuery } from '../features/cases/api/useCase';
import { Providers } from './Providers';
import { createQueryClient, SIGN_IN_PATH } from './query-client';
import { router } from './router';

const queryClient = createQueryClient();
const startPath = window.location.pathname;
// A signed-in page first waits for its chunks, then asks who is signed in, then for its data:
// asking at once, while the chunks download, takes those round trips out of the chain. Once the
// session is known good, a case page opened from a link starts loading its case too.
if (startPath !== SIGN_IN_PATH) {
  void queryClient.prefetchQuery(meQuery()).then(() => {
    const caseId = /^\/cases\/([^/]+)\/?$/.exec(startPath)?.[1];
    if (caseId && caseId !== 'new' && queryClient.getQueryData(meQuery().queryKey))
      void queryClient.prefetchQuery(caseQuery(caseId));
  });
}

export function App() {
  return (
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
