import { randomInt } from 'node:crypto';
import { passwordProblems } from './password-policy';

// No 0/o, 1/l/i: read aloud or copied from a screen, every character is unambiguous.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomGroups(groups: number, size: number): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < size; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/**
 * A password an admin hands to a new user (or one who forgot theirs), shown once: 16 random
 * characters (~79 bits). The user must replace it at first sign-in.
 */
export function generateOneTimePassword(email: string): string {
  for (;;) {
    const password = randomGroups(4, 4);
    if (!passwordProblems(password, { email }).length) return password;
  }
}

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 10 random characters (~49 bits each), written `xxxxx-xxxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomGroups(2, 5));
}

/** What a person may type for a recovery code: any case, with or without the dash or spaces. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== 10 || ![...compact].every((c) => ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
