import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** How many seconds a client is told to wait (Retry-After) while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures reaching the server (Node's net errors).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

// PostgreSQL codes that say the server, not the statement, is the problem: 57P01 admin_shutdown
// (a restart or pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting
// up, crash recovery), 53300 too_many_connections. Class 08 is "connection exception".
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

// pg and pg-pool raise these as plain Errors, without a code.
const CONNECTION_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  // The app is shutting down and its pool is closed.
  /^Cannot use a pool after calling end on the pool$/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means the database could not be reached or dropped the connection, as
 * opposed to refusing the statement: such a request failed for a moment and may be retried. Looks
 * through TypeORM's QueryFailedError (driverError), a wrapping error's cause, and the
 * AggregateError Node raises when every address of a host refused.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  // TypeORM gives a transaction's connection back to the pool the moment pg reports it broken
  // (between two of the transaction's statements); the next statement then fails with these. The
  // app only ever uses a transaction's manager inside its callback, so nothing else releases it.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) {
    return true;
  }
  const e = error as ErrorLike;
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code) || SERVER_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(e.message as string))) {
    return true;
  }
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}
