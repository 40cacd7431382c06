import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type PendingObject, type PhotoStorage } from './photo-storage';

export interface S3Location {
  bucket: string;
  /** Key prefix inside the bucket, without leading or trailing slash ('' for none). */
  prefix: string;
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Photos in an S3-compatible bucket: `<prefix>/pending/<key>` while an upload is in flight,
 * `<prefix>/photos/<key>` once its row is committed. S3 has no rename, so finalize() copies then
 * deletes; a crash between the two leaves both, and the next finalize() (sweeper) finishes it.
 * The bucket should be private: files go out only through the authorized routes.
 */
export class S3PhotoStorage implements PhotoStorage {
  constructor(
    private readonly client: Pick<S3Client, 'send'> & Partial<Pick<S3Client, 'destroy'>>,
    private readonly location: S3Location,
    /** Local scratch folder: objects are uploaded from a file so their length is known. */
    private readonly scratchDir: string,
  ) {}

  /** Nest calls this once the HTTP server has closed: close the client's keep-alive sockets. */
  onApplicationShutdown(): void {
    this.client.destroy?.();
  }

  private objectKey(area: 'pending' | 'photos', key: string): string {
    assertStorageKey(key);
    return [this.location.prefix, area, key].filter(Boolean).join('/');
  }

  async putPending(key: string, body: Readable): Promise<{ size: number }> {
    const objectKey = this.objectKey('pending', key);
    const scratch = join(this.scratchDir, `${randomUUID()}.s3put`);
    try {
      await pipeline(body, createWriteStream(scratch, { flags: 'wx', mode: 0o600 }));
      const { size } = await stat(scratch);
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.location.bucket,
          Key: objectKey,
          Body: createReadStream(scratch),
          ContentLength: size,
          ContentType: CONTENT_TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream',
        }),
      );
      return { size };
    } finally {
      await rm(scratch, { force: true });
    }
  }

  async finalize(key: string): Promise<void> {
    const source = this.objectKey('pending', key);
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.location.bucket,
          Key: this.objectKey('photos', key),
          CopySource: `${this.location.bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
    } catch (error) {
      if (isMissing(error) && (await this.isFinal(key))) return;
      throw error;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: source }));
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey('photos', key) }),
      );
      return { stream: result.Body as Readable, size: Number(result.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey('pending', key) }),
    );
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey('photos', key) }),
    );
  }

  isFinal(key: string): Promise<boolean> {
    return this.exists(this.objectKey('photos', key));
  }

  isPending(key: string): Promise<boolean> {
    return this.exists(this.objectKey('pending', key));
  }

  async *listPending(): AsyncIterable<PendingObject> {
    const prefix = [this.location.prefix, 'pending'].filter(Boolean).join('/') + '/';
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield { key: object.Key.slice(prefix.length), modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async exists(objectKey: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
