import type { FastifyInstance } from 'fastify';

/** How often, while closing, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 200;

/**
 * How the HTTP server empties on shutdown. fastify.close() (app.close()) stops accepting
 * connections and closes the idle keep-alive ones once; a connection busy with a request at that
 * moment would then stay open after its response until the keep-alive timeout (72 s), holding the
 * shutdown up, or be closed just as its client sends the next request on it (a reset). So while
 * closing every response says `Connection: close` (the client opens a new connection, which is
 * refused, rather than reusing this one), and connections that still go idle are closed as they
 * do. A request that arrives on an open connection meanwhile is served, not refused: the app is
 * still whole until the server has closed (the Fastify option return503OnClosing: false).
 */
export function registerHttpDrain(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    const sweep = setInterval(() => fastify.server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    fastify.server.once('close', () => clearInterval(sweep));
    done();
  });
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
}
