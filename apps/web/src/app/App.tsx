import { RouterProvider } from 'react-router';
import { meQuery } from '../features/auth/api/useMe';
import { caseQuery } from '../features/cases/api/useCase';
import { Providers } from './Providers';
import { createQueryClient, SIGN_IN_PATH } from './query-client';
import { router } from './router';

const queryClient = createQueryClient();
const { pathname: startPath, search: startSearch } = window.location;
// A signed-in page first waits for its chunks, then asks who is signed in, then for its data:
// asking at once, while the chunks download, takes those round trips out of the chain. Once the
// session is known good, a case page, the worklist and the case list start loading their data too
// (the code that knows the lists' queries is a small chunk of its own, fetched beside the page's).
const LIST_PATH = /^\/(worklist|cases)\/?$/;
if (startPath !== SIGN_IN_PATH) {
  const listData = LIST_PATH.test(startPath) ? import('./route-data') : undefined;
  void queryClient.prefetchQuery(meQuery()).then(async () => {
    if (!queryClient.getQueryData(meQuery().queryKey)) return;
    const caseId = /^\/cases\/([^/]+)\/?$/.exec(startPath)?.[1];
    if (caseId && caseId !== 'new') void queryClient.prefetchQuery(caseQuery(caseId));
    (await listData)?.prefetchListData(queryClient, startPath, startSearch);
  });
}

export function App() {
  return (
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
