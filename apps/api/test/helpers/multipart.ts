import { randomBytes } from 'node:crypto';

export interface Part {
  data: Buffer;
  filename: string;
  contentType?: string;
}

/** A multipart body built by hand, so file names can carry NUL, CR/LF and the like. */
export function multipart(fields: Record<string, string>, file?: Part): { body: Buffer; contentType: string } {
  const boundary = `----preauth${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    const plain = /^[\x20-\x7e]*$/.test(file.filename) && !file.filename.includes('"');
    const name = plain ? `filename="${file.filename}"` : `filename*=UTF-8''${encodeURIComponent(file.filename)}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${name}\r\nContent-Type: ${file.contentType ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
