import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../../config/config';
import { EncryptionKey, SecretBox, SecretKeyError, toEncryptionKey } from './secret-box';

// The key file of the embedded setup: {"current": "<key id>", "keys": {"<key id>": "<base64>"}}.
interface KeyFileContent {
  current: string;
  keys: Record<string, string>;
}

export function generateEncryptionKey(): EncryptionKey {
  return toEncryptionKey(randomBytes(32));
}

export function readKeyFile(path: string): { current: EncryptionKey; previous: EncryptionKey[] } {
  let content: KeyFileContent;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as KeyFileContent;
  } catch (error) {
    throw new SecretKeyError(`The encryption key file ${path} cannot be read: ${(error as Error).message}`);
  }
  const keys = Object.entries(content.keys ?? {}).map(([id, encoded]) => {
    const key = toEncryptionKey(Buffer.from(encoded, 'base64'));
    if (key.id !== id) throw new SecretKeyError(`The encryption key file ${path} is damaged (key ${id}).`);
    return key;
  });
  const current = keys.find((key) => key.id === content.current);
  if (!current) throw new SecretKeyError(`The encryption key file ${path} names no current key.`);
  return { current, previous: keys.filter((key) => key !== current) };
}

/** Replaces the key file in one rename, readable by its owner only. */
export function writeKeyFile(path: string, current: EncryptionKey, previous: readonly EncryptionKey[] = []): void {
  const content: KeyFileContent = {
    current: current.id,
    keys: Object.fromEntries([current, ...previous].map((key) => [key.id, key.key.toString('base64')])),
  };
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, path);
}

/**
 * The keys secrets are encrypted with: APP_ENCRYPTION_KEY (with APP_ENCRYPTION_KEY_PREVIOUS), or
 * the key file under DATA_DIR that the embedded setup creates on its first start. Several
 * instances share one database only with DATABASE_URL, and each would make a key file of its own,
 * so there the key must come from the environment.
 */
export function loadSecretBox(config: AppConfig, options: { createKeyFile: boolean }): SecretBox {
  const { key, previousKeys, keyFile } = config.encryption;
  if (key) return new SecretBox(toEncryptionKey(key), previousKeys.map(toEncryptionKey));
  if (config.databaseUrl) {
    throw new SecretKeyError(
      'APP_ENCRYPTION_KEY must be set with DATABASE_URL: every instance needs the same key to read two-factor secrets (generate one with: openssl rand -base64 32).',
    );
  }
  if (!existsSync(keyFile)) {
    if (!options.createKeyFile) throw new SecretKeyError(`There is no encryption key file at ${keyFile}.`);
    writeKeyFile(keyFile, generateEncryptionKey());
  }
  const { current, previous } = readKeyFile(keyFile);
  return new SecretBox(current, previous);
}
