import Bowser from 'bowser';

/** "Chrome 141 on macOS · desktop" from a User-Agent; what the API stored at sign-in. */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os, platform } = Bowser.parse(userAgent);
  const name = browser.name ? `${browser.name}${browser.version ? ` ${browser.version.split('.')[0]}` : ''}` : null;
  const system = os.name ? `${os.name}${os.versionName ? ` ${os.versionName}` : ''}` : null;
  const parts = [name ?? 'Unknown browser', system ? `on ${system}` : null].filter(Boolean).join(' ');
  return platform.type ? `${parts} · ${platform.type}` : parts;
}
