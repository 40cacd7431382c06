import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'X-CSRF-Token';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

// Double-submit protection: echo the csrf_token cookie in a header on every state-changing call.
const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = readCookie(CSRF_COOKIE);
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
};

export function createApiClient(baseUrl = '', fetchImpl?: typeof fetch): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'same-origin',
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  client.use(csrfMiddleware);
  return client;
}

/** The error body every API error uses. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message?: string;
  errors?: { field: string; reason: string }[];
  reasons?: string[];
  /** On a 500: the request's id, which the server's log lines of the failure carry. */
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `Request failed with ${status}`);
  }
}

/** Unwrap an openapi-fetch result, throwing ApiError for non-2xx answers. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? { statusCode: result.response.status }) as ApiErrorBody;
    // A server error's message ends with its request id: a reference the clinic can quote to whoever reads the logs.
    const message = body.requestId && body.message ? `${body.message} (reference ${body.requestId})` : body.message;
    throw new ApiError(result.response.status, { ...body, message, statusCode: result.response.status });
  }
  return result.data as T;
}
