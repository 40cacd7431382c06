import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/** JSON (FHIR's +json too), CSV exports, plain text; mime-db's other compressible types as well. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?:csv|plain))(?:;|$)/i;

/**
 * API answers compressed for a browser that accepts it. A worklist of a hundred cases is 30 KB of
 * JSON and about 4 KB in brotli: on a phone's connection that is the difference between the rows
 * arriving with the page's code or well after it.
 * - Only text: PDFs and photos (compressed inside) and the dashboard's files (compressed at build
 *   time, see web-app.ts) pass as they are.
 * - Brotli at quality 3 (gzip for clients without it): quality 11, right for files compressed
 *   once at build time, costs milliseconds of CPU per answer. On the worklist's 30 KB, quality 3
 *   gives 4.5 KB in about 0.11 ms (quality 4: 4.5 KB, 0.19 ms; gzip 6: 4.7 KB, 0.15 ms), beside
 *   the API's 0.6 ms of CPU for the request itself.
 * - Compression and secrets (BREACH): the attack needs the victim's browser to send requests an
 *   attacker chose, with the session, beside a secret in the same answer. The session cookie is
 *   SameSite=Strict, so no other site's page can make such a request.
 */
export async function registerCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: (type: string) => COMPRESSIBLE.test(type),
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } },
    zlibOptions: { level: 6 },
  });
}
