import { isDatabaseUnavailable } from './connection-errors';

/**
 * The process's answer to a promise rejected with nobody listening. pg-boss 10 (the last line that
 * runs on Node 20) marks a finished job complete without awaiting it, so a database that dies at
 * that moment rejects a promise no code can catch, and Node's default ends the whole API. Such a
 * rejection is only an outage the app already survives: it is reported and the job, still marked
 * active, is retried once it expires. Anything else is a bug, and ends the process as before.
 */
export function outageRejectionHandler(report: (line: string) => void): (reason: unknown) => void {
  return (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    const code = (reason as { code?: unknown }).code;
    report(
      `a background call to the database failed while it was unavailable${typeof code === 'string' ? ` (${code})` : ''}; it is retried later.`,
    );
  };
}
