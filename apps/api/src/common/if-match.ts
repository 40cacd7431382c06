import { HttpException } from '@nestjs/common';
import type { ApiHeaderOptions } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** The If-Match header of a change to a case, as the OpenAPI document describes it. */
export const CASE_IF_MATCH: ApiHeaderOptions = {
  name: 'If-Match',
  required: true,
  description: 'The case version being changed (from GET or its ETag)',
};

/** Parse an If-Match header: `3`, `"3"` or `W/"3"`. */
export function parseIfMatch(header: string | undefined): number {
  const match = header?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match) {
    throw new HttpException(
      {
        statusCode: 428,
        error: 'Precondition Required',
        message: 'Send If-Match with the case version you are changing (from GET, or the ETag header).',
      },
      428,
    );
  }
  return Number(match[1]);
}

/** The record version a client sends back as If-Match. */
export function setETag(res: FastifyReply, version: number): void {
  res.header('ETag', `"${version}"`);
}
