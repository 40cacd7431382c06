import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type PendingObject, type PhotoStorage } from './photo-storage';

/**
 * Photos on local disk under UPLOAD_DIR: `pending/` while an upload is in flight, `photos/` once
 * its row is committed. Both sit on one file system, so finalize() is an atomic rename. Nothing
 * here is served statically: files go out only through the authorized routes.
 */
export class LocalPhotoStorage implements PhotoStorage {
  private readonly pendingDir: string;
  private readonly finalDir: string;

  constructor(private readonly root: string) {
    this.pendingDir = join(root, 'pending');
    this.finalDir = join(root, 'photos');
  }

  async init(): Promise<void> {
    await mkdir(this.pendingDir, { recursive: true, mode: 0o700 });
    await mkdir(this.finalDir, { recursive: true, mode: 0o700 });
  }

  pendingPath(key: string): string {
    assertStorageKey(key);
    return join(this.pendingDir, key);
  }

  finalPath(key: string): string {
    assertStorageKey(key);
    return join(this.finalDir, key);
  }

  async putPending(key: string, body: Readable): Promise<{ size: number }> {
    const path = this.pendingPath(key);
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    try {
      // 'wx': never overwrite; keys are fresh UUIDs.
      await pipeline(body, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      // Durable before the row commits: the bytes, and the directory entry naming them.
      await fsyncFile(path);
      await fsyncDir(this.pendingDir);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { size };
  }

  async finalize(key: string): Promise<void> {
    try {
      await rename(this.pendingPath(key), this.finalPath(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await this.isFinal(key))) return;
      throw error;
    }
    await fsyncDir(this.finalDir);
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.finalPath(key);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pendingPath(key), { force: true });
    await rm(this.finalPath(key), { force: true });
  }

  async isFinal(key: string): Promise<boolean> {
    return exists(this.finalPath(key));
  }

  async isPending(key: string): Promise<boolean> {
    return exists(this.pendingPath(key));
  }

  async *listPending(): AsyncIterable<PendingObject> {
    let names: string[];
    try {
      names = await readdir(this.pendingDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      try {
        const info = await stat(join(this.pendingDir, name));
        if (info.isFile()) yield { key: name, modifiedAt: info.mtime };
      } catch {
        // Finalized or removed meanwhile.
      }
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// A committed row must never point at bytes still in the page cache when the power goes.
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  }
}
