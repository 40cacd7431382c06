import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

const ROUTE_PATTERN = Symbol('routePattern');
const REQUEST_ID = Symbol('requestId');

type LoggedRequest = IncomingMessage & { [ROUTE_PATTERN]?: string; [REQUEST_ID]?: string; user?: { id?: string } };

/** Called for every API route (by the AuthGuard) with its pattern, e.g. '/api/patients/:id'. */
export function rememberRoutePattern(req: object, pattern: string): void {
  (req as LoggedRequest)[ROUTE_PATTERN] = pattern;
}

/** The id the request's log lines carry (also sent back as X-Request-Id). */
export function requestIdOf(req: object): string | undefined {
  return (req as LoggedRequest)[REQUEST_ID];
}

/**
 * The path to log: the matched route's pattern, never what the client put in the URL, since a
 * mistaken or hostile client may put a name or an MRN there. A path that matched no route (404,
 * static files) keeps only its first two segments.
 */
export function loggablePath(req: LoggedRequest): string {
  const pattern = req[ROUTE_PATTERN];
  if (pattern) return pattern;
  // Express shortens req.url inside a middleware mounted on a path (the /assets one); not originalUrl.
  const segments = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0].split('/');
  return segments.length > 3 ? `${segments.slice(0, 3).join('/')}/…` : segments.join('/');
}

// The reverse proxy's request id, when the app sits behind one (TRUST_PROXY), is kept if it looks
// like one. Without a trusted proxy a client could write what it likes into the logs this way.
const INCOMING_ID = /^[\w.:-]{8,64}$/;

/**
 * One JSON line per request when it ends: id, method, route pattern (never the query string:
 * searches hold patient names), status, time taken and the user the guard found. No bodies, no
 * cookies, no headers: patient data must never reach the logs. Health checks are not logged.
 *
 * Written here rather than with pino-http and nestjs-pino: their child logger and request
 * context (AsyncLocalStorage, whose promise hooks on Node 20 slow every await of the request)
 * cost a quarter of a worklist request's CPU, measured with `npm run bench`. Lines written during
 * a request that need the id take it from requestIdOf(req).
 */
export function requestLogger(logger: Logger, trustProxy: boolean): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const header = trustProxy ? req.headers['x-request-id'] : undefined;
    const id = typeof header === 'string' && INCOMING_ID.test(header) ? header : randomUUID();
    (req as LoggedRequest)[REQUEST_ID] = id;
    res.setHeader('X-Request-Id', id);
    if ((req.url ?? '').startsWith('/api/health') || !logger.isLevelEnabled('error')) {
      next();
      return;
    }
    const started = Date.now();
    // 'close' comes last whether the response was sent in full or the client went away.
    res.once('close', () => {
      const r = req as LoggedRequest;
      const line = {
        reqId: id,
        method: req.method,
        route: loggablePath(r),
        statusCode: res.statusCode,
        responseTime: Date.now() - started,
        ...(r.user?.id ? { userId: r.user.id } : {}),
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
