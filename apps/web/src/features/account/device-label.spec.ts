import { deviceLabel } from './device-label';

describe('deviceLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
      /^Chrome 141 on macOS.* · desktop$/,
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      /^Safari 17 on iOS · mobile$/,
    ],
    [null, /^Unknown device$/],
    ['curl/8.5.0', /^Unknown browser|curl/],
  ])('%s', (userAgent, expected) => {
    expect(deviceLabel(userAgent)).toMatch(expected);
  });
});
