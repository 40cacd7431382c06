import type { Role } from '@preauth/domain';
import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { apiAs } from './session';

/** The code an authenticator app shows at `at`, with the library the API checks codes with. */
export function totpCode(secret: string, at = Date.now()): string {
  return authenticator.clone({ epoch: at }).generate(secret);
}

export interface E2eUser {
  email: string;
  password: string;
}

/**
 * A new user the admin made, who has already replaced the one-time password (through the API, as
 * the Account page would): for tests about what comes after the first sign-in.
 */
export async function createReadyUser(roles: Role[], name: string): Promise<E2eUser> {
  const admin = await apiAs('admin@demo.clinic');
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@e2e.clinic`;
  const created = await admin('POST', '/api/users', { email, displayName: name, roles });
  const oneTime = created.oneTimePassword as string;
  const password = `e2e-${randomBytes(12).toString('hex')}`;
  const self = await apiAs(email, oneTime);
  await self('POST', '/api/auth/password', { currentPassword: oneTime, newPassword: password });
  return { email, password };
}
