import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * A stored PDF as the answer. A PDF may carry scripts or links: even if a browser opened it
 * rather than saving it, it is a sandboxed document with no powers.
 */
export function sendPdf(res: FastifyReply, file: { content: Buffer; disposition: string }): StreamableFile {
  res.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    length: file.content.length,
    disposition: file.disposition,
  });
}
