import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// v1:<key id>:<iv>:<ciphertext>:<tag>, the binary parts in base64url. The key id names which key
// wrote a value, so values written under an older key stay readable while a rotation is under way.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** A short, stable name for a key that reveals nothing about it (a hash prefix). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('preauth-encryption-key-id:').update(key).digest('hex').slice(0, 12);
}

export function toEncryptionKey(key: Buffer): EncryptionKey {
  if (key.length !== 32) throw new SecretKeyError('An encryption key must be 32 bytes.');
  return { id: keyIdOf(key), key };
}

export function isEncryptedSecret(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

/** The id of the key a stored value was encrypted under, or undefined for a clear-text value. */
export function keyIdOfSecret(value: string): string | undefined {
  return isEncryptedSecret(value) ? value.split(':')[1] : undefined;
}

/**
 * AES-256-GCM under the current key; reads values written under any key it holds. `context`
 * (say `users.totp_secret:<user id>`) is authenticated with the value, so a value copied into
 * another row or column no longer decrypts.
 */
export class SecretBox {
  private readonly byId: Map<string, EncryptionKey>;

  constructor(
    readonly current: EncryptionKey,
    previous: readonly EncryptionKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((key) => [key.id, key]));
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(this.current.id, context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, this.current.id, b64(iv), b64(body), b64(cipher.getAuthTag())].join(':');
  }

  decrypt(stored: string, context: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION)
      throw new SecretKeyError('The stored secret is not in a known format.');
    const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
    const key = this.byId.get(keyId);
    if (!key) {
      throw new SecretKeyError(
        `A stored secret was encrypted under key ${keyId}, which is not configured (the current key is ${this.current.id}).`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(keyId, context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(`A stored secret under key ${keyId} failed its integrity check.`);
    }
  }

  isCurrent(stored: string): boolean {
    return keyIdOfSecret(stored) === this.current.id;
  }
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
