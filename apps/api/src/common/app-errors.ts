/**
 * What services throw when a request cannot be done; ApiExceptionFilter alone decides the HTTP
 * status and body. `code` is the stable token clients branch on; `details` are extra body fields.
 */
export abstract class AppError extends Error {
  abstract readonly kind: 'not_found' | 'conflict' | 'refused' | 'reauth_failed' | 'rule_violated';

  constructor(
    message: string,
    readonly code?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record asked for does not exist (or is not part of the record it was asked under). */
export class NotFoundError extends AppError {
  readonly kind = 'not_found';
}

/** The record's current state does not allow the change. */
export class ConflictError extends AppError {
  readonly kind = 'conflict';
}

/** The record changed since the client read it (optimistic locking): it must reload. */
export class StaleVersionError extends ConflictError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'stale_version', details);
  }

  static ofCase(currentVersion?: number): StaleVersionError {
    return new StaleVersionError(
      'Someone changed this case since you loaded it; reload it and try again.',
      currentVersion !== undefined ? { currentVersion } : {},
    );
  }
}

/** A rule of the clinic refuses this user the action (their role, or whose record it is). */
export class RuleRefusedError extends AppError {
  readonly kind = 'refused';
}

/**
 * The signed-in user's password or authenticator code, asked again before an act that carries
 * their name, is missing or wrong. Not a 401: the session itself is still good.
 */
export class ReauthFailedError extends AppError {
  readonly kind = 'reauth_failed';
}

/**
 * The state allows the kind of change but a rule of the record refuses this one (a correction
 * dated before the event it answers, an undo after its window): the message names the rule.
 */
export class RuleViolatedError extends AppError {
  readonly kind = 'rule_violated';
}
