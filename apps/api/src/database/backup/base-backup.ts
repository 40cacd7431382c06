import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { copyTree, CopyFilter, CopyStats } from './copy-tree';

// PostgreSQL's low-level base backup ("Making a Base Backup Using the Low Level API" in the
// manual), for the embedded cluster, whose binaries include neither pg_basebackup nor pg_dump.

// Rebuilt by the server at start, or state a restored cluster must not inherit.
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);
// Kept as empty directories: their contents are rebuilt at start (pg_replslot: slots of the
// source are useless to a restored copy; pg_wal: the segments the backup needs are added after).
const EMPTIED_DIRECTORIES = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

const clusterFilter: CopyFilter = (relative, isDirectory) => {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (name.startsWith('pgsql_tmp') || name === 'pg_internal.init') return 'skip';
  if (!relative.includes('/')) {
    if (!isDirectory && SKIPPED_FILES.has(name)) return 'skip';
    if (isDirectory && EMPTIED_DIRECTORIES.has(name)) return 'empty-directory';
  }
  return 'copy';
};

export interface BaseBackup {
  label: string;
  startWalFile: string;
  stopLsn: string;
  stopWalFile: string;
  walFiles: string[];
  files: CopyStats;
}

/**
 * Copies a running cluster into `target` so that it starts as the database stood at the end of
 * the copy: pg_backup_start, a copy of the data directory, pg_backup_stop (which switches to a
 * new WAL segment), its label written as backup_label, then the WAL segments from the start of
 * the backup to its end, which the restored server replays at its first start.
 */
export async function takeBaseBackup(serverUrl: string, clusterDir: string, target: string): Promise<BaseBackup> {
  const label = `preauth backup ${new Date().toISOString()}`;
  const slot = `preauth_backup_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: serverUrl, application_name: 'preauth-backup' });
  // "WAL archiving is not enabled": the segments are copied below instead.
  client.on('notice', () => undefined);
  await client.connect();
  try {
    // A temporary slot holds every WAL segment from here on until this session ends, so a
    // checkpoint during the copy cannot recycle one the restore needs.
    await client.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [slot]);
    await client.query(`SELECT pg_backup_start($1, fast => true)`, [label]);
    const files = await copyTree(clusterDir, target, clusterFilter);
    const { rows } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null; file: string }>(
      `SELECT lsn::text AS lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS file
         FROM pg_backup_stop(wait_for_archive => false)`,
    );
    const stop = rows[0];
    // Written byte for byte, as the manual requires.
    await writeFile(join(target, 'backup_label'), Buffer.from(stop.labelfile, 'utf8'), { mode: 0o600 });
    if (stop.spcmapfile) {
      await writeFile(join(target, 'tablespace_map'), Buffer.from(stop.spcmapfile, 'utf8'), { mode: 0o600 });
    }
    const startWalFile = /^START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)$/m.exec(stop.labelfile)?.[1];
    if (!startWalFile) throw new Error('pg_backup_stop returned a backup label without its start WAL file.');
    const walFiles = await copyWal(clusterDir, target, startWalFile, stop.file);
    await client.query(`SELECT pg_drop_replication_slot($1)`, [slot]);
    return { label, startWalFile, stopLsn: stop.lsn, stopWalFile: stop.file, walFiles, files };
  } finally {
    // Ending the session also ends a backup left in progress by an error, and drops the slot.
    await client.end();
  }
}

async function copyWal(clusterDir: string, target: string, first: string, last: string): Promise<string[]> {
  const timeline = first.slice(0, 8);
  const names = (await readdir(join(clusterDir, 'pg_wal'))).filter(
    (name) =>
      (WAL_SEGMENT.test(name) && name.startsWith(timeline) && name >= first && name <= last) ||
      name.endsWith('.history'),
  );
  const segments = names.filter((name) => WAL_SEGMENT.test(name));
  if (!segments.includes(first) || !segments.includes(last)) {
    throw new Error(`The WAL segments ${first} to ${last} the backup needs are no longer all in pg_wal.`);
  }
  await copyTree(join(clusterDir, 'pg_wal'), join(target, 'pg_wal'), (relative, isDirectory) =>
    !isDirectory && names.includes(relative) ? 'copy' : 'skip',
  );
  return segments;
}
