// npm run secrets:rotate   (compiled: node dist/api/scripts/secrets-rotate.js)
// Re-encrypts every stored secret (two-factor secrets) under a new key.
// - Embedded setup (no APP_ENCRYPTION_KEY): makes a new key in DATA_DIR/encryption-keys.json and
//   retires the old one. Stop Preauth first: a running app holds the old key.
// - APP_ENCRYPTION_KEY: run with the new key in APP_ENCRYPTION_KEY and the old one in
//   APP_ENCRYPTION_KEY_PREVIOUS (the app does the same at start when configured that way).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../apps/api/src/config/config';
import { openCliDatabase, runningEmbeddedServerUrl } from '../apps/api/src/database/cli-database';
import { loadSecretBox } from '../apps/api/src/modules/secrets/encryption-keys';
import { reencryptInDatabase, rotateKeyFile } from '../apps/api/src/modules/secrets/rotate-keys';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { key, keyFile } = config.encryption;
  if (!key && !config.databaseUrl) {
    if (!existsSync(keyFile)) throw new Error(`There is no key file at ${keyFile}: start Preauth once first.`);
    if (runningEmbeddedServerUrl(join(config.dataDir, 'postgres'))) {
      throw new Error(
        'Preauth is running on this DATA_DIR and holds the current key: stop it, rotate, start it again.',
      );
    }
    const database = await openCliDatabase(config, (line) => process.stderr.write(`${line}\n`));
    try {
      const { keyId, retired, report } = await rotateKeyFile(keyFile, (box) => reencryptInDatabase(database.url, box));
      say(
        `Re-encrypted ${report.reencrypted} secret(s) under the new key ${keyId}; retired key(s) ${retired.join(', ')}.`,
      );
      say(`The key is in ${keyFile}: back it up with the data (npm run backup does).`);
    } finally {
      await database.close();
    }
    return;
  }
  const box = loadSecretBox(config, { createKeyFile: false });
  const database = await openCliDatabase(config, (line) => process.stderr.write(`${line}\n`));
  try {
    const report = await reencryptInDatabase(database.url, box);
    say(`${report.checked} secret(s) are under key ${box.current.id} (${report.reencrypted} re-encrypted now).`);
    say('Start every instance with APP_ENCRYPTION_KEY alone once none runs with the old key.');
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`secrets:rotate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
