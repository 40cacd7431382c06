import { Client } from 'pg';
import { generateEncryptionKey, readKeyFile, writeKeyFile } from './encryption-keys';
import { SecretBox } from './secret-box';
import { reencryptStoredSecrets, StoredSecretsReport } from './stored-secrets';

/** Every stored secret written again under the box's current key, in one transaction. */
export async function reencryptInDatabase(url: string, box: SecretBox): Promise<StoredSecretsReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      const report = await reencryptStoredSecrets(
        async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows,
        box,
      );
      await client.query('COMMIT');
      return report;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * A new key for the embedded setup's key file. The old keys stay in the file until every secret
 * has moved to the new key and are retired only then, so a failure at any step leaves every
 * secret readable.
 */
export async function rotateKeyFile(
  keyFile: string,
  reencrypt: (box: SecretBox) => Promise<StoredSecretsReport>,
): Promise<{ keyId: string; retired: string[]; report: StoredSecretsReport }> {
  const old = readKeyFile(keyFile);
  const next = generateEncryptionKey();
  const keep = [old.current, ...old.previous];
  writeKeyFile(keyFile, next, keep);
  const report = await reencrypt(new SecretBox(next, keep));
  writeKeyFile(keyFile, next);
  return { keyId: next.id, retired: keep.map((key) => key.id), report };
}
