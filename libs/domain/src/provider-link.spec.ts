import { NOT_A_PHYSICIAN_ACCOUNT_REASON, providerLinkRefusal } from './provider-link';

describe('providerLinkRefusal', () => {
  it('lets a physician account be linked, whatever its other roles', () => {
    expect(providerLinkRefusal(['physician'])).toBeNull();
    expect(providerLinkRefusal(['manager', 'physician'])).toBeNull();
  });

  it.each([[['front_desk']], [['manager', 'admin']]] as const)('refuses %j', (roles) => {
    expect(providerLinkRefusal(roles)).toBe(NOT_A_PHYSICIAN_ACCOUNT_REASON);
  });
});
