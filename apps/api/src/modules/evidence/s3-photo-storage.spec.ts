import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { S3PhotoStorage } from './s3-photo-storage';

const notFound = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });

/** An in-memory bucket answering the six commands the storage sends (S3 itself is outside the product). */
class FakeS3 {
  objects = new Map<string, { body: Buffer; modified: Date; contentType?: string }>();
  failNextDelete = false;
  sent: string[] = [];

  async send(command: unknown): Promise<unknown> {
    const input = (command as { input: Record<string, unknown> }).input;
    this.sent.push((command as object).constructor.name);
    if (command instanceof PutObjectCommand) {
      const chunks: Buffer[] = [];
      for await (const chunk of input.Body as Readable) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      expect(input.ContentLength).toBe(body.length);
      this.objects.set(input.Key as string, { body, modified: new Date(), contentType: input.ContentType as string });
      return {};
    }
    if (command instanceof CopyObjectCommand) {
      const [bucket, ...rest] = (input.CopySource as string).split('/');
      expect(bucket).toBe('clinic-photos');
      const source = this.objects.get(rest.map(decodeURIComponent).join('/'));
      if (!source) throw notFound('NoSuchKey');
      this.objects.set(input.Key as string, { ...source });
      return {};
    }
    if (command instanceof DeleteObjectCommand) {
      if (this.failNextDelete) {
        this.failNextDelete = false;
        throw new Error('connection reset');
      }
      this.objects.delete(input.Key as string);
      return {};
    }
    if (command instanceof GetObjectCommand) {
      const object = this.objects.get(input.Key as string);
      if (!object) throw notFound('NoSuchKey');
      return { Body: Readable.from([object.body]), ContentLength: object.body.length };
    }
    if (command instanceof HeadObjectCommand) {
      if (!this.objects.has(input.Key as string)) throw notFound('NotFound');
      return {};
    }
    if (command instanceof ListObjectsV2Command) {
      const keys = [...this.objects.keys()].filter((k) => k.startsWith(input.Prefix as string)).sort();
      // Pages of one, to exercise the continuation.
      const start = input.ContinuationToken ? Number(input.ContinuationToken) : 0;
      const key = keys[start];
      return {
        Contents: key ? [{ Key: key, LastModified: this.objects.get(key)!.modified }] : [],
        IsTruncated: start + 1 < keys.length,
        NextContinuationToken: String(start + 1),
      };
    }
    throw new Error(`unexpected command ${(command as object).constructor.name}`);
  }
}

const KEY = '0b8f6c1e-3f7a-4a51-9d7e-1f2a3b4c5d6e.jpg';
const THUMB = '0b8f6c1e-3f7a-4a51-9d7e-1f2a3b4c5d6e-thumb.webp';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3PhotoStorage', () => {
  let scratch: string;
  let s3: FakeS3;
  let storage: S3PhotoStorage;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'preauth-s3-'));
    s3 = new FakeS3();
    storage = new S3PhotoStorage(s3, { bucket: 'clinic-photos', prefix: 'preauth' }, scratch);
  });

  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes pending, makes final by copy + delete, and serves only final objects', async () => {
    const bytes = Buffer.from('jpeg bytes');
    expect(await storage.putPending(KEY, Readable.from([bytes]))).toEqual({ size: bytes.length });
    expect([...s3.objects.keys()]).toEqual([`preauth/pending/${KEY}`]);
    expect(s3.objects.get(`preauth/pending/${KEY}`)?.contentType).toBe('image/jpeg');
    expect(readdirSync(scratch)).toEqual([]);
    expect(await storage.isPending(KEY)).toBe(true);
    expect(await storage.get(KEY)).toBeNull();

    await storage.finalize(KEY);
    expect([...s3.objects.keys()]).toEqual([`preauth/photos/${KEY}`]);
    const file = await storage.get(KEY);
    expect(file?.size).toBe(bytes.length);
    expect((await read(file!.stream)).equals(bytes)).toBe(true);

    // Idempotent: finalizing a final object is a no-op.
    await storage.finalize(KEY);
    expect(await storage.isFinal(KEY)).toBe(true);
  });

  it('finishes a finalize interrupted between the copy and the delete', async () => {
    await storage.putPending(KEY, Readable.from([Buffer.from('x')]));
    s3.failNextDelete = true;
    await expect(storage.finalize(KEY)).rejects.toThrow('connection reset');
    expect(await storage.isPending(KEY)).toBe(true);
    expect(await storage.isFinal(KEY)).toBe(true);
    await storage.finalize(KEY);
    expect([...s3.objects.keys()]).toEqual([`preauth/photos/${KEY}`]);
  });

  it('lists pending objects across pages and deletes both names', async () => {
    await storage.putPending(KEY, Readable.from([Buffer.from('a')]));
    await storage.putPending(THUMB, Readable.from([Buffer.from('b')]));
    const listed: string[] = [];
    for await (const pending of storage.listPending()) listed.push(pending.key);
    expect(listed.sort()).toEqual([KEY, THUMB].sort());
    await storage.delete(KEY);
    await storage.delete(THUMB);
    expect(s3.objects.size).toBe(0);
  });

  it('refuses keys it did not make', async () => {
    await expect(storage.putPending('../../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow(
      'invalid storage key',
    );
    await expect(storage.get('other/../key.jpg')).rejects.toThrow('invalid storage key');
  });
});
