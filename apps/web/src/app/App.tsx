import { RouterProvider } from 'react-router';
import { meQuery } from '../features/auth/api/useMe';
import { caseQuery } from '../features/cases/api/useCase';
import { Providers } from './Providers';
import { BEFORE_SESSION, createQueryClient, SIGN_IN_PATH } from './query-client';
import { prefetchListData } from './route-data';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const { pathname: startPath, search: startSearch } = window.location;
// A signed-in page first waits for its chunks, then asks who is signed in, then for its data:
// asking at once, while the chunks download, takes those round trips out of the chain. A case page,
// the worklist and the case list ask for their data beside the session check rather than after it,
// and the code that knows the lists' queries is in this first chunk (about 6 KB) so that their
// requests need no chunk of their own first: on a phone's network each round trip not waited for
// counts. Without a session these early requests answer 401 quietly (RequireAuth sends the visitor
// to sign in, and signing in drops every cached query).
const LIST_PATH = /^\/(worklist|cases)\/?$/;
if (startPath !== SIGN_IN_PATH) {
  void queryClient.prefetchQuery(meQuery());
  const caseId = /^\/cases\/([^/]+)\/?$/.exec(startPath)?.[1];
  if (caseId && caseId !== 'new') void queryClient.prefetchQuery({ ...caseQuery(caseId), meta: BEFORE_SESSION });
  if (LIST_PATH.test(startPath)) prefetchListData(queryClient, startPath, startSearch);
}

// Made at the first render, not as this module loads: a router starts loading its page's chunks
// as it is made, and the requests above go out only after an await in the API client, so a router
// made here first would have them queue behind a dozen chunk requests on a phone's six connections.
// One for the visit (a remount, or React's development double render, finds it made).
let router: ReturnType<typeof createAppRouter> | undefined;

export function App() {
  router ??= createAppRouter();
  return (
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
