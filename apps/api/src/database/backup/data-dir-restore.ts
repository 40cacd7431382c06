import { execFile } from 'node:child_process';
import { chmod, chown, copyFile, lstat, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { AppConfig } from '../../config/config';
import { startEmbeddedPostgres, withDatabase } from '../embedded-postgres';
import { copyTree } from './copy-tree';
import { backupPaths, BackupManifest, readManifest } from './data-dir-backup';

const run = promisify(execFile);

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * embedded-postgres runs the server as the "postgres" user when started by root, and the server
 * refuses a data directory it does not own: a cluster copied back by root is handed to that user
 * (made as embedded-postgres itself would make it, if this machine has none yet).
 */
async function giveClusterToPostgresUser(clusterDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const id = async (flag: string) => Number.parseInt((await run('id', [flag, 'postgres'])).stdout, 10);
  let uid: number;
  try {
    uid = await id('-u');
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    uid = await id('-u');
  }
  const gid = await id('-g');
  const walk = async (path: string): Promise<void> => {
    await chown(path, uid, gid);
    if ((await lstat(path)).isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    }
  };
  await walk(clusterDir);
}

/**
 * Restores a backup into an empty DATA_DIR (and UPLOAD_DIR), then starts the cluster once: its
 * first start replays the WAL the backup holds and proves the copy opens. On any failure what was
 * written is removed again, leaving the directories empty as they were.
 */
export async function restoreDataDir(
  config: AppConfig,
  backup: string,
  log: (line: string) => void,
): Promise<{ manifest: BackupManifest; cases: number; photos: number }> {
  if (config.databaseUrl) {
    throw new Error(
      'npm run restore restores the embedded database; unset DATABASE_URL (see Operations in the README).',
    );
  }
  const from = backupPaths(resolve(backup));
  const manifest = await readManifest(resolve(backup));
  const uploadsInside = !relative(config.dataDir, config.uploadDir).startsWith('..');
  for (const dir of uploadsInside ? [config.dataDir] : [config.dataDir, config.uploadDir]) {
    if (!(await isEmptyOrMissing(dir))) {
      throw new Error(`${dir} is not empty: restore into a new, empty DATA_DIR (and UPLOAD_DIR), then start on it.`);
    }
  }
  const to = backupPaths(config.dataDir);
  try {
    log(`Copying the database from ${resolve(backup)} …`);
    await copyTree(from.cluster, to.cluster);
    await copyFile(from.credentials, to.credentials);
    await giveClusterToPostgresUser(to.cluster);
    if (manifest.uploads && existsSync(from.uploads)) {
      log('Copying the uploaded files …');
      await copyTree(from.uploads, config.uploadDir);
    }
    if (manifest.encryptionKeyFile) {
      await copyFile(from.keyFile, config.encryption.keyFile);
      await chmod(config.encryption.keyFile, 0o600);
    }
    log('Starting the restored database once (it replays the WAL of the backup) …');
    const embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
    try {
      const client = new Client({ connectionString: withDatabase(embedded.url, 'preauth') });
      await client.connect();
      try {
        const { rows } = await client.query<{ cases: number; photos: number }>(
          `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_photos) AS photos`,
        );
        return { manifest, ...rows[0] };
      } finally {
        await client.end();
      }
    } finally {
      await embedded.stop();
    }
  } catch (error) {
    for (const dir of uploadsInside ? [config.dataDir] : [config.dataDir, config.uploadDir]) {
      for (const name of await readdir(dir).catch(() => []))
        await rm(join(dir, name), { recursive: true, force: true });
    }
    throw error;
  }
}
