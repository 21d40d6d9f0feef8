import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const idleSweepMs = 50;

/**
 * Closes the HTTP server without waiting on connections that will never finish.
 *
 * Node counts a connection that has been opened but has not yet sent a request as active (its
 * headers timeout runs, a minute by default), so Fastify's default close, which ends only idle
 * connections, waits for it. A client that opens a socket and goes away (a terminal stopping
 * while its HTTP pool connects) thus held `close()` for a minute. Such sockets are destroyed at
 * close; anything still open after the grace period is cut.
 *
 * A connection whose last request is answered after close began stays open for keep-alive (a
 * reverse proxy keeps its connections to each instance) and would hold close() for the whole
 * grace period: while closing, idle connections are swept every few milliseconds.
 */
export function gracefulCloser(server: Server, graceMs: number) {
  const unused = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (request: { socket: Socket }) => unused.delete(request.socket));
  return async (close: () => Promise<unknown>): Promise<void> => {
    for (const socket of unused) socket.destroy();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    const sweep = setInterval(() => server.closeIdleConnections(), idleSweepMs);
    sweep.unref();
    try {
      await close();
    } finally {
      clearTimeout(force);
      clearInterval(sweep);
    }
  };
}
