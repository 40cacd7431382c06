import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3 {
  endpoint: string;
  /** Object keys (without the bucket) → bytes. */
  objects: Map<string, Buffer>;
  close(): Promise<void>;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A path-style S3 endpoint for one bucket, in memory: just the calls the photo storage makes
 * (PUT, PUT with x-amz-copy-source, GET, HEAD, DELETE, ListObjectsV2). No auth, no checksums.
 */
export async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const modified = new Map<string, Date>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const [, bucketName, ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      const notFound = () => {
        res.writeHead(404, { 'Content-Type': 'application/xml' });
        res.end(
          req.method === 'HEAD'
            ? undefined
            : xml(`<Error><Code>NoSuchKey</Code><Message>missing</Message><Key>${escape(key)}</Key></Error>`),
        );
      };
      if (bucketName !== bucket) {
        res.writeHead(404, { 'Content-Type': 'application/xml' });
        res.end(xml('<Error><Code>NoSuchBucket</Code></Error>'));
        return;
      }
      const body = await readBody(req);
      if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const contents = [...objects.keys()]
          .filter((k) => k.startsWith(prefix))
          .sort()
          .map(
            (k) =>
              `<Contents><Key>${escape(k)}</Key><LastModified>${modified.get(k)!.toISOString()}</LastModified><Size>${objects.get(k)!.length}</Size></Contents>`,
          )
          .join('');
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.end(
          xml(
            `<ListBucketResult><Name>${bucket}</Name><Prefix>${escape(prefix)}</Prefix><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
          ),
        );
        return;
      }
      if (req.method === 'PUT') {
        const copySource = req.headers['x-amz-copy-source'];
        if (typeof copySource === 'string') {
          const sourceKey = decodeURIComponent(copySource.replace(/^\/?[^/]+\//, ''));
          const source = objects.get(sourceKey);
          if (!source) return notFound();
          objects.set(key, source);
          modified.set(key, new Date());
          res.writeHead(200, { 'Content-Type': 'application/xml' });
          res.end(
            xml(
              `<CopyObjectResult><ETag>"x"</ETag><LastModified>${new Date().toISOString()}</LastModified></CopyObjectResult>`,
            ),
          );
          return;
        }
        objects.set(key, body);
        modified.set(key, new Date());
        res.writeHead(200, { ETag: '"x"' });
        res.end();
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const object = objects.get(key);
        if (!object) return notFound();
        res.writeHead(200, {
          'Content-Length': object.length,
          'Content-Type': 'application/octet-stream',
          ETag: '"x"',
          'Last-Modified': modified.get(key)!.toUTCString(),
        });
        res.end(req.method === 'HEAD' ? undefined : object);
        return;
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        modified.delete(key);
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(405);
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
