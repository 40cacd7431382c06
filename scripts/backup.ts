// npm run backup -- --to /backups   (compiled: node dist/api/scripts/backup.js --to /backups)
// A consistent backup of the embedded deployment in DATA_DIR (database, uploaded photos, the
// database password and encryption key files) into a new directory preauth-<UTC time> under
// --to. Works while Preauth runs; with DATABASE_URL use PostgreSQL's own tools instead.
import { loadConfig } from '../apps/api/src/config/config';
import { backupDataDir } from '../apps/api/src/database/backup/data-dir-backup';

const USAGE = 'usage: npm run backup -- --to <directory>';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--to');
  const to = at >= 0 ? args[at + 1] : undefined;
  if (!to || args.length !== 2) throw new Error(USAGE);
  const started = Date.now();
  const { path, manifest } = await backupDataDir(loadConfig(), to, (line) => process.stderr.write(`${line}\n`));
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(
    `Backed up to ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s: database ${mb(manifest.database.bytes)} ` +
      `(WAL ${manifest.startWalFile}…${manifest.stopWalFile}), ` +
      `${manifest.uploads ? `${manifest.uploads.files} uploaded file(s), ${mb(manifest.uploads.bytes)}` : 'no uploaded files'}.\n`,
  );
  if (manifest.encryptionKeyFile) {
    process.stdout.write('It holds the encryption key file: keep it as safe as the data itself.\n');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
