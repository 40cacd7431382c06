import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@preauth/api-client';

export const SIGN_IN_PATH = '/sign-in';

let leaving = false;

// A 401 anywhere means the session is gone (expired, signed out elsewhere): start again from
// sign-in with a full page load, which also drops every cached patient record. Once: a page's
// requests answer 401 together, and each further load started would cancel the one before.
export function redirectToSignIn(
  location: Pick<Location, 'pathname' | 'search' | 'assign'> | undefined = globalThis.window?.location,
): void {
  if (!location || location.pathname === SIGN_IN_PATH || leaving) return;
  leaving = true;
  const next = `${location.pathname}${location.search}`;
  location.assign(`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`);
}

/** The meta of a request made before the session is known: its 401 means "not signed in" and is no expired session. */
export const BEFORE_SESSION = { unauthorizedIsExpected: true } as const;

export interface QueryClientOptions {
  onUnauthorized?: () => void;
}

export function createQueryClient({ onUnauthorized = redirectToSignIn }: QueryClientOptions = {}): QueryClient {
  const handleError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (error instanceof ApiError && error.status === 401 && !meta?.['unauthorizedIsExpected']) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => handleError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A 4xx will not fix itself by asking again.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}
