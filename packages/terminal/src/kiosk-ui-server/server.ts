import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { silentLogger, type Logger } from '@sidbox/runtime';
import { KioskAction, type ControlReply, type KioskView } from '@sidbox/protocol';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ControlError, failure } from '../control/reply.js';
import { describeActionProblems } from './action-problems.js';
import { refuse } from './guard.js';
import { readStaticFile } from './static-files.js';

/** The built kiosk UI (packages/kiosk-ui/dist), from src/ and from dist/ alike. */
export const defaultKioskUiDir = fileURLToPath(new URL('../../../kiosk-ui/dist', import.meta.url));

export interface KioskUiServerOptions {
  /** 0 picks a free port. */
  port?: number;
  uiDir?: string;
  logger?: Logger;
  /** Current view for a newly connected kiosk page. */
  view: () => KioskView;
  act: (action: KioskAction) => Promise<ControlReply>;
}

const tokenHeader = 'x-sidbox-token';

/**
 * The loopback HTTP server of the kiosk UI: the built UI's files, a server-sent-events stream
 * of views (`GET /api/events?token=…`) and one action endpoint (`POST /api/action`, token in
 * `x-sidbox-token`). Only the kiosk UI itself gets past the guard.
 */
export class KioskUiServer {
  readonly #options: KioskUiServerOptions;
  readonly #logger: Logger;
  readonly #token = randomBytes(24).toString('base64url');
  readonly #streams = new Set<ServerResponse>();
  #app: FastifyInstance | undefined;
  #origins: string[] = [];

  constructor(options: KioskUiServerOptions) {
    this.#options = options;
    this.#logger = (options.logger ?? silentLogger()).child({ component: 'kiosk-ui-server' });
  }

  /** `http://127.0.0.1:<port>` and its `localhost` twin. */
  get origins(): readonly string[] {
    return this.#origins;
  }

  get origin(): string {
    const origin = this.#origins[0];
    if (!origin) throw new Error('kiosk UI server not started');
    return origin;
  }

  /** A kiosk page address that carries the per-launch token in its fragment. */
  url(path = '/'): string {
    return `${this.origin}${path}#k=${this.#token}`;
  }

  async start(): Promise<void> {
    const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
    app.addHook('onRequest', async (request, reply) => {
      const refusal = this.#check(request);
      if (refusal) {
        this.#logger.warn({ refusal, url: request.url.split('?')[0] }, 'kiosk UI request refused');
        await reply.code(403).send({ ok: false, error: { code: 'not-now', message: refusal } });
      }
    });
    app.get('/api/events', (request, reply) => {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      this.#streams.add(stream);
      request.raw.on('close', () => this.#streams.delete(stream));
      this.#write(stream, this.#options.view());
    });
    app.post('/api/action', async (request) => {
      const parsed = KioskAction.safeParse(request.body);
      if (!parsed.success) {
        return failure(new ControlError('bad-request', describeActionProblems(parsed.error)));
      }
      return this.#options.act(parsed.data);
    });
    app.get('/*', async (request, reply) => {
      const file = await readStaticFile(
        this.#options.uiDir ?? defaultKioskUiDir,
        request.url.split('?')[0] ?? '/',
      );
      if (!file) return reply.code(404).type('text/plain').send('not found');
      return reply
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'self'; img-src 'self' data: https:")
        .type(file.contentType)
        .send(file.body);
    });
    await app.listen({ host: '127.0.0.1', port: this.#options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    this.#origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    this.#app = app;
  }

  /** Pushes the current view to every connected kiosk page. */
  publish(view: KioskView): void {
    for (const stream of this.#streams) this.#write(stream, view);
  }

  async stop(): Promise<void> {
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
    await this.#app?.close();
    this.#app = undefined;
  }

  #check(request: FastifyRequest): string | undefined {
    const path = request.url.split('?')[0] ?? '';
    const api = path.startsWith('/api/');
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const header = request.headers[tokenHeader];
    return refuse(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        // Static files carry no secret and need none; the API always does.
        token: api
          ? typeof header === 'string'
            ? header
            : (query.get('token') ?? undefined)
          : this.#token,
      },
      this.#origins,
      this.#token,
      request.method !== 'GET',
    );
  }

  #write(stream: ServerResponse, view: KioskView): void {
    stream.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);
  }
}
