import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** The largest JSON body the API reads (a note or a letter is far below it; photos are multipart). */
export const JSON_BODY_LIMIT = 100 * 1024;

/**
 * The deepest nesting of objects and arrays a JSON body may have. The deepest body the API
 * understands, a payer's FHIR ClaimResponse, nests about 7 levels; class-transformer and
 * class-validator recurse once per level, so a body nested thousands deep would overflow the
 * stack in validation (a 500) although it fits in JSON_BODY_LIMIT.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text nests objects and arrays deeper than `limit`, read from the text in one pass
 * before anything is built: brackets inside strings (escaped quotes included) do not count. On
 * text that is not JSON the answer may be either; JSON.parse refuses such text next anyway.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

function tooDeep(): HttpException {
  return new HttpException(
    {
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: `The JSON body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
    },
    HttpStatus.BAD_REQUEST,
  );
}

/**
 * The request bodies the API understands:
 * - JSON, also as application/fhir+json (a payer's FHIR ClaimResponse import), at most
 *   MAX_JSON_DEPTH deep, parsed with Fastify's own parser, which refuses `__proto__` and
 *   `constructor.prototype` keys. An empty body is no body, as a POST without content is (a
 *   transition needs none);
 * - any other type is left unread, as no body: multipart/form-data because the photo upload
 *   streams it to disk itself, under its own limit (MAX_UPLOAD_MB), instead of holding a photo
 *   in memory; the rest so that validation names the fields they lack, and a request without a
 *   session still gets its 401 from the guard, which runs after parsing.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    ['application/json', 'application/fhir+json'],
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (req, body, done) => {
      if (body === '') {
        done(null, undefined);
        return;
      }
      if (exceedsJsonDepth(body as string, MAX_JSON_DEPTH)) {
        done(tooDeep(), undefined);
        return;
      }
      // Fastify's default parser answers through done(); its type also admits the promise form.
      void json(req, body as string, done);
    },
  );
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null));
}
