import { isEncryptedSecret, keyIdOfSecret, SecretBox, SecretKeyError } from './secret-box';

/** A query in the caller's transaction, returning rows (TypeORM's EntityManager#query, or pg's). */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** What a stored TOTP secret is bound to: a value copied into another user's row does not decrypt. */
export function totpSecretContext(userId: string): string {
  return `users.totp_secret:${userId}`;
}

/** What a payer's PAS signing key is bound to: a key copied to another payer's row does not decrypt. */
export function pasKeyContext(payerId: string): string {
  return `payer_pas_endpoints.private_key:${payerId}`;
}

export interface StoredSecretsReport {
  /** Secrets found. */
  checked: number;
  /** Secrets written again under the current key: clear text from before encryption, or an older key. */
  reencrypted: number;
}

/**
 * Reads every stored secret and writes again, under the current key, each one that is clear text
 * or under another key, all in the caller's transaction. A secret no configured key opens stops
 * everything (the transaction rolls back) with a message naming the key ids, never the values.
 */
export async function reencryptStoredSecrets(query: SqlQuery, box: SecretBox): Promise<StoredSecretsReport> {
  const totp = (await query(
    `SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL ORDER BY id FOR UPDATE`,
  )) as { id: string; totp_secret: string }[];
  const pasKeys = (await query(
    `SELECT payer_id, private_key FROM payer_pas_endpoints ORDER BY payer_id FOR UPDATE`,
  )) as { payer_id: string; private_key: string }[];
  const rows = [
    ...totp.map((r) => ({
      secret: r.totp_secret,
      context: totpSecretContext(r.id),
      update: `UPDATE users SET totp_secret = $2 WHERE id = $1`,
      id: r.id,
    })),
    ...pasKeys.map((r) => ({
      secret: r.private_key,
      context: pasKeyContext(r.payer_id),
      update: `UPDATE payer_pas_endpoints SET private_key = $2 WHERE payer_id = $1`,
      id: r.payer_id,
    })),
  ];
  const unreadable = new Map<string, number>();
  let reencrypted = 0;
  for (const row of rows) {
    const { context } = row;
    let plain: string;
    try {
      plain = isEncryptedSecret(row.secret) ? box.decrypt(row.secret, context) : row.secret;
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      const keyId = keyIdOfSecret(row.secret) ?? 'unknown';
      unreadable.set(keyId, (unreadable.get(keyId) ?? 0) + 1);
      continue;
    }
    if (box.isCurrent(row.secret)) continue;
    await query(row.update, [row.id, box.encrypt(plain, context)]);
    reencrypted++;
  }
  if (unreadable.size) {
    const found = [...unreadable].map(([keyId, count]) => `${count} under key ${keyId}`).join(', ');
    throw new SecretKeyError(
      `Secrets in the database (two-factor secrets, payer signing keys) cannot be decrypted with the configured encryption key ${box.current.id} (${found}). ` +
        'Start with the key they were written with: APP_ENCRYPTION_KEY, or the encryption-keys.json of this DATA_DIR; ' +
        'during a rotation name the old key in APP_ENCRYPTION_KEY_PREVIOUS.',
    );
  }
  return { checked: rows.length, reencrypted };
}
