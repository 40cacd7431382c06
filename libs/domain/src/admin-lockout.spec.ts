import { adminLockout, type AccountChange } from './admin-lockout';

const base: AccountChange = {
  userId: 'u1',
  roles: ['admin'],
  disabled: false,
  nextRoles: ['admin'],
  nextDisabled: false,
  actorId: 'u2',
  otherActiveAdmins: 1,
};

describe('adminLockout', () => {
  it.each<[string, Partial<AccountChange>, ReturnType<typeof adminLockout>]>([
    ['a change that keeps an active admin', { nextRoles: ['admin', 'manager'] }, null],
    ['demoting an admin while another is active', { nextRoles: ['manager'] }, null],
    ['disabling an admin while another is active', { nextDisabled: true }, null],
    ['demoting yourself', { actorId: 'u1', nextRoles: ['manager'] }, 'self_lockout'],
    ['disabling yourself', { actorId: 'u1', nextDisabled: true }, 'self_lockout'],
    ['demoting the last active admin', { nextRoles: ['manager'], otherActiveAdmins: 0 }, 'last_admin'],
    ['disabling the last active admin', { nextDisabled: true, otherActiveAdmins: 0 }, 'last_admin'],
    ['changing a non-admin', { roles: ['manager'], nextRoles: ['front_desk'], otherActiveAdmins: 0 }, null],
    [
      'demoting a disabled admin',
      { disabled: true, nextDisabled: true, nextRoles: ['manager'], otherActiveAdmins: 0 },
      null,
    ],
  ])('%s', (_name, change, expected) => {
    expect(adminLockout({ ...base, ...change })).toBe(expected);
  });
});
