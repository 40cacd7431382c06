import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/config';
import { loadSecretBox } from './encryption-keys';
import { SecretBox, SecretKeyError, toEncryptionKey } from './secret-box';

describe('SecretBox', () => {
  const key = toEncryptionKey(randomBytes(32));
  const box = new SecretBox(key);

  it('encrypts to a versioned string naming the key, a fresh IV each time, and reads it back', () => {
    const a = box.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:1');
    const b = box.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:1');
    expect(a).toMatch(new RegExp(`^v1:${key.id}:`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.decrypt(a, 'users.totp_secret:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value moved to another row, altered, or written under a key it does not hold', () => {
    const stored = box.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:1');
    expect(() => box.decrypt(stored, 'users.totp_secret:2')).toThrow(SecretKeyError);
    const parts = stored.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join(':'), 'users.totp_secret:1')).toThrow(/integrity check/);
    const other = new SecretBox(toEncryptionKey(randomBytes(32)));
    expect(() => other.decrypt(stored, 'users.totp_secret:1')).toThrow(`encrypted under key ${key.id}`);
  });

  it('reads values under a previous key and reports which values are not under the current one', () => {
    const next = new SecretBox(toEncryptionKey(randomBytes(32)), [key]);
    const old = box.encrypt('JBSWY3DPEHPK3PXP', 'c');
    expect(next.decrypt(old, 'c')).toBe('JBSWY3DPEHPK3PXP');
    expect(next.isCurrent(old)).toBe(false);
    expect(next.isCurrent(next.encrypt('x', 'c'))).toBe(true);
  });
});

describe('loadSecretBox', () => {
  it('makes the embedded setup a key file readable by its owner only, once', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'preauth-keyfile-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir });
      expect(() => loadSecretBox(config, { createKeyFile: false })).toThrow(/no encryption key file/);
      const first = loadSecretBox(config, { createKeyFile: true });
      expect(statSync(join(dataDir, 'encryption-keys.json')).mode & 0o777).toBe(0o600);
      expect(loadSecretBox(config, { createKeyFile: true }).current).toEqual(first.current);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prefers APP_ENCRYPTION_KEY and refuses a key that is not 32 bytes in base64', () => {
    const key = randomBytes(32);
    const config = loadConfig({ APP_ENCRYPTION_KEY: key.toString('base64'), DATABASE_URL: 'postgres://x@h/db' });
    expect(loadSecretBox(config, { createKeyFile: false }).current.key).toEqual(key);
    expect(() => loadConfig({ APP_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(
      /APP_ENCRYPTION_KEY must be 32 bytes in base64/,
    );
    expect(() => loadConfig({ APP_ENCRYPTION_KEY_PREVIOUS: `${key.toString('base64')},nope` })).toThrow(
      /APP_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});
