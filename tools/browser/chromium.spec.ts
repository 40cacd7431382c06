import { launchArgs, resolveChromium } from './chromium';

describe('the Chromium the browser tests and Lighthouse drive', () => {
  it('honours CHROME_PATH without looking anywhere else', async () => {
    const binary = await resolveChromium({ CHROME_PATH: '/opt/my-chrome/chrome' });
    expect(binary.source).toBe('CHROME_PATH');
    expect(binary.executablePath).toBe('/opt/my-chrome/chrome');
    expect(binary.args).toContain('--no-sandbox');
  });

  it('keeps the same-origin policy and process isolation the package would switch off', () => {
    const args = launchArgs([
      '--disable-web-security',
      '--allow-running-insecure-content',
      '--single-process',
      '--disable-site-isolation-trials',
      "--headless='shell'",
      '--no-zygote',
      '--no-sandbox',
    ]);
    expect(args).not.toEqual(expect.arrayContaining(['--disable-web-security']));
    expect(args.filter((a) => /insecure|single-process|site-isolation/.test(a))).toEqual([]);
    expect(args).toEqual(expect.arrayContaining(["--headless='shell'", '--no-zygote', '--disable-gpu']));
    expect(args.filter((a) => a === '--no-sandbox')).toHaveLength(1);
  });
});
