import { chmod, copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CopyStats {
  files: number;
  bytes: number;
}

/** What to do with an entry (its path relative to the tree's root, with `/`): copy it, or skip it. */
export type CopyFilter = (relative: string, isDirectory: boolean) => 'copy' | 'skip' | 'empty-directory';

function isVanished(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Copies a directory tree that may be changing underneath (a running cluster, uploads in flight):
 * a file removed between listing and copying is left out, which is what the source now holds.
 * Everything is written readable by its owner only (0700 / 0600): the copies hold patient data.
 */
export async function copyTree(
  from: string,
  to: string,
  filter: CopyFilter = () => 'copy',
  stats: CopyStats = { files: 0, bytes: 0 },
  relative = '',
): Promise<CopyStats> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  await chmod(to, 0o700);
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if (isVanished(error)) return stats;
    throw error;
  }
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) {
      throw new Error(
        `${join(from, entry.name)} is a symbolic link (a tablespace?); the backup copies plain files only.`,
      );
    }
    const action = filter(path, entry.isDirectory());
    if (action === 'skip') continue;
    if (entry.isDirectory()) {
      if (action === 'empty-directory') await mkdir(join(to, entry.name), { recursive: true, mode: 0o700 });
      else await copyTree(join(from, entry.name), join(to, entry.name), filter, stats, path);
      continue;
    }
    if (!entry.isFile()) continue;
    try {
      await copyFile(join(from, entry.name), join(to, entry.name));
    } catch (error) {
      if (isVanished(error)) continue;
      throw error;
    }
    await chmod(join(to, entry.name), 0o600);
    stats.files++;
    stats.bytes += (await stat(join(to, entry.name))).size;
  }
  return stats;
}
