import type { Role } from './roles';

export type AdminLockout = 'self_lockout' | 'last_admin';

export interface AccountChange {
  /** The account being changed, as it is now. */
  userId: string;
  roles: readonly Role[];
  disabled: boolean;
  /** As it would be after the change. */
  nextRoles: readonly Role[];
  nextDisabled: boolean;
  /** Who makes the change. */
  actorId: string;
  /** Active admins other than this account. */
  otherActiveAdmins: number;
}

/**
 * Nobody can lock the clinic out of administration: an active admin cannot take away their own
 * admin role or disable themselves (another admin must), and the last active admin keeps both.
 * Null when the change is allowed.
 */
export function adminLockout(change: AccountChange): AdminLockout | null {
  const wasActiveAdmin = change.roles.includes('admin') && !change.disabled;
  const staysActiveAdmin = change.nextRoles.includes('admin') && !change.nextDisabled;
  if (!wasActiveAdmin || staysActiveAdmin) return null;
  if (change.userId === change.actorId) return 'self_lockout';
  return change.otherActiveAdmins === 0 ? 'last_admin' : null;
}

export const ADMIN_LOCKOUT_MESSAGES: Record<AdminLockout, string> = {
  self_lockout: 'You cannot disable your own account or remove your own admin role; ask another admin.',
  last_admin: 'This is the last active admin: make another user an admin first.',
};
