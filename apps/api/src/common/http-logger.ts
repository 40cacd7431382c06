import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const ROUTE_PATTERN = Symbol('routePattern');

/** Called for every API route (by the AuthGuard) with its pattern, e.g. '/api/patients/:id'. */
export function rememberRoutePattern(req: object, pattern: string): void {
  (req as { [ROUTE_PATTERN]?: string })[ROUTE_PATTERN] = pattern;
}

/**
 * The path to log: the matched route's pattern, never what the client put in the URL, since a
 * mistaken or hostile client may put a name or an MRN there. A path that matched no route (404,
 * static files) keeps only its first two segments.
 */
export function loggablePath(req: IncomingMessage & { [ROUTE_PATTERN]?: string }): string {
  const pattern = req[ROUTE_PATTERN];
  if (pattern) return pattern;
  const segments = (req.url ?? '').split('?')[0].split('/');
  return segments.length > 3 ? `${segments.slice(0, 3).join('/')}/…` : segments.join('/');
}

// pino-http serializes `req` when the request arrives, before routing; the route pattern is only
// known at the end, so the completion line carries it as `route`, with the user the guard found
// (set here rather than with customProps, which costs a child logger per request).
const withRoute = (req: IncomingMessage & { user?: { id?: string } }, val: object) => ({
  ...val,
  route: loggablePath(req),
  ...(req.user?.id ? { userId: req.user.id } : {}),
});

/**
 * Request logs carry method, route pattern (never the query string: searches hold patient names),
 * status and timing. No bodies, no cookies, no headers: patient data must never reach the logs.
 */
export function buildHttpLoggerOptions(level: string): Options {
  return {
    level,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    quietReqLogger: true,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.raw ?? req),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: (err: Error) => ({ type: err.name, message: err.message }),
    },
    customSuccessObject: (req, _res, val: object) => withRoute(req, val),
    customErrorObject: (req, _res, _error, val: object) => withRoute(req, val),
  };
}
