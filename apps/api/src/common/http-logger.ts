import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

/**
 * Request logs carry method, path (never the query string: searches hold patient names), status
 * and timing. No bodies, no cookies, no headers: patient data must never reach the logs.
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
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: (err: Error) => ({ type: err.name, message: err.message }),
    },
    customProps: (req: IncomingMessage & { user?: { id?: string } }) => (req.user?.id ? { userId: req.user.id } : {}),
  };
}
