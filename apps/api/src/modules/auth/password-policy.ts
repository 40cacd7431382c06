import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
// argon2 takes any length, but a megabyte "password" is a cheap way to make the server work.
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, in words for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, context: { email?: string | null } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || new Set(lowered).size <= 2) problems.push('is too common or too easy to guess');
  const localPart = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lowered.includes(localPart)) problems.push('must not contain your email address');
  return problems;
}
