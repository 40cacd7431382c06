// npm run restore -- /backups/preauth-20261203T101500Z   (compiled: node dist/api/scripts/restore.js …)
// Restores a backup made by npm run backup into DATA_DIR, which must be empty or missing; then
// `npm start` with that DATA_DIR comes up on the restored data.
import { loadConfig } from '../apps/api/src/config/config';
import { restoreDataDir } from '../apps/api/src/database/backup/data-dir-restore';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith('-')) throw new Error('usage: npm run restore -- <backup directory>');
  const config = loadConfig();
  const { manifest, cases, photos } = await restoreDataDir(config, args[0], (line) =>
    process.stderr.write(`${line}\n`),
  );
  process.stdout.write(
    `Restored the backup of ${manifest.createdAt} into ${config.dataDir}: ${cases} case(s), ${photos} photo(s). ` +
      'Start Preauth with this DATA_DIR, then run npm run audit:verify.\n',
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`restore: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
