import {
  ACCOUNT_FREE_FAILURES,
  IP_FREE_FAILURES,
  THROTTLE_MAX_DELAY_SECONDS,
  throttleDelaySeconds,
} from './login-throttle.service';

describe('throttleDelaySeconds', () => {
  it('lets the first failures through without a wait', () => {
    for (let n = 0; n < ACCOUNT_FREE_FAILURES; n++) expect(throttleDelaySeconds(n, ACCOUNT_FREE_FAILURES)).toBe(0);
  });

  it('doubles the wait with each further failure, up to the cap', () => {
    const waits = Array.from({ length: 8 }, (_, i) =>
      throttleDelaySeconds(ACCOUNT_FREE_FAILURES + i, ACCOUNT_FREE_FAILURES),
    );
    expect(waits).toEqual([15, 30, 60, 120, 240, 300, 300, 300]);
    expect(throttleDelaySeconds(10_000, ACCOUNT_FREE_FAILURES)).toBe(THROTTLE_MAX_DELAY_SECONDS);
  });

  it('allows an IP (a clinic behind one address) many more failures than an account', () => {
    expect(IP_FREE_FAILURES).toBeGreaterThan(ACCOUNT_FREE_FAILURES * 5);
    expect(throttleDelaySeconds(IP_FREE_FAILURES - 1, IP_FREE_FAILURES)).toBe(0);
  });
});
