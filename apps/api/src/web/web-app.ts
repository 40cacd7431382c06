import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const YEAR = 'public, max-age=31536000, immutable';

/** Cache policy by file: hashed assets for a year, the page itself revalidated, the rest an hour. */
function setCacheHeaders(reply: FastifyReply, path: string): void {
  if (/[/\\]assets[/\\]/.test(path)) reply.header('Cache-Control', YEAR);
  else if (/index\.html(\.br|\.gz)?$/.test(path)) reply.header('Cache-Control', 'no-cache');
  else reply.header('Cache-Control', 'public, max-age=3600');
}

/**
 * The built dashboard (dist/web) on the API's own port:
 * - the build's files, each a route of its own (read once at start-up), sent as the brotli or
 *   gzip copy the web build writes beside it when the browser accepts one (a slow phone would
 *   otherwise download three times the bytes); hashed assets never change under a name, so
 *   browsers keep them a year, while index.html, which names the current bundle, is revalidated
 *   at every visit so a deploy shows at once;
 * - any other GET is a client route of the single-page app and gets index.html, except under
 *   /api (the API's own 404) and /assets (a stale bundle asking for a file a newer build removed:
 *   a plain 404, never the page).
 */
export async function registerWebApp(fastify: FastifyInstance, webDistDir: string): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: webDistDir,
    wildcard: false,
    preCompressed: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: setCacheHeaders,
  });
  fastify.get('/*', (req, reply) => {
    const path = req.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    if (path.startsWith('/assets/')) return reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
    return reply.sendFile('index.html');
  });
}
