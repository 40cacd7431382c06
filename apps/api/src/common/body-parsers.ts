import type { FastifyInstance } from 'fastify';

/** The largest JSON body the API reads (a note or a letter is far below it; photos are multipart). */
export const JSON_BODY_LIMIT = 100 * 1024;

/**
 * The request bodies the API understands:
 * - JSON, also as application/fhir+json (a payer's FHIR ClaimResponse import), parsed with
 *   Fastify's own parser, which refuses `__proto__` and `constructor.prototype` keys. An empty
 *   body is no body, as a POST without content is (a transition needs none);
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
      // Fastify's default parser answers through done(); its type also admits the promise form.
      void json(req, body as string, done);
    },
  );
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null));
}
