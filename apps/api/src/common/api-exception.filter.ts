import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isTransitionError, type TransitionError, type TransitionErrorCode } from '@preauth/domain';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/connection-errors';
import { AppError } from './app-errors';
import { requestIdOf } from './http-logger';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
}

// PostgreSQL error codes that are the caller's fault, not the server's.
const PG_CLIENT_ERRORS: Record<string, { status: HttpStatus; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists.' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record refers to, or is referred to by, another record.' },
  '23502': { status: HttpStatus.BAD_REQUEST, message: 'A required value is missing.' },
  '23514': { status: HttpStatus.BAD_REQUEST, message: 'A value breaks a rule of the record.' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format.' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date or time has the wrong format.' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date or time is out of range.' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is out of range.' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A value is too long.' },
  '40001': {
    status: HttpStatus.CONFLICT,
    message: 'Someone else changed this at the same time; reload and try again.',
  },
};

const APP_ERROR_STATUS: Record<AppError['kind'], HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  refused: HttpStatus.FORBIDDEN,
  reauth_failed: HttpStatus.UNPROCESSABLE_ENTITY,
  rule_violated: HttpStatus.UNPROCESSABLE_ENTITY,
};

/**
 * One error shape for the whole API, and the one place where services' errors become HTTP. Database errors are translated without echoing their
 * details, which may contain patient data (e.g. "Key (mrn)=(…) already exists").
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    if (res.sent) return;
    const reqId = requestIdOf(host.switchToHttp().getRequest<object>());

    if (exception instanceof HttpException) {
      const status: HttpStatus = exception.getStatus();
      let body = exception.getResponse();
      // Nest's unmatched-route 404 quotes the path, which a client may have filled with PHI.
      if (status === HttpStatus.NOT_FOUND && isRouteNotFound(body)) {
        body = { statusCode: 404, error: 'Not Found', message: 'There is no such API route.' };
      }
      // A string is what Nest makes of Fastify's own refusals (a body that is not JSON, or too large).
      const payload =
        typeof body === 'string'
          ? { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: body }
          : { statusCode: status, ...body };
      sendJson(res, status, payload);
      return;
    }

    if (exception instanceof AppError) {
      const status = APP_ERROR_STATUS[exception.kind];
      sendJson(res, status, {
        ...errorHead(status, exception.code),
        message: exception.message,
        ...exception.details,
      });
      return;
    }

    if (isTransitionError(exception)) {
      const { status, body } = transitionErrorResponse(exception);
      sendJson(res, status, body);
      return;
    }

    // Checked before the statement errors below: a dropped connection also arrives as a
    // QueryFailedError. PostgreSQL rolls back a transaction whose connection drops before its
    // COMMIT, so nothing is half-written and the client may retry.
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ reqId, code: connectionErrorCode(exception) }, 'database unavailable');
      res.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      sendJson(res, HttpStatus.SERVICE_UNAVAILABLE, {
        ...errorHead(HttpStatus.SERVICE_UNAVAILABLE, 'database_unavailable'),
        message: 'The database cannot be reached at the moment. Try again in a few seconds.',
      });
      return;
    }

    if (exception instanceof QueryFailedError || exception instanceof DatabaseError) {
      // TypeORM wraps pg's error; a prepared read (database/prepared.ts) throws pg's own.
      const driverError: PgError =
        exception instanceof DatabaseError
          ? exception
          : ((exception as QueryFailedError & { driverError?: PgError }).driverError ?? {});
      const mapped = driverError.code ? PG_CLIENT_ERRORS[driverError.code] : undefined;
      if (mapped) {
        sendJson(res, mapped.status, {
          statusCode: mapped.status,
          error: mapped.status === HttpStatus.CONFLICT ? 'Conflict' : 'Bad Request',
          message: mapped.message,
          ...(driverError.constraint ? { constraint: driverError.constraint } : {}),
        });
        return;
      }
      this.logger.error({ reqId, type: 'QueryFailedError', code: driverError.code }, 'database error');
    } else {
      const error = exception as Error;
      this.logger.error(
        { reqId, type: error?.name ?? typeof exception, stack: stripMessage(error?.stack) },
        'unhandled error',
      );
    }
    // The request id lets support find the log lines of this failure.
    sendJson(res, HttpStatus.INTERNAL_SERVER_ERROR, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
      requestId: reqId,
    });
  }
}

// libs/domain/README.md's contract: a role that may not take the move is refused like any other
// rule (403); a move the case's current state does not have conflicts with the case as it stands,
// like a stale version (409); a guard refusing a move the state allows is 422. The reasons are
// written for the person at the desk and go out as they are.
const TRANSITION_ERROR_STATUS: Record<TransitionErrorCode, HttpStatus> = {
  forbidden: HttpStatus.FORBIDDEN,
  not_allowed: HttpStatus.CONFLICT,
  guard_failed: HttpStatus.UNPROCESSABLE_ENTITY,
};

function transitionErrorResponse(error: TransitionError): { status: number; body: object } {
  const status = TRANSITION_ERROR_STATUS[error.code];
  const body = {
    ...errorHead(status, error.code),
    message: error.reasons.join(' '),
    reasons: error.reasons,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
  return { status, body: error.code === 'forbidden' ? body : { ...body, from: error.from, to: error.to } };
}

function errorHead(status: number, code?: string): { statusCode: number; error: string; code?: string } {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', ...(code ? { code } : {}) };
}

/**
 * The error as JSON, whatever the route meant to send: a CSV export or a photo has set its own
 * type (and a file name) before it failed.
 */
function sendJson(res: FastifyReply, status: number, payload: object): void {
  res.removeHeader('Content-Disposition');
  res.status(status).type('application/json; charset=utf-8').send(payload);
}

/** The code to log for a connection failure (never its message, which may name the host). */
function connectionErrorCode(exception: unknown): string | undefined {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } };
  const code = error.driverError?.code ?? error.code;
  return typeof code === 'string' ? code : undefined;
}

function isRouteNotFound(body: unknown): boolean {
  const message = typeof body === 'string' ? body : (body as { message?: unknown })?.message;
  return typeof message === 'string' && /^Cannot [A-Z]+ \//.test(message);
}

/** Keep the frames of a stack trace but drop its first line, the message, which may quote data. */
function stripMessage(stack: string | undefined): string | undefined {
  return stack?.split('\n').slice(1, 8).join('\n');
}
