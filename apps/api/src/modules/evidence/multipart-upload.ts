import { HttpException, HttpStatus } from '@nestjs/common';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './image-sniffing';

export interface ReceivedFile {
  /** Scratch copy of the bytes as uploaded; the caller removes it. */
  path: string;
  size: number;
  sha256: string;
  head: Buffer;
  filename: string;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile | null;
}

export interface ReceiveOptions {
  maxBytes: number;
  scratchDir: string;
  fileField: string;
}

function httpError(status: number, error: string, message: string, field?: string): HttpException {
  return new HttpException(
    { statusCode: status, error, message, ...(field ? { errors: [{ field, reason: message }] } : {}) },
    status,
  );
}

export function tooLarge(maxBytes: number): HttpException {
  const mb = Math.round((maxBytes / 1024 / 1024) * 100) / 100;
  return httpError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'Payload Too Large',
    `The file is larger than the ${mb} MB limit (MAX_UPLOAD_MB).`,
    'file',
  );
}

/**
 * Streams a multipart/form-data request: the one file goes to a scratch file while it is hashed
 * and measured (never held whole in memory); text fields are collected. Refuses with 413 as soon
 * as the file passes `maxBytes`. On any failure the scratch file is gone before this rejects.
 */
export function receiveMultipart(req: IncomingMessage, options: ReceiveOptions): Promise<ReceivedUpload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    return Promise.reject(
      httpError(
        400,
        'Bad Request',
        `Send the photo as multipart/form-data with the image in the "${options.fileField}" field.`,
      ),
    );
  }
  // Multipart framing and the text fields add a little; anything far above the limit is refused unread.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + 64 * 1024)
    return Promise.reject(tooLarge(options.maxBytes));

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // busboy reports 'limit' on reaching fileSize, so one byte more lets a file of exactly maxBytes through.
      limits: { fileSize: options.maxBytes + 1, files: 1, fields: 10, fieldSize: 2000, parts: 12, headerPairs: 20 },
    });
  } catch {
    return Promise.reject(
      httpError(400, 'Bad Request', 'The request is not valid multipart/form-data (missing boundary?).'),
    );
  }

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: ReceivedFile | null = null;
    let fileStream: Readable | null = null;
    let sink: WriteStream | null = null;
    let writing: Promise<void> = Promise.resolve();
    let failure: Error | null = null;
    let settled = false;

    const settle = async () => {
      if (settled) return;
      settled = true;
      await writing.catch(() => undefined);
      // A refused write may still be opening its file: wait for it to close before removing it.
      if (sink && !sink.closed) await once(sink, 'close').catch(() => undefined);
      if (failure) {
        if (file) await rm(file.path, { force: true });
        reject(failure);
      } else {
        resolve({ fields, file });
      }
    };

    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      req.unpipe(parser);
      // With an error: busboy's file stream closed without one does not fail the pipeline.
      fileStream?.destroy(new Error('upload refused'));
      void settle();
    };

    parser.on('file', (name, stream, info) => {
      if (name !== options.fileField || file) {
        stream.resume();
        fail(
          httpError(
            400,
            'Bad Request',
            `Send exactly one file, in the "${options.fileField}" field.`,
            options.fileField,
          ),
        );
        return;
      }
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLength = 0;
      const received: ReceivedFile = {
        path: join(options.scratchDir, `${randomUUID()}.upload`),
        size: 0,
        sha256: '',
        head: Buffer.alloc(0),
        filename: info.filename ?? '',
      };
      file = received;
      fileStream = stream;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          received.size += chunk.length;
          if (headLength < SNIFF_BYTES) {
            head.push(chunk.subarray(0, SNIFF_BYTES - headLength));
            headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
          }
          callback(null, chunk);
        },
        flush(callback) {
          received.sha256 = hash.digest('hex');
          received.head = Buffer.concat(head);
          callback();
        },
      });
      stream.on('limit', () => fail(tooLarge(options.maxBytes)));
      sink = createWriteStream(received.path, { flags: 'wx', mode: 0o600 });
      writing = pipeline(stream, meter, sink);
      // pipeline() rejects with the stream's Error.
      writing.catch((error: Error) => fail(failure ? failure : error));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        fail(httpError(400, 'Bad Request', `${name} is too long`, name));
        return;
      }
      fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(
        httpError(400, 'Bad Request', `Send exactly one file, in the "${options.fileField}" field.`, options.fileField),
      ),
    );
    parser.on('fieldsLimit', () => fail(httpError(400, 'Bad Request', 'Too many fields.')));
    parser.on('partsLimit', () => fail(httpError(400, 'Bad Request', 'Too many parts.')));
    parser.on('error', () => fail(httpError(400, 'Bad Request', 'The request is not valid multipart/form-data.')));
    parser.on('close', () => void settle());
    req.on('aborted', () => fail(httpError(400, 'Bad Request', 'The upload was interrupted.')));
    req.on('error', () => fail(httpError(400, 'Bad Request', 'The upload was interrupted.')));
    req.pipe(parser);
  });
}

/**
 * Read and discard what is left of a request body, so a refusal sent mid-upload reaches a client
 * that is still sending (closing the socket under it would surface as a reset, not a 413).
 */
export async function drainRequest(req: IncomingMessage, timeoutMs = 10_000): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  req.unpipe();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      req.destroy();
      resolve();
    }, timeoutMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    req.once('end', done);
    req.once('close', done);
    req.once('error', done);
    req.resume();
  });
}
