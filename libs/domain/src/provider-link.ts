import type { Role } from './roles';

/** The code of the refusal below, the same from the Users and the Physicians API. */
export const NOT_A_PHYSICIAN_ACCOUNT = 'not_physician';

export const NOT_A_PHYSICIAN_ACCOUNT_REASON =
  'Only a user with the physician role can be linked to a physician record; give the account the physician role first.';

/**
 * Why this account cannot be linked to a provider (physician) record, or null when it can: the
 * link makes the account sign letters with the provider's name and NPI, which only a physician
 * may. A rule about the account, not a conflict with a stored state: 422.
 */
export function providerLinkRefusal(roles: readonly Role[]): string | null {
  return roles.includes('physician') ? null : NOT_A_PHYSICIAN_ACCOUNT_REASON;
}
