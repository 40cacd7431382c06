import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobsService } from '../jobs/jobs.service';
import { photoIdOfKey, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

/** Pending files younger than this may belong to an upload still in flight. */
export const PENDING_MAX_AGE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MINUTES = 15;

export interface SweepResult {
  finalized: string[];
  deleted: string[];
}

/**
 * Finishes what a crash interrupted: a pending file whose row exists was committed and only
 * missed its rename, so it is made final; a pending file without a row older than an hour (and
 * any raw upload left in the scratch folder) belonged to an upload that never committed and is
 * deleted. A background job: once every 15 minutes (and at start-up) across all instances, which
 * share the storage.
 */
@Injectable()
export class PhotoSweeper implements OnModuleInit {
  private readonly logger = new Logger('PhotoSweeper');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // A failure is thrown to the queue, which records it and retries with backoff.
    this.jobs.define({
      name: 'photo-sweep',
      everyMinutes: SWEEP_EVERY_MINUTES,
      handler: async () => {
        const result = await this.sweep();
        if (result.finalized.length || result.deleted.length) {
          this.logger.log(
            { finalized: result.finalized.length, deleted: result.deleted.length },
            'swept photo uploads',
          );
        }
      },
    });
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    const result: SweepResult = { finalized: [], deleted: [] };
    const cutoff = now.getTime() - PENDING_MAX_AGE_MS;
    for await (const pending of this.storage.listPending()) {
      const photoId = photoIdOfKey(pending.key);
      if (!photoId) continue;
      const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM case_photos WHERE id = $1`, [photoId]);
      if (rows.length) {
        await this.storage.finalize(pending.key);
        result.finalized.push(pending.key);
      } else if (pending.modifiedAt.getTime() < cutoff) {
        await this.storage.delete(pending.key);
        result.deleted.push(pending.key);
      }
    }
    const scratch = join(this.config.uploadDir, 'incoming');
    for (const name of await readdir(scratch).catch(() => [] as string[])) {
      const path = join(scratch, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && info.mtime.getTime() < cutoff) {
        await rm(path, { force: true });
        result.deleted.push(`incoming/${name}`);
      }
    }
    return result;
  }
}
