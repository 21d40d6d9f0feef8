import { chmod, mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { silentLogger, type Logger } from '@sidbox/runtime';
import { ControlRequest, type ControlReply } from '@sidbox/protocol';
import { ControlError, failure } from './reply.js';

export type ControlHandler = (request: ControlRequest) => Promise<ControlReply>;

/** Requests are small; a longer line is a broken or hostile client. */
const maxLineBytes = 64 * 1024;

/**
 * The control socket: a Unix domain socket (mode 0600, in a 0700 directory) speaking
 * newline-delimited JSON, one reply line per request line, in order.
 */
export class ControlSocketServer {
  readonly path: string;
  readonly #handle: ControlHandler;
  readonly #logger: Logger;
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;

  constructor(path: string, handle: ControlHandler, logger: Logger = silentLogger()) {
    this.path = path;
    this.#handle = handle;
    this.#logger = logger.child({ component: 'control-socket' });
  }

  async start(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await removeStaleSocket(this.path);
    const server = createServer((socket) => this.#serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // umask-independent: nobody else may connect before the chmod below either.
      const umask = process.umask(0o177);
      try {
        server.listen(this.path, () => resolve());
      } finally {
        process.umask(umask);
      }
    });
    await chmod(this.path, 0o600);
    this.#server = server;
    this.#logger.info({ path: this.path }, 'control socket listening');
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(this.path, { force: true });
  }

  #serve(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buffer = '';
    let queue = Promise.resolve();
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > maxLineBytes) {
        socket.end(
          `${JSON.stringify(failure(new ControlError('bad-request', 'line too long')))}\n`,
        );
        return;
      }
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        // One at a time per connection, so replies keep the order of the requests.
        queue = queue.then(async () => {
          const reply = await this.#answer(line);
          if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
        });
      }
    });
  }

  async #answer(line: string): Promise<ControlReply> {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return failure(new ControlError('bad-request', 'not a JSON line'));
    }
    const parsed = ControlRequest.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'request';
      return failure(new ControlError('bad-request', `${where}: ${issue?.message ?? 'invalid'}`));
    }
    try {
      return await this.#handle(parsed.data);
    } catch (error) {
      if (!(error instanceof ControlError)) {
        this.#logger.error({ err: error, cmd: parsed.data.cmd }, 'control request failed');
      }
      return failure(error);
    }
  }
}

/** A socket file left by a killed daemon is removed; one that answers belongs to a live one. */
async function removeStaleSocket(path: string): Promise<void> {
  const alive = await new Promise<boolean>((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (alive) throw new ControlError('not-now', `another daemon listens on ${path}`);
  await rm(path, { force: true });
}
