import { authenticator } from 'otplib';

const STEP_SECONDS = 30;
const ISSUER = 'Preauth';

export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpKeyUri(email: string, secret: string): string {
  return authenticator.keyuri(email, ISSUER, secret);
}

/**
 * The time step a 6-digit code belongs to (accepting one step of clock drift either way), or
 * null when it is wrong. Callers store the step and refuse any code of a step not after it, so a
 * code seen over someone's shoulder cannot be replayed.
 */
export function matchTotpStep(code: string, secret: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ window: 1, epoch: now }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
}

/** For tests and tools: the code an authenticator app shows at `now`. */
export function generateTotpCode(secret: string, now = Date.now()): string {
  return authenticator.clone({ epoch: now }).generate(secret);
}
