import { RouterProvider } from 'react-router';
import { meQuery } from '../features/auth/api/useMe';
import { caseQuery } from '../features/cases/api/useCase';
import { Providers } from './Providers';
import { BEFORE_SESSION, createQueryClient, SIGN_IN_PATH } from './query-client';
import { router } from './router';

const queryClient = createQueryClient();
const { pathname: startPath, search: startSearch } = window.location;
// A signed-in page first waits for its chunks, then asks who is signed in, then for its data:
// asking at once, while the chunks download, takes those round trips out of the chain. A case page,
// the worklist and the case list ask for their data beside the session check rather than after it
// (the code that knows the lists' queries is a small chunk of its own, fetched beside the page's):
// on a phone's network the answer to one round trip is worth not waiting for. Without a session
// these early requests answer 401 quietly (RequireAuth sends the visitor to sign in, and signing
// in drops every cached query).
const LIST_PATH = /^\/(worklist|cases)\/?$/;
if (startPath !== SIGN_IN_PATH) {
  void queryClient.prefetchQuery(meQuery());
  const caseId = /^\/cases\/([^/]+)\/?$/.exec(startPath)?.[1];
  if (caseId && caseId !== 'new') void queryClient.prefetchQuery({ ...caseQuery(caseId), meta: BEFORE_SESSION });
  if (LIST_PATH.test(startPath))
    void import('./route-data').then((data) => data.prefetchListData(queryClient, startPath, startSearch));
}

export function App() {
  return (
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
