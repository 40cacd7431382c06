import { copyFile, chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/config';
import { openCliDatabase, runningEmbeddedServerUrl } from '../cli-database';
import { withDatabase } from '../embedded-postgres';
import { takeBaseBackup } from './base-backup';
import { copyTree, CopyStats } from './copy-tree';

export const MANIFEST = 'backup.json';
const FORMAT = 1;

/** What backup.json says about a backup. */
export interface BackupManifest {
  format: number;
  createdAt: string;
  label: string;
  postgresVersion: string;
  startWalFile: string;
  stopLsn: string;
  stopWalFile: string;
  database: CopyStats;
  uploads: CopyStats | null;
  encryptionKeyFile: boolean;
}

// A backup's layout mirrors DATA_DIR's, so a restore is a copy back.
export const backupPaths = (root: string) => ({
  cluster: join(root, 'postgres', 'cluster'),
  credentials: join(root, 'postgres', 'credentials.json'),
  uploads: join(root, 'uploads'),
  keyFile: join(root, 'encryption-keys.json'),
});

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * A consistent backup of the embedded deployment into a new directory under `toDir`: the
 * database as a base backup (taken while the app runs, or with the cluster started for it), then
 * the uploaded files, the database's password file and the encryption key file. The database is
 * copied first: a photo file without a row is a leftover the sweeper removes, a row without its
 * file would be a hole. Written under a `.partial` name and renamed when complete.
 */
export async function backupDataDir(
  config: AppConfig,
  toDir: string,
  log: (line: string) => void,
): Promise<{ path: string; manifest: BackupManifest }> {
  if (config.databaseUrl) {
    throw new Error(
      'npm run backup copies the embedded database; with DATABASE_URL back up with PostgreSQL tools (pg_dump, or continuous archiving): see Operations in the README.',
    );
  }
  const source = backupPaths(config.dataDir);
  if (!existsSync(join(source.cluster, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${config.dataDir} (DATA_DIR) to back up.`);
  }
  const createdAt = new Date();
  const path = join(resolve(toDir), `preauth-${timestamp(createdAt)}`);
  const partial = `${path}.partial`;
  if (existsSync(path) || existsSync(partial)) throw new Error(`${path} already exists.`);
  await mkdir(partial, { recursive: true, mode: 0o700 });
  try {
    const running = runningEmbeddedServerUrl(join(config.dataDir, 'postgres'));
    const database = await openCliDatabase(config, log);
    let base;
    try {
      log(`Copying the database (${running ? 'while Preauth runs' : 'cluster started for the backup'}) …`);
      base = await takeBaseBackup(withDatabase(database.url, 'postgres'), source.cluster, backupPaths(partial).cluster);
    } finally {
      await database.close();
    }
    await copyFile(source.credentials, backupPaths(partial).credentials);
    let uploads: CopyStats | null = null;
    if (config.s3) {
      log(`Photos are in the S3 bucket ${config.s3.bucket}, not in this backup: keep versioning on for the bucket.`);
    } else if (existsSync(config.uploadDir)) {
      log('Copying the uploaded files …');
      uploads = await copyTree(config.uploadDir, backupPaths(partial).uploads);
    }
    const encryptionKeyFile = existsSync(config.encryption.keyFile);
    if (encryptionKeyFile) {
      await copyFile(config.encryption.keyFile, backupPaths(partial).keyFile);
      await chmod(backupPaths(partial).keyFile, 0o600);
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: createdAt.toISOString(),
      label: base.label,
      postgresVersion: (await readFile(join(source.cluster, 'PG_VERSION'), 'utf8')).trim(),
      startWalFile: base.startWalFile,
      stopLsn: base.stopLsn,
      stopWalFile: base.stopWalFile,
      database: base.files,
      uploads,
      encryptionKeyFile,
    };
    await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await rename(partial, path);
    return { path, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

export async function readManifest(backup: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(backup, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new Error(`${backup} is not a complete Preauth backup (no readable ${MANIFEST}).`);
  }
  if (manifest.format !== FORMAT) throw new Error(`${backup} is a backup of format ${manifest.format}, not ${FORMAT}.`);
  return manifest;
}
