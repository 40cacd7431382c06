import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

const REQUEST_ID = Symbol('requestId');

type LoggedRequest = FastifyRequest & { [REQUEST_ID]?: string; user?: { id?: string } };

/** The id the request's log lines carry (also sent back as X-Request-Id). */
export function requestIdOf(req: object): string | undefined {
  return (req as LoggedRequest)[REQUEST_ID];
}

/**
 * The path to log: the matched route's pattern (e.g. '/api/patients/:id'), never what the client
 * put in the URL, since a mistaken or hostile client may put a name or an MRN there. A path that
 * matched no route, or only the dashboard's catch-all, keeps its first two segments.
 */
export function loggablePath(req: FastifyRequest): string {
  const pattern = req.routeOptions.url;
  if (pattern && !pattern.includes('*')) return pattern;
  const segments = req.url.split('?')[0].split('/');
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
export function registerRequestLogger(fastify: FastifyInstance, logger: Logger, trustProxy: boolean): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    const header = trustProxy ? req.headers['x-request-id'] : undefined;
    const id = typeof header === 'string' && INCOMING_ID.test(header) ? header : randomUUID();
    (req as LoggedRequest)[REQUEST_ID] = id;
    reply.header('X-Request-Id', id);
    if (req.url.startsWith('/api/health') || !logger.isLevelEnabled('error')) {
      done();
      return;
    }
    const started = Date.now();
    const res = reply.raw;
    // 'close' comes last whether the response was sent in full or the client went away.
    res.once('close', () => {
      const r = req as LoggedRequest;
      const line = {
        reqId: id,
        method: req.method,
        route: loggablePath(req),
        statusCode: res.statusCode,
        responseTime: Date.now() - started,
        ...(r.user?.id ? { userId: r.user.id } : {}),
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    done();
  });
}
