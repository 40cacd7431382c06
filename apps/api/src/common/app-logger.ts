import { Inject, Injectable, LoggerService } from '@nestjs/common';
import pino, { type Level, type Logger } from 'pino';

/** The one pino logger of the app: Nest's log lines and the request lines both go through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * JSON lines on stdout (or `destination`, which the tests read). Errors are logged by type and
 * message only: a stack or a driver error's detail may quote patient data.
 */
export function createRootLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    serializers: { err: (err: Error) => ({ type: err.name, message: err.message }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

// Nest announces every module and route at start-up; at the default level that buries the
// start-up banner, so those framework contexts only show at debug level.
const CHATTY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'LegacyRouteConverter',
]);

/**
 * Nest's logger interface over pino. Nest calls `log(message, ...params, context)`: the context
 * (last argument) becomes a field, an object message is merged into the line, an Error goes
 * under `err`, and a string message keeps its printf-style parameters.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    this.write(typeof context === 'string' && CHATTY_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length) {
      fields.context = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    const log: (obj: object, msg?: string, ...args: unknown[]) => void = this.root[level].bind(this.root);
    if (message instanceof Error) {
      fields.err = message;
      log(fields, ...(rest as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      log(fields, ...(rest as [string?]));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      fields.err = err;
      log(fields);
    } else {
      log(fields, String(message), ...rest);
    }
  }
}
